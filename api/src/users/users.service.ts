import { checkPasswordStrength } from '@adaldesk/libs';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { hashPassword } from '../auth/auth.service.js';
import { AuditService } from '../core/audit/audit.service.js';
import type { AuthenticatedUser } from '../core/auth/authenticated-user.js';
import { SignedInUsers } from '../core/auth/signed-in-users.js';
import { CrudService } from '../core/crud/crud.service.js';
import { filtersFor } from '../core/crud/list-query.js';
import { AppError } from '../core/errors/app-error.js';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto.js';
import { User } from './user.entity.js';

/** Staff accounts. Never deleted, so the audit trail always names a real person: deactivate instead. */
@Injectable()
export class UsersService extends CrudService<User> {
  constructor(
    dataSource: DataSource,
    audit: AuditService,
    private readonly signedIn: SignedInUsers,
  ) {
    super(dataSource, audit, {
      resource: 'users',
      entity: User,
      createDto: CreateUserDto,
      updateDto: UpdateUserDto,
      filters: filtersFor({ role: 'text', regionId: 'uuid', active: 'boolean' }),
      sortable: ['email', 'fullName', 'role', 'active', 'createdAt', 'lastLoginAt'],
      defaultSort: ['fullName', 'ASC'],
      searchable: true,
      searchProperties: ['email', 'fullName'],
      readOnlyFields: ['lastLoginAt'],
    });
  }

  override async update(user: AuthenticatedUser, id: string, body: unknown): Promise<object> {
    const changes = body as Partial<UpdateUserDto> | null;
    // An admin who demotes or deactivates themselves could leave the office with no administrator.
    if (id === user.id && changes && typeof changes === 'object') {
      if (changes.active === false || (changes.role !== undefined && changes.role !== user.role)) {
        throw AppError.forbidden('You may not deactivate your own account or change your own role');
      }
    }
    const updated = await super.update(user, id, body);
    // Other instances hear of the change from the database; this one's next request must not wait for that.
    this.signedIn.forget(id);
    return updated;
  }

  protected override async toEntityValues(dto: object, existing: User | null): Promise<Partial<User>> {
    const { version: _version, password, ...values } = dto as Partial<CreateUserDto> & { version?: number };
    if (password === undefined) return values;
    const problem = checkPasswordStrength(password, values.email ?? existing?.email ?? '');
    if (problem) throw AppError.validation([{ field: 'password', message: problem }]);
    return { ...values, passwordHash: await hashPassword(password) };
  }

  protected override writeOnlyChanges(dto: object): Record<string, unknown> {
    return (dto as UpdateUserDto).password === undefined ? {} : { password: '(changed)' };
  }
}
