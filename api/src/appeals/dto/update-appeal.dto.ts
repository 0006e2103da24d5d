import { APPEAL_CHANNELS, APPEAL_KINDS, type AppealChannel, type AppealKind } from '@adaldesk/libs';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { ApplicantDto } from './create-appeal.dto.js';

/**
 * What may be corrected on an appeal outside the workflow. The status, the deadline and the decision
 * change only through the workflow actions; the registration facts (times, number, region) never.
 */
export class UpdateAppealDto extends ApplicantDto {
  @IsInt()
  @Min(1)
  version: number;

  @IsOptional()
  @IsIn(APPEAL_CHANNELS, { message: `must be one of: ${APPEAL_CHANNELS.join(', ')}` })
  channel?: AppealChannel;

  @IsOptional()
  @IsIn(APPEAL_KINDS, { message: `must be one of: ${APPEAL_KINDS.join(', ')}` })
  kind?: AppealKind;

  @IsOptional()
  @IsString()
  @MinLength(10, { message: 'must be at least 10 characters long' })
  @MaxLength(20_000)
  description?: string;

  @IsOptional()
  @IsBoolean()
  confidential?: boolean;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'must be an organisation id (UUID)' })
  organisationId?: string | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'must be a category id (UUID)' })
  categoryId?: string | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'must be a user id (UUID)' })
  assigneeId?: string | null;
}
