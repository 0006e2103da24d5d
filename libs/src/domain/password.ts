export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** Why a password is too weak, or null when it is strong enough. Shared by the API and the UI form. */
export function checkPasswordStrength(password: string, email = ''): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters long`;
  if (password.length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters long`;
  if (!/\p{L}/u.test(password) || !/\d/.test(password)) return 'must contain both letters and digits';
  if (new Set(password).size < 5) return 'must not repeat the same few characters';
  const localPart = email.split('@')[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && password.toLowerCase().includes(localPart)) {
    return 'must not contain the e-mail name';
  }
  return null;
}
