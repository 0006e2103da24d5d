import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { schema } from '../core/openapi/schema.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly dataSource: DataSource,
  ) {}

  @Public()
  @Post('login')
  @ApiOperation({ summary: 'Sign in with e-mail and password' })
  @RequestDto(LoginDto)
  @HttpCode(200)
  @ApiOkResponse({
    description: 'A bearer token for the API, and who it signs in',
    schema: schema.object({ accessToken: schema.string(), user: schema.ref('User') }),
  })
  async login(@Body() body: unknown, @Req() request: Request) {
    const { email, password } = await validateBody(LoginDto, body);
    return this.auth.login(email, password, request.ip ?? null);
  }

  /** Signs the caller out on every device: the tokens issued to them so far stop working. */
  @ApiBearerAuth()
  @Post('logout')
  @ApiOperation({ summary: 'Sign out on every device' })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Signed out everywhere' })
  async logout(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.auth.logout(user.id);
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ description: 'The signed-in user', schema: schema.ref('User') })
  async me(@CurrentUser() user: AuthenticatedUser) {
    return toUserJson(await this.dataSource.getRepository(User).findOneByOrFail({ id: user.id }));
  }
}
