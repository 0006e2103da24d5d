import { isInspectionWritable } from '@adaldesk/libs';
import { Box, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Form,
  type HttpError,
  maxLength,
  minLength,
  required,
  SaveButton,
  SelectInput,
  TextInput,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { enumChoices } from '../common/choices';
import { PhotoInput } from '../findings/EvidencePanel';
import { tengeOrNull, tengeValidator } from '../findings/FindingInputs';
import type { AdalDeskDataProvider } from '../providers/dataProvider';
import type { FindingRecord, InspectionRecord } from './inspectionTypes';

/**
 * Quick finding entry on site: kind, severity, amount, what was found, and a photo from the phone's
 * camera. The finding is saved first, then the photo uploaded to it.
 */
export const QuickFindingForm = () => {
  const inspection = useRecordContext<InspectionRecord>();
  const dataProvider = useDataProvider<AdalDeskDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [photo, setPhoto] = useState<File | null>(null);
  const [formKey, setFormKey] = useState(0);
  const { canAccess } = useCanAccess({
    resource: 'inspections',
    action: 'update',
    record: inspection,
    enabled: !!inspection,
  });
  if (!inspection || !canAccess || !isInspectionWritable(inspection.status)) return null;

  const submit = async (values: Record<string, unknown>) => {
    let finding: FindingRecord;
    try {
      ({ data: finding } = await dataProvider.create<FindingRecord>('findings', {
        data: {
          inspectionId: inspection.id,
          kind: values.kind,
          severity: values.severity,
          amount: tengeOrNull(values.amount),
          description: values.description,
        },
      }));
    } catch (error) {
      const httpError = error as HttpError;
      notify(httpError.message || 'ra.notification.http_error', { type: 'error' });
      return (httpError.body as { errors?: Record<string, unknown> } | undefined)?.errors;
    }
    if (photo) {
      try {
        await dataProvider.uploadEvidence({ findingId: finding.id, file: photo });
      } catch (error) {
        notify('app.findings.photo_failed', {
          type: 'warning',
          messageArgs: { number: finding.number, reason: (error as HttpError).message },
        });
      }
    }
    notify('app.findings.logged', { type: 'success', messageArgs: { number: finding.number } });
    setPhoto(null);
    setFormKey((key) => key + 1);
    refresh();
  };

  return (
    <Box
      component="section"
      sx={{ mb: 2, p: 2, border: 1, borderColor: 'divider', borderRadius: 1 }}
      data-testid="quick-finding"
    >
      <Typography variant="subtitle1" gutterBottom>
        {translate('app.findings.quick_entry')}
      </Typography>
      {/* Its own empty record: inside the inspection's page the form would otherwise start from the inspection. */}
      <Form key={formKey} onSubmit={submit} record={{}} defaultValues={{ severity: 'medium' }} resource="findings">
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, columnGap: 1 }}>
          <SelectInput source="kind" choices={enumChoices('findingKind')} validate={required()} />
          <SelectInput source="severity" choices={enumChoices('findingSeverity')} validate={required()} />
        </Box>
        <TextInput source="amount" helperText="app.findings.amount_help" validate={tengeValidator} fullWidth />
        <TextInput
          source="description"
          multiline
          minRows={2}
          validate={[required(), minLength(10), maxLength(20_000)]}
          fullWidth
        />
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
          <PhotoInput onFile={setPhoto} />
          {photo && (
            <Typography variant="body2" data-testid="chosen-photo">
              {photo.name}
            </Typography>
          )}
          <SaveButton label="app.findings.log" alwaysEnable />
        </Box>
      </Form>
    </Box>
  );
};
