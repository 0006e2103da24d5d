import type { CorrectiveActionAction } from '@adaldesk/libs';
import type { ClassConstructor } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { VersionDto } from '../../core/validation/versioned.js';
import { CivilDate, optional } from '../../core/validation/fields.js';

/** Words for the record: a note, a reason. */
function Words(what: string): PropertyDecorator {
  return (target, key) => {
    IsString({ message: `is required: ${what}` })(target, key);
    MinLength(5, { message: 'must be at least 5 characters long' })(target, key);
    MaxLength(5_000)(target, key);
  };
}

export class ReportDoneDto extends VersionDto {
  /** The day the body says it fixed it; today unless given, never in the future nor before issue. */
  @optional(CivilDate())
  reportedOn?: string | null;

  @Words('what the body reports it did')
  reportNote: string;
}

export class VerifyDto extends VersionDto {
  /** The day the inspector checked the fix; today unless given, never in the future nor before the report. */
  @optional(CivilDate())
  verifiedOn?: string | null;

  @Words('what the inspector found when checking the fix')
  verificationNote: string;
}

export class RejectDto extends VersionDto {
  @Words('why the reported fix is not accepted')
  reason: string;
}

export class ExtendDto extends VersionDto {
  @IsInt({ message: 'must be a whole number of working days' })
  @Min(1)
  @Max(365)
  days: number;

  @Words('why the deadline is extended')
  reason: string;
}

export class CancelDto extends VersionDto {
  @Words('why the action is cancelled')
  reason: string;
}

/** The body each step takes. */
export const CORRECTIVE_ACTION_BODIES = {
  'report-done': ReportDoneDto,
  verify: VerifyDto,
  reject: RejectDto,
  extend: ExtendDto,
  cancel: CancelDto,
} satisfies Record<CorrectiveActionAction, ClassConstructor<VersionDto>>;
