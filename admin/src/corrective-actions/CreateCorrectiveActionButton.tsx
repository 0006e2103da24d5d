import { CreateButton, RecordContextProvider, useGetOne, useRecordContext } from 'react-admin';
import type { FindingRecord, InspectionRecord } from '../inspections/inspectionTypes';

/**
 * "Set a corrective action" on a finding's page: opens the create form with the finding filled in.
 * Shown to those the shared rules let create an action on it: the rules are asked about the action it
 * would be (the finding's region, its inspection's lead and team), not about the finding.
 */
export const CreateCorrectiveActionButton = () => {
  const finding = useRecordContext<FindingRecord>();
  const { data: inspection } = useGetOne<InspectionRecord>(
    'inspections',
    { id: finding?.inspectionId ?? '' },
    { enabled: !!finding?.inspectionId },
  );
  if (!finding || !inspection) return null;
  const action = {
    regionId: finding.regionId,
    inspectorIds: [inspection.leadInspectorId, ...inspection.teamIds],
  };
  return (
    <RecordContextProvider value={action}>
      <CreateButton
        resource="corrective-actions"
        state={{ record: { findingId: finding.id } }}
        label="app.correctiveActions.create_on_finding"
        data-testid="create-corrective-action"
      />
    </RecordContextProvider>
  );
};
