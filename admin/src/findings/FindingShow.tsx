import { isInspectionWritable } from '@adaldesk/libs';
import { Box, Grid, Typography } from '@mui/material';
import {
  ArrayField,
  DataTable,
  EditButton,
  FunctionField,
  Labeled,
  ReferenceField,
  SelectField,
  Show,
  TextField,
  TopToolbar,
  useCanAccess,
  useGetOne,
  useLocale,
  useRecordContext,
} from 'react-admin';
import { enumChoices } from '../common/choices';
import { DateTimeField } from '../common/DateTimeField';
import { RegionField } from '../common/RegionField';
import type { FindingRecord, InspectionRecord } from '../inspections/inspectionTypes';
import { formatTenge } from '../referrals/FunnelPanel';
import { ReferButton } from '../referrals/ReferButton';
import { EvidencePanel } from './EvidencePanel';
import { OpenAppealButton } from './OpenAppealButton';
import { FindingCorrectiveActions } from '../corrective-actions/FindingCorrectiveActions';

/** The amount as an exact decimal, grouped: "45 000 000,00 ₸". */
export const AmountField = ({ source = 'amount' }: { source?: string; label?: string }) => {
  const locale = useLocale();
  return (
    <FunctionField<FindingRecord>
      source={source}
      render={(record) => (record.amount ? formatTenge(record.amount, locale) : '—')}
    />
  );
};

/** Whether the finding may still be written by this user: they act on its open inspection. */
function useFindingWritable(finding: FindingRecord | undefined): boolean {
  const { data: inspection } = useGetOne<InspectionRecord>(
    'inspections',
    { id: finding?.inspectionId ?? '' },
    { enabled: !!finding },
  );
  const { canAccess } = useCanAccess({
    resource: 'inspections',
    action: 'update',
    record: inspection,
    enabled: !!inspection,
  });
  return !!inspection && !!canAccess && isInspectionWritable(inspection.status);
}

const FindingActions = () => {
  const finding = useRecordContext<FindingRecord>();
  const writable = useFindingWritable(finding);
  if (!finding) return null;
  return (
    <TopToolbar sx={{ alignItems: 'center' }}>
      <ReferButton
        sourceId={finding.id}
        regionId={finding.regionId}
        prefill={{ findingId: finding.id, summary: `${finding.number}: ${finding.description.slice(0, 400)}` }}
        testId="refer-finding"
      />
      <OpenAppealButton />
      {writable && <EditButton />}
    </TopToolbar>
  );
};

const FindingEvidence = () => {
  const finding = useRecordContext<FindingRecord>();
  const writable = useFindingWritable(finding);
  return finding ? <EvidencePanel finding={finding} writable={writable} /> : null;
};

export const FindingShow = () => (
  <Show actions={<FindingActions />}>
    <Grid container spacing={3} sx={{ p: 2 }}>
      <Grid size={{ xs: 12, md: 8 }}>
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, gap: 2, mb: 2 }}>
          <Labeled>
            <TextField source="number" />
          </Labeled>
          <Labeled>
            <ReferenceField source="inspectionId" reference="inspections" link="show" />
          </Labeled>
          <Labeled>
            <SelectField source="kind" choices={enumChoices('findingKind')} />
          </Labeled>
          <Labeled>
            <SelectField source="severity" choices={enumChoices('findingSeverity')} />
          </Labeled>
          <Labeled source="amount">
            <AmountField />
          </Labeled>
          <Labeled>
            <RegionField source="regionId" />
          </Labeled>
          <Labeled>
            <ReferenceField source="appealId" reference="appeals" link="show" emptyText="—" />
          </Labeled>
          <Labeled>
            <ReferenceField source="openedAppealId" reference="appeals" link="show" emptyText="—" />
          </Labeled>
          <Labeled>
            <ReferenceField source="createdById" reference="users" link={false} />
          </Labeled>
          <Labeled>
            <DateTimeField source="createdAt" />
          </Labeled>
        </Box>
        <Box sx={{ display: 'grid', gap: 2, mb: 2 }}>
          <Labeled>
            <TextField source="description" sx={{ whiteSpace: 'pre-wrap' }} />
          </Labeled>
          <Labeled>
            <TextField source="recommendedMeasure" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
          </Labeled>
        </Box>
        <Labeled>
          <ArrayField source="officials">
            <DataTable bulkActionButtons={false} empty={<Typography variant="body2">—</Typography>}>
              <DataTable.Col source="fullName" label="resources.findings.fields.officials.fullName" />
              <DataTable.Col source="position" label="resources.findings.fields.officials.position" />
              <DataTable.Col source="outcome" label="resources.findings.fields.officials.outcome">
                <SelectField source="outcome" choices={enumChoices('disciplinaryOutcome')} />
              </DataTable.Col>
            </DataTable>
          </ArrayField>
        </Labeled>
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <FindingEvidence />
        <FindingCorrectiveActions />
      </Grid>
    </Grid>
  </Show>
);
