import { referralWorkflow } from '@adaldesk/libs';
import { stepBodies } from '../../core/workflow/step-dto.js';

/** The body each funnel step takes, built from the fields `referralWorkflow` declares in libs. */
export const REFERRAL_ACTION_BODIES = stepBodies(referralWorkflow);
