import { REFERRAL_VERDICTS, type ReferralAction, type ReferralVerdict } from '@adaldesk/libs';
import type { ClassConstructor } from 'class-transformer';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { VersionDto } from '../../core/validation/versioned.js';
import { CivilDate, optional, optionalText, TengeAmount } from '../../core/validation/fields.js';

/** Every step carries its date: today unless given, never in the future nor before the last step. */
export class ReferralStepDto extends VersionDto {
  @optional(CivilDate())
  on?: string | null;
}

export class OpenCaseDto extends ReferralStepDto {
  /** The pre-trial investigation register (ЕРДР) number. */
  @IsString({ message: 'is required: the pre-trial register (ERDR) number of the case' })
  @MinLength(3, { message: 'must be at least 3 characters long' })
  @MaxLength(100)
  registerNumber: string;
}

export class RefuseDto extends ReferralStepDto {
  @IsString({ message: 'is required: why the agency refused to open a case' })
  @MinLength(5, { message: 'must be at least 5 characters long' })
  @MaxLength(5_000)
  refusalReason: string;
}

export class RecordVerdictDto extends ReferralStepDto {
  @IsIn(REFERRAL_VERDICTS, { message: `must be one of: ${REFERRAL_VERDICTS.join(', ')}` })
  verdict: ReferralVerdict;

  @optionalText(5_000)
  sanctions?: string | null;

  @optional(TengeAmount())
  damagesRecovered?: string | null;
}

/** The body each funnel step takes. */
export const REFERRAL_ACTION_BODIES = {
  'start-review': ReferralStepDto,
  'open-case': OpenCaseDto,
  refuse: RefuseDto,
  'send-to-court': ReferralStepDto,
  'record-verdict': RecordVerdictDto,
} satisfies Record<ReferralAction, ClassConstructor<ReferralStepDto>>;
