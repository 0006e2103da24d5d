import { AuditTimeline } from '../common/AuditTimeline';

/** Why a step was taken, how the appeal was resolved, why more time was asked for. */
const texts = (after: Record<string, unknown>) => [
  after.reason,
  after.resolutionText,
  (after.extensionRequest as { reason?: unknown } | null | undefined)?.reason,
];

/** What happened to the appeal, oldest first, from its audit trail. */
export const AppealTimeline = () => (
  <AuditTimeline
    resource="appeals"
    title="app.appeals.sections.timeline"
    statusEnum="appealStatus"
    testId="appeal-timeline"
    texts={texts}
  />
);
