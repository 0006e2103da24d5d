import { Alert, Stack, Typography } from '@mui/material';
import { FormDataConsumer, useLocale, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/formatDateTime';
import { useAppealDeadline } from '../providers/apiQueries';

// Typing a date fires a change per keystroke; ask the API once the user pauses.
const DEBOUNCE_MS = 300;

// Spelled out with the weekday: whether the date falls on a working day is the point of the preview.
const LONG_DATE_TIME: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
};

interface DeadlineInputs {
  receivedAt?: unknown;
  kind?: string;
  categoryId?: string | null;
}

/**
 * When the appeal will count as registered and when it is due, as the API computes them from the
 * working calendar and the SLA policy (after hours or on a day off, registration moves to the next
 * working day). Updated as the date, kind and category change.
 */
export const DeadlinePreview = () => (
  <FormDataConsumer<DeadlineInputs>>
    {({ formData }) => (
      <DeadlinePreviewOf receivedAt={formData.receivedAt} kind={formData.kind} categoryId={formData.categoryId} />
    )}
  </FormDataConsumer>
);

const DeadlinePreviewOf = ({ receivedAt, kind, categoryId }: DeadlineInputs) => {
  const translate = useTranslate();
  const locale = useLocale();

  const instant = typeof receivedAt === 'string' && !Number.isNaN(Date.parse(receivedAt)) ? receivedAt : null;
  const question = instant && kind ? { receivedAt: new Date(instant).toISOString(), kind, categoryId } : null;
  const { data, isError } = useAppealDeadline(question, DEBOUNCE_MS);
  // The last preview stays while the next one is asked; none without a date and a kind.
  const preview = question ? data : undefined;

  if (isError) return <Alert severity="warning">{translate('app.appeals.preview.unavailable')}</Alert>;
  if (!preview) return null;

  const format = (value: string) => formatDateTime(value, locale, LONG_DATE_TIME);
  const movedToNextWorkingDay = instant !== null && new Date(preview.registeredAt) > new Date(instant);

  return (
    <Alert severity="info" sx={{ mb: 2, width: '100%' }} data-testid="deadline-preview">
      <Stack spacing={0.5}>
        <Typography variant="body2">
          {translate('app.appeals.preview.registered', { date: format(preview.registeredAt) })}
        </Typography>
        {movedToNextWorkingDay && (
          <Typography variant="body2" color="text.secondary">
            {translate('app.appeals.preview.moved')}
          </Typography>
        )}
        <Typography variant="body2" sx={{ fontWeight: 'bold' }}>
          {translate('app.appeals.preview.due', { date: format(preview.dueAt) })}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('app.appeals.preview.policy', { name: preview.policy.name })}
        </Typography>
      </Stack>
    </Alert>
  );
};
