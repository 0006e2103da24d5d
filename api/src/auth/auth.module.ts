import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { LoginThrottleService } from './login-throttle.service.js';

export interface AuthOptions {
  jwtSecret: string;
  jwtTtlSeconds: number;
}

@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions) {
    const jwt = JwtModule.register({
      global: true,
      // A key object made once: given the text, jsonwebtoken first tries it as a PEM public key on
      // every request, and that failed parse cost more than the rest of a list request's own work.
      secret: createSecretKey(Buffer.from(options.jwtSecret, 'utf8')),
      signOptions: { expiresIn: options.jwtTtlSeconds, algorithm: 'HS256' },
      verifyOptions: { algorithms: ['HS256'] },
    });
    return {
      module: AuthModule,
      imports: [jwt],
      controllers: [AuthController],
      providers: [AuthService, LoginThrottleService],
    };
  }
}
