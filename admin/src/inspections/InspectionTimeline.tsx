import { AuditTimeline } from '../common/AuditTimeline';

/** Why its dates moved or it was cancelled, and its summary once completed. */
const texts = (after: Record<string, unknown>) => [after.reason, after.cancelReason, after.summary];

/** What happened to the inspection, oldest first, from its audit trail. */
export const InspectionTimeline = () => (
  <AuditTimeline
    resource="inspections"
    title="app.inspections.sections.timeline"
    statusEnum="inspectionStatus"
    testId="inspection-timeline"
    texts={texts}
  />
);
