import { type AuthProvider, fetchUtils, type HttpError } from 'react-admin';
import { canAccess } from './access';
import { API_URL, fetchApi } from './dataProvider';
import {
  clearSession,
  getAccessToken,
  getSessionUser,
  isTokenExpired,
  saveSession,
  saveSessionUser,
  type SessionUser,
} from './session';

interface LoginResponse {
  accessToken: string;
  user: SessionUser;
}

/** Why a sign-in failed, as a translation key; the API's own words are English only. */
function loginFailureMessage(status: number | undefined): string {
  if (status === 401) return 'app.auth.wrong_credentials';
  if (status === 429) return 'app.errors.too_many_requests';
  if (status === 400) return 'app.auth.invalid_input';
  return 'ra.notification.http_error';
}

export const authProvider: AuthProvider = {
  async login({ email, password }: { email: string; password: string }) {
    try {
      const { json } = await fetchUtils.fetchJson(`${API_URL}/auth/login`, {
        method: 'POST',
        body: JSON.stringify({ email, password }),
      });
      const { accessToken, user } = json as LoginResponse;
      saveSession(accessToken, user);
    } catch (error) {
      throw new Error(loginFailureMessage((error as HttpError).status), { cause: error });
    }
  },

  async logout() {
    const token = getAccessToken();
    // Ends the session on the server too (every token of this user stops working), then forgets it here;
    // a token already refused or a server out of reach must not keep the user from leaving.
    if (token && !isTokenExpired(token)) {
      await fetchApi(`${API_URL}/auth/logout`, { method: 'POST' }).catch(() => undefined);
    }
    clearSession();
  },

  async checkAuth() {
    const token = getAccessToken();
    // No session at all is the ordinary first visit: go to the login page without an error message.
    if (!token) throw { message: false };
    if (isTokenExpired(token) || !getSessionUser()) {
      clearSession();
      throw new Error('ra.notification.logged_out');
    }
  },

  async checkError(error: HttpError) {
    // 401: the session is gone, sign in again. 403: signed in but not allowed; stay and say so.
    if (error?.status === 401) {
      clearSession();
      throw error;
    }
  },

  async getIdentity() {
    const stored = getSessionUser();
    if (!stored) throw new Error('ra.auth.auth_check_error');
    try {
      // The role or region may have changed since sign-in; the permission checks read the stored user.
      const { json } = await fetchApi(`${API_URL}/auth/me`);
      saveSessionUser(json as SessionUser);
      return json as SessionUser;
    } catch (error) {
      if ((error as HttpError).status === 401) throw error;
      return stored;
    }
  },

  async getPermissions() {
    return getSessionUser()?.role ?? null;
  },

  async canAccess({ resource, action, record }) {
    return canAccess(getSessionUser(), { resource, action, record });
  },
};
