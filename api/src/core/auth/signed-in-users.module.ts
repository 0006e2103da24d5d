import { Global, Module } from '@nestjs/common';
import { SignedInUsers } from './signed-in-users.js';

@Global()
@Module({ providers: [SignedInUsers], exports: [SignedInUsers] })
export class SignedInUsersModule {}
