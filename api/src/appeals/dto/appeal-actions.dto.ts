import { APPEAL_OUTCOMES, type AppealAction, type AppealOutcome } from '@adaldesk/libs';
import type { ClassConstructor } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { VersionDto } from '../../core/validation/versioned.js';

/** A reason in words, for the record and for the applicant. */
function Reason(): PropertyDecorator {
  return (target, key) => {
    IsString()(target, key);
    MinLength(5, { message: 'must be at least 5 characters long' })(target, key);
    MaxLength(5_000)(target, key);
  };
}

export class TriageDto extends VersionDto {
  @IsUUID('all', { message: 'must be a category id (UUID)' })
  categoryId: string;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'must be an organisation id (UUID)' })
  organisationId?: string | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'must be a user id (UUID)' })
  assigneeId?: string | null;
}

export class ReasonDto extends VersionDto {
  @Reason()
  reason: string;
}

export class RequestExtensionDto extends VersionDto {
  @IsInt({ message: 'must be a whole number of working days' })
  @Min(1)
  @Max(365)
  days: number;

  @Reason()
  reason: string;
}

export class ForwardDto extends VersionDto {
  @IsUUID('all', { message: 'must be an organisation id (UUID)' })
  forwardedToId: string;

  @Reason()
  reason: string;
}

export class ResolveDto extends VersionDto {
  @IsIn(APPEAL_OUTCOMES, { message: `must be one of: ${APPEAL_OUTCOMES.join(', ')}` })
  outcome: AppealOutcome;

  @IsString()
  @MinLength(10, { message: 'must be at least 10 characters long' })
  @MaxLength(20_000)
  resolutionText: string;
}

/** The body each workflow step takes. */
export const ACTION_BODIES = {
  triage: TriageDto,
  start: VersionDto,
  'request-info': ReasonDto,
  resume: VersionDto,
  'request-extension': RequestExtensionDto,
  'approve-extension': VersionDto,
  forward: ForwardDto,
  resolve: ResolveDto,
  close: VersionDto,
  reopen: ReasonDto,
} satisfies Record<AppealAction, ClassConstructor<VersionDto>>;

export class BulkAssignDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'must list appeal ids (UUIDs)' })
  ids: string[];

  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'must be a user id (UUID), or null to unassign' })
  assigneeId: string | null;
}
