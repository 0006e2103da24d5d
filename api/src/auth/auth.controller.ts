import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../core/auth/authenticated-user.js';
import { CurrentUser, Public } from '../core/auth/decorators.js';
import { validateBody } from '../core/validation/validate-body.js';
import { User } from '../users/user.entity.js';
import { toUserJson } from '../users/user.json.js';
import { AuthService } from './auth.service.js';
import { LoginDto } from './dto/login.dto.js';
import { RequestDto } from '../core/openapi/request-schemas.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly dataSource: DataSource,
  ) {}

  @Public()
  @Post('login')
  @RequestDto(LoginDto)
  @HttpCode(200)
  async login(@Body() body: unknown, @Req() request: Request) {
    const { email, password } = await validateBody(LoginDto, body);
    return this.auth.login(email, password, request.ip ?? null);
  }

  /** Signs the caller out on every device: the tokens issued to them so far stop working. */
  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.auth.logout(user.id);
  }

  @ApiBearerAuth()
  @Get('me')
  async me(@CurrentUser() user: AuthenticatedUser) {
    return toUserJson(await this.dataSource.getRepository(User).findOneByOrFail({ id: user.id }));
  }
}
