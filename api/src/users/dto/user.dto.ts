import { ROLES, type Role } from '@adaldesk/libs';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { VersionDto } from '../../core/validation/versioned.js';

export class CreateUserDto {
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @IsString()
  @MinLength(2)
  @MaxLength(200)
  fullName: string;

  @IsIn(ROLES, { message: `must be one of: ${ROLES.join(', ')}` })
  role: Role;

  /** Null: a national user, who sees every region. */
  @ValidateIf((_, value) => value !== null)
  @IsUUID('all', { message: 'must be a region id (UUID), or null for a national user' })
  regionId: string | null;

  @IsOptional()
  @IsBoolean()
  active?: boolean;

  /** Write-only: stored as an argon2 hash, never returned. */
  @IsString()
  @MaxLength(200)
  password: string;
}

export class UpdateUserDto extends VersionDto {
  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  email?: string;

  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  fullName?: string;

  @IsOptional()
  @IsIn(ROLES, { message: `must be one of: ${ROLES.join(', ')}` })
  role?: Role;

  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID('all', { message: 'must be a region id (UUID), or null for a national user' })
  regionId?: string | null;

  @IsOptional()
  @IsBoolean()
  active?: boolean;

  /** Set only to change the password. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  password?: string;
}
