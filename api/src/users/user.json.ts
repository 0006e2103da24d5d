import type { User } from './user.entity.js';

/** A user as the API shows it: never the password hash, nor the session version tokens are checked against. */
export type UserJson = Omit<User, 'passwordHash' | 'sessionVersion'>;

export function toUserJson(user: User): UserJson {
  const { passwordHash: _hidden, sessionVersion: _internal, ...visible } = user;
  return visible;
}
