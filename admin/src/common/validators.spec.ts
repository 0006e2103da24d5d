import { checkPasswordStrength, withCheckDigit } from '@adaldesk/libs';
import { en } from '../i18n/en';
import { strongPassword, validBin } from './validators';

const messageExists = (key: string) =>
  typeof key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], en) === 'string';
const keyOf = (result: ReturnType<typeof strongPassword>) => (typeof result === 'string' ? result : result?.message);

describe('strongPassword', () => {
  it('accepts a strong password and leaves an empty one to `required`', () => {
    expect(strongPassword('Tulpar-2026-kz', { email: 'a.serikova@adaldesk.kz' })).toBeUndefined();
    expect(strongPassword('', {})).toBeUndefined();
    expect(strongPassword(undefined, {})).toBeUndefined();
  });

  // Each weak password makes libs give a different reason; every reason has its own translated message.
  it.each([
    ['short1', '', 'app.validation.password_too_short'],
    [`${'ab1'.repeat(67)}x`, '', 'app.validation.password_too_long'],
    ['onlyletterslong', '', 'app.validation.password_letters_and_digits'],
    ['ab12ab12ab12ab12', '', 'app.validation.password_repetitive'],
    ['serikova-2026-x', 'serikova@adaldesk.kz', 'app.validation.password_contains_email'],
  ])('explains why %s is weak', (password, email, key) => {
    expect(checkPasswordStrength(password, email)).not.toBeNull();
    expect(keyOf(strongPassword(password, { email }))).toBe(key);
    expect(messageExists(key)).toBe(true);
  });

  it('passes the minimum length to the message', () => {
    expect(strongPassword('short1', {})).toEqual({ message: 'app.validation.password_too_short', args: { min: 10 } });
  });
});

describe('validBin', () => {
  const bin = ['05014000012', '05014000013', '05014000014'].map(withCheckDigit).find((value) => value !== null)!;

  it('accepts a valid BIN and an empty value', () => {
    expect(validBin(bin)).toBeUndefined();
    expect(validBin(null)).toBeUndefined();
    expect(validBin('')).toBeUndefined();
  });

  it('refuses a wrong check digit, a wrong length and letters', () => {
    const wrongDigit = bin.slice(0, 11) + ((Number(bin[11]) + 1) % 10);
    expect(validBin(wrongDigit)).toBe('app.validation.bin');
    expect(validBin('12345')).toBe('app.validation.bin');
    expect(validBin('05014000012a')).toBe('app.validation.bin');
    expect(messageExists('app.validation.bin')).toBe(true);
  });
});
