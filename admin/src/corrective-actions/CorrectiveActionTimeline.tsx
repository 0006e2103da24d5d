import { AuditTimeline } from '../common/AuditTimeline';

/** Why a step was taken, what the body reported, what the inspector found on checking. */
const texts = (after: Record<string, unknown>) => [after.reason, after.reportNote, after.verificationNote];

/** What happened to the corrective action, oldest first, from its audit trail. */
export const CorrectiveActionTimeline = () => (
  <AuditTimeline
    resource="corrective-actions"
    title="app.correctiveActions.timeline"
    statusEnum="correctiveActionStatus"
    testId="corrective-action-timeline"
    texts={texts}
  />
);
