import { CHECKLIST_ANSWERS, type ChecklistAnswer, INSPECTION_TYPES, type InspectionType } from '@adaldesk/libs';
import type { ClassConstructor } from 'class-transformer';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import type { InspectionAction } from '@adaldesk/libs';
import { apply, CivilDate, OneOf, optional, optionalId, optionalText } from '../../core/validation/fields.js';
import { VersionDto } from '../../core/validation/versioned.js';

export class ChecklistEntryDto {
  @IsString()
  @MaxLength(100)
  code: string;

  /** Null while the item is not yet answered. */
  @optional(OneOf(CHECKLIST_ANSWERS))
  answer: ChecklistAnswer | null;

  @optionalText(2_000)
  note?: string | null;
}

const Checklist = () =>
  apply(
    IsOptional(),
    IsArray(),
    ArrayMaxSize(100),
    ValidateNested({ each: true }),
    Type(() => ChecklistEntryDto) as PropertyDecorator,
  );

const TeamIds = () =>
  apply(
    IsOptional(),
    IsArray(),
    ArrayMaxSize(20),
    ArrayUnique({ message: 'must not list anyone twice' }),
    IsUUID('all', { each: true, message: 'must list user ids (UUID)' }),
  );

export class CreateInspectionDto {
  @OneOf(INSPECTION_TYPES)
  type: InspectionType;

  /** The school or market inspected; its region is the inspection's. */
  @IsUUID('all', { message: 'must be an organisation id (UUID)' })
  organisationId: string;

  /** Optional: taken from the organisation, and must agree with it when given. */
  @optionalId('a region')
  regionId?: string | null;

  /** The caller by default when the caller is an inspector. */
  @optionalId('a user')
  leadInspectorId?: string | null;

  @TeamIds()
  teamIds?: string[];

  @CivilDate()
  plannedStartOn: string;

  @CivilDate()
  plannedEndOn: string;

  @optionalText(20_000)
  notes?: string | null;
}

/**
 * What changes through `PUT`: the team, the notes and summary, and the checklist answers (while in
 * progress). The organisation and type only while planned. Planned dates move with the step `plan`,
 * actual dates with `start` and `complete`, the status only through the steps.
 */
export class UpdateInspectionDto extends VersionDto {
  @optionalId('an organisation')
  organisationId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'must be a user id (UUID)' })
  leadInspectorId?: string;

  @TeamIds()
  teamIds?: string[];

  @optionalText(20_000)
  notes?: string | null;

  @optionalText(20_000)
  summary?: string | null;

  @Checklist()
  checklist?: ChecklistEntryDto[];
}

/** `plan`: new planned dates for a planned inspection, and why they moved. */
export class PlanDto extends VersionDto {
  @CivilDate()
  plannedStartOn: string;

  @CivilDate()
  plannedEndOn: string;

  @optionalText(2_000)
  reason?: string | null;
}

/** `start` and `complete` record their actual day: today unless given, never in the future. */
export class DatedStepDto extends VersionDto {
  @optional(CivilDate())
  on?: string | null;
}

export class CompleteDto extends DatedStepDto {
  @optionalText(20_000)
  summary?: string | null;

  /** The last answers may come with the step itself. */
  @Checklist()
  checklist?: ChecklistEntryDto[];
}

export class CancelDto extends VersionDto {
  @IsString({ message: 'is required: why the inspection is cancelled' })
  @MinLength(5, { message: 'must be at least 5 characters long' })
  @MaxLength(5_000)
  reason: string;
}

/** The body each step takes. */
export const INSPECTION_ACTION_BODIES = {
  plan: PlanDto,
  start: DatedStepDto,
  complete: CompleteDto,
  close: VersionDto,
  cancel: CancelDto,
} satisfies Record<InspectionAction, ClassConstructor<VersionDto>>;
