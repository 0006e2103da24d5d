import { IsInt, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { UpdateDtoOf } from '../../core/validation/versioned.js';
import { CivilDate, optional, optionalId, optionalText } from '../../core/validation/fields.js';

export class CreateCorrectiveActionDto {
  @IsUUID('all', { message: 'must be a finding id (UUID)' })
  findingId: string;

  /** What the inspected body must fix. */
  @IsString()
  @MinLength(5, { message: 'must be at least 5 characters long' })
  @MaxLength(5_000)
  description: string;

  /** The organisation that must fix it; the inspected organisation by default. */
  @optionalId('an organisation')
  responsibleOrganisationId?: string | null;

  @IsString({ message: 'is required: who answers for the fix' })
  @MinLength(3, { message: 'must be at least 3 characters long' })
  @MaxLength(300)
  responsiblePersonName: string;

  @optionalText(300)
  responsiblePersonPosition?: string | null;

  /** The deadline as a date (close of business that day); or give `termWorkingDays`; or neither for the policy's. */
  @optional(CivilDate())
  dueOn?: string | null;

  /** The deadline as N working days from the day of issue (that day not counted). */
  @optional(IsInt({ message: 'must be a whole number of working days' }), Min(1), Max(365))
  termWorkingDays?: number | null;
}

/** What may be corrected while the action is open: the wording and who answers for it, never its deadline. */
export class EditableCorrectiveActionFields {
  @IsString()
  @MinLength(5, { message: 'must be at least 5 characters long' })
  @MaxLength(5_000)
  description: string;

  @optionalId('an organisation')
  responsibleOrganisationId?: string | null;

  @IsString()
  @MinLength(3, { message: 'must be at least 3 characters long' })
  @MaxLength(300)
  responsiblePersonName: string;

  @optionalText(300)
  responsiblePersonPosition?: string | null;
}

export class UpdateCorrectiveActionDto extends UpdateDtoOf(EditableCorrectiveActionFields) {}
