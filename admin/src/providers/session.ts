import { type Role, ROLES } from '@adaldesk/libs';

/** The signed-in user as `POST /api/auth/login` and `GET /api/auth/me` return them. */
export interface SessionUser {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  regionId: string | null;
  active: boolean;
}

const TOKEN_KEY = 'adaldesk.accessToken';
const USER_KEY = 'adaldesk.user';

export function getAccessToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

export function getSessionUser(): SessionUser | null {
  const raw = localStorage.getItem(USER_KEY);
  if (!raw) return null;
  try {
    const user = JSON.parse(raw) as SessionUser;
    return (ROLES as readonly string[]).includes(user.role) ? user : null;
  } catch {
    return null;
  }
}

export function saveSession(accessToken: string, user: SessionUser): void {
  localStorage.setItem(TOKEN_KEY, accessToken);
  saveSessionUser(user);
}

export function saveSessionUser(user: SessionUser): void {
  localStorage.setItem(USER_KEY, JSON.stringify(user));
}

export function clearSession(): void {
  localStorage.removeItem(TOKEN_KEY);
  localStorage.removeItem(USER_KEY);
}

/** Whether a JWT's `exp` has passed; a token we cannot read counts as expired. */
export function isTokenExpired(token: string, now = Date.now()): boolean {
  try {
    const payload = token.split('.')[1];
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const { exp } = JSON.parse(json) as { exp?: unknown };
    return typeof exp === 'number' && exp * 1000 <= now;
  } catch {
    return true;
  }
}
