import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Action, Subject } from '@adaldesk/libs';
import type { AuthenticatedUser } from './authenticated-user.js';

export const IS_PUBLIC = 'adaldesk:public';
export const REQUIRED_PERMISSION = 'adaldesk:permission';

/** The route needs no sign-in (login, health, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export interface RequiredPermission {
  action: Action;
  subject: Subject;
}

/** The caller must be allowed `action` on some `subject` records; row scope is applied in the query. */
export const Can = (action: Action, subject: Subject) =>
  SetMetadata(REQUIRED_PERMISSION, { action, subject } satisfies RequiredPermission);

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser =>
    context.switchToHttp().getRequest<{ user: AuthenticatedUser }>().user,
);
