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
      secret: options.jwtSecret,
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
