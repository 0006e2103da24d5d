import { APPEAL_CHANNELS, APPEAL_KINDS, type AppealChannel, type AppealKind } from '@adaldesk/libs';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { Instant } from '../../core/validation/fields.js';

const optionalText = (max: number) => [IsOptional(), ValidateIf((_, v) => v !== null), IsString(), MaxLength(max)];
const apply =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) => {
    for (const decorator of decorators) decorator(target, key);
  };
const optionalId = (what: string) =>
  apply(
    IsOptional(),
    ValidateIf((_, v) => v !== null),
    IsUUID('all', { message: `must be ${what} id (UUID)` }),
  );

/** The applicant's contact details; all optional here, checked together by the service. */
export class ApplicantDto {
  @apply(...optionalText(300))
  applicantName?: string | null;

  @apply(IsOptional(), ValidateIf((_, v) => v !== null), Matches(/^\d{12}$/, { message: 'must be 12 digits' }))
  applicantIin?: string | null;

  @apply(IsOptional(), ValidateIf((_, v) => v !== null), Matches(/^\d{12}$/, { message: 'must be 12 digits' }))
  applicantBin?: string | null;

  @apply(
    IsOptional(),
    ValidateIf((_, v) => v !== null),
    Matches(/^\+?[0-9 ()-]{5,20}$/, { message: 'must be a phone number such as +7 701 123 45 67' }),
  )
  applicantPhone?: string | null;

  @apply(IsOptional(), ValidateIf((_, v) => v !== null), IsEmail({}, { message: 'must be an e-mail address' }))
  applicantEmail?: string | null;

  @apply(...optionalText(500))
  applicantAddress?: string | null;
}

export class CreateAppealDto extends ApplicantDto {
  @IsIn(APPEAL_CHANNELS, { message: `must be one of: ${APPEAL_CHANNELS.join(', ')}` })
  channel: AppealChannel;

  @IsIn(APPEAL_KINDS, { message: `must be one of: ${APPEAL_KINDS.join(', ')}` })
  kind: AppealKind;

  /** When the appeal reached the office; registration follows the working calendar. */
  @Instant()
  receivedAt: string;

  @IsUUID('all', { message: 'must be a region id (UUID)' })
  regionId: string;

  @IsString()
  @MinLength(10, { message: 'must be at least 10 characters long' })
  @MaxLength(20_000)
  description: string;

  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;

  /** Whistle-blower protection: seen only by its registrar, its assignee, the region's managers and admins. */
  @IsOptional()
  @IsBoolean()
  confidential?: boolean;

  @optionalId('an organisation')
  organisationId?: string | null;

  @optionalId('a category')
  categoryId?: string | null;

  @optionalId('a user')
  assigneeId?: string | null;
}
