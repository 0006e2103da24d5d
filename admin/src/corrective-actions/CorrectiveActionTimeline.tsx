import { List, ListItem, ListItemText, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useLocale, useRecordContext, useTranslate } from 'react-admin';
import type { AppealTimelineEvent } from '../appeals/appealTypes';
import { formatDateTime } from '../common/formatDateTime';
import type { AdalDeskDataProvider } from '../providers/dataProvider';
import type { CorrectiveActionRecord } from './correctiveActionTypes';

/** Words a step recorded for people to read. */
const TEXT_FIELDS = ['reason', 'reportNote', 'verificationNote'] as const;

function recordedText(event: AppealTimelineEvent): string | null {
  const after = event.after ?? {};
  const texts = TEXT_FIELDS.map((field) => after[field]).filter(
    (text): text is string => typeof text === 'string' && text.trim() !== '',
  );
  return texts.length > 0 ? texts.join(' — ') : null;
}

/** What happened to the action, oldest first, from its audit trail; read again after every change. */
export const CorrectiveActionTimeline = () => {
  const record = useRecordContext<CorrectiveActionRecord>();
  const dataProvider = useDataProvider<AdalDeskDataProvider>();
  const translate = useTranslate();
  const locale = useLocale();
  const [events, setEvents] = useState<AppealTimelineEvent[]>([]);
  const [failed, setFailed] = useState(false);
  const id = record?.id;
  const version = record?.version;

  useEffect(() => {
    if (!id) return;
    let current = true;
    dataProvider
      .correctiveActionTimeline(id)
      .then((result) => current && setEvents(result))
      .catch(() => current && setFailed(true));
    return () => {
      current = false;
    };
  }, [dataProvider, id, version]);

  const status = (value: unknown) =>
    typeof value === 'string' ? translate(`enums.correctiveActionStatus.${value}`, { _: value }) : '';

  return (
    <>
      <Typography variant="subtitle1">{translate('app.correctiveActions.timeline')}</Typography>
      {failed && <Typography color="error">{translate('app.appeals.timeline_unavailable')}</Typography>}
      <List dense data-testid="corrective-action-timeline">
        {events.map((event) => {
          const changed = event.after?.status !== undefined && event.after.status !== event.before?.status;
          const text = recordedText(event);
          const actor = event.actorEmail ?? translate('app.system');
          const role = event.actorRole ? ` (${translate(`enums.role.${event.actorRole}`)})` : '';
          return (
            <ListItem key={event.id} alignItems="flex-start" disableGutters divider>
              <ListItemText
                primary={
                  <>
                    {translate(`enums.auditAction.${event.action}`, { _: event.action })}
                    {changed &&
                      event.action !== 'create' &&
                      ` · ${status(event.before?.status)} → ${status(event.after?.status)}`}
                  </>
                }
                secondary={
                  <>
                    {`${formatDateTime(event.occurredAt, locale)} · ${actor}${role}`}
                    {text && (
                      <Typography component="span" variant="body2" sx={{ display: 'block', whiteSpace: 'pre-wrap' }}>
                        {text}
                      </Typography>
                    )}
                  </>
                }
              />
            </ListItem>
          );
        })}
      </List>
    </>
  );
};
