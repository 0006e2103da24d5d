import {
  APPEAL_CHANNELS,
  APPEAL_KINDS,
  type AppealChannel,
  type AppealKind,
  DISCIPLINARY_OUTCOMES,
  type DisciplinaryOutcome,
  FINDING_KINDS,
  FINDING_SEVERITIES,
  type FindingKind,
  type FindingSeverity,
} from '@adaldesk/libs';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { apply, OneOf, optional, optionalId, optionalText, TengeAmount } from '../../core/validation/fields.js';
import { UpdateDtoOf, VersionDto } from '../../core/validation/versioned.js';
import { OmitType } from '@nestjs/swagger';

export class ResponsibleOfficialDto {
  @IsString()
  @MinLength(3, { message: 'must be at least 3 characters long' })
  @MaxLength(300)
  fullName: string;

  @optionalText(300)
  position?: string | null;

  /** `pending` until the employer has decided. */
  @IsOptional()
  @OneOf(DISCIPLINARY_OUTCOMES)
  outcome?: DisciplinaryOutcome;
}

const Officials = () =>
  apply(
    IsOptional(),
    IsArray(),
    ArrayMaxSize(50),
    ValidateNested({ each: true }),
    Type(() => ResponsibleOfficialDto) as PropertyDecorator,
  );

export class CreateFindingDto {
  @IsUUID('all', { message: 'must be an inspection id (UUID)' })
  inspectionId: string;

  @OneOf(FINDING_KINDS)
  kind: FindingKind;

  @OneOf(FINDING_SEVERITIES)
  severity: FindingSeverity;

  /** Tenge involved, as a decimal string: "45000000.00". */
  @optional(TengeAmount())
  amount?: string | null;

  @IsString({ message: 'is required: what was found' })
  @MinLength(10, { message: 'must be at least 10 characters long' })
  @MaxLength(20_000)
  description: string;

  @Officials()
  officials?: ResponsibleOfficialDto[];

  @optionalText(5_000)
  recommendedMeasure?: string | null;

  /** The appeal the finding came from; must be one the writer may read. */
  @optionalId('an appeal')
  appealId?: string | null;
}

/** Any field but the inspection, plus the version being replaced. */
export class UpdateFindingDto extends UpdateDtoOf(OmitType(CreateFindingDto, ['inspectionId'])) {}

/** `open-appeal`: registers an appeal from the finding, so the office considers it as one. */
export class OpenAppealDto extends VersionDto {
  /** `report` (of corruption) by default. */
  @IsOptional()
  @OneOf(APPEAL_KINDS)
  kind?: AppealKind;

  /** How the office received it: `front_office` (the project office itself) by default. */
  @IsOptional()
  @OneOf(APPEAL_CHANNELS)
  channel?: AppealChannel;

  @optionalId('a category')
  categoryId?: string | null;

  @optionalId('a user')
  assigneeId?: string | null;
}
