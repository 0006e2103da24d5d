import { correctiveActionWorkflow } from '@adaldesk/libs';
import { stepBodies } from '../../core/workflow/step-dto.js';

/** The body each step takes, built from the fields `correctiveActionWorkflow` declares in libs. */
export const CORRECTIVE_ACTION_BODIES = stepBodies(correctiveActionWorkflow);
