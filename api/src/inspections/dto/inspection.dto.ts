import {
  CHECKLIST_ANSWERS,
  type ChecklistAnswer,
  INSPECTION_TYPES,
  type InspectionType,
  inspectionWorkflow,
} from '@adaldesk/libs';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { apply, CivilDate, OneOf, optional, optionalId, optionalText } from '../../core/validation/fields.js';
import { VersionDto } from '../../core/validation/versioned.js';
import { stepBodies } from '../../core/workflow/step-dto.js';

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

/** The body each step takes, built from the fields `inspectionWorkflow` declares in libs. */
export const INSPECTION_ACTION_BODIES = stepBodies(inspectionWorkflow, { checklist: Checklist });
