import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import argon2 from 'argon2';
import { DataSource } from 'typeorm';
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
  ) {}

  async login(email: string, password: string, ip: string | null): Promise<LoginResult> {
    await this.throttle.assertAllowed(email, ip);
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('lower(user.email) = lower(:email)', { email: email.trim() })
      .getOne();
    const passwordMatches = await argon2.verify(user?.passwordHash ?? (await DUMMY_HASH), password);
    if (!user || !passwordMatches) {
      await this.throttle.recordFailure(email, ip);
      throw new AppError(ErrorCode.Unauthenticated, 'Wrong e-mail or password');
    }
    if (!user.active) {
      throw new AppError(ErrorCode.Unauthenticated, 'This account is deactivated; ask an administrator');
    }
    await this.throttle.clearAccount(email);
    await this.dataSource.getRepository(User).update(user.id, { lastLoginAt: new Date(), version: () => 'version' });
    const accessToken = await this.jwt.signAsync({ sub: user.id, role: user.role });
    return { accessToken, user: toUserJson(user) };
  }
}

export const hashPassword = (password: string): Promise<string> => argon2.hash(password, { type: argon2.argon2id });
