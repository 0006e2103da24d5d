import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { SignedInUsers } from '../core/auth/signed-in-users.js';
import { Clock } from '../core/clock/clock.js';
import { AppError, ErrorCode } from '../core/errors/app-error.js';
import { User } from '../users/user.entity.js';
import { toUserJson, type UserJson } from '../users/user.json.js';
import { LoginThrottleService } from './login-throttle.service.js';

export interface LoginResult {
  accessToken: string;
  user: UserJson;
}

// Verified when the e-mail is unknown, so both failures take the same time.
const DUMMY_HASH = argon2.hash('no such user, no such password');

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottleService,
    private readonly signedIn: SignedInUsers,
    private readonly clock: Clock,
  ) {}

  async login(email: string, password: string, ip: string | null): Promise<LoginResult> {
    const attempt = await this.throttle.reserve(email, ip);
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .addSelect(['user.passwordHash', 'user.sessionVersion'])
      .where('lower(user.email) = lower(:email)', { email: email.trim() })
      .getOne();
    const passwordMatches = await argon2.verify(user?.passwordHash ?? (await DUMMY_HASH), password);
    if (!user || !passwordMatches) {
      await this.throttle.failed();
      throw new AppError(ErrorCode.Unauthenticated, 'Wrong e-mail or password');
    }
    await this.throttle.succeeded(attempt);
    if (!user.active) {
      throw new AppError(ErrorCode.Unauthenticated, 'This account is deactivated; ask an administrator');
    }
    await this.dataSource
      .getRepository(User)
      .update(user.id, { lastLoginAt: this.clock.now(), version: () => 'version' });
    // `sv`: the session version the guard compares, so a password change, deactivation or sign-out revokes it.
    // Issued and checked on the application's clock, so a token's life is the same to the API and the admin.
    const issuedAt = Math.floor(this.clock.now().getTime() / 1000);
    const accessToken = await this.jwt.signAsync({
      sub: user.id,
      role: user.role,
      sv: user.sessionVersion,
      iat: issuedAt,
    });
    return { accessToken, user: toUserJson(user) };
  }

  /**
   * Signs the user out everywhere: every token issued so far names an older session version, and every
   * instance hears of the change from the database's users-changed notice.
   */
  async logout(userId: string): Promise<void> {
    await this.dataSource.query(`UPDATE users SET session_version = session_version + 1 WHERE id = $1`, [userId]);
    this.signedIn.forget(userId);
  }
}

export const hashPassword = (password: string): Promise<string> => argon2.hash(password, { type: argon2.argon2id });
