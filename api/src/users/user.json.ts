import type { User } from './user.entity.js';

/** A user as the API shows it: never the password hash. */
export type UserJson = Omit<User, 'passwordHash'>;

export function toUserJson(user: User): UserJson {
  const { passwordHash: _hidden, ...visible } = user;
  return visible;
}
