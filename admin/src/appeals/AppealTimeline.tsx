import { List, ListItem, ListItemText, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useLocale, useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/formatDateTime';
import type { AdalDeskDataProvider } from '../providers/dataProvider';
import type { AppealRecord, AppealTimelineEvent } from './appealTypes';

/** Words a step recorded for people to read: why it was taken, how it was resolved. */
const TEXT_FIELDS = ['reason', 'resolutionText'] as const;

function statusChange(event: AppealTimelineEvent): [string, string] | null {
  const before = event.before?.status;
  const after = event.after?.status;
  return typeof after === 'string' && after !== before ? [typeof before === 'string' ? before : '', after] : null;
}

function recordedText(event: AppealTimelineEvent): string | null {
  const after = event.after ?? {};
  const request = after.extensionRequest as { reason?: unknown } | null | undefined;
  const texts = [...TEXT_FIELDS.map((field) => after[field]), request?.reason].filter(
    (text): text is string => typeof text === 'string' && text.trim() !== '',
  );
  return texts.length > 0 ? texts.join(' — ') : null;
}

/** What happened to the appeal, oldest first, from its audit trail; read again after every change. */
export const AppealTimeline = () => {
  const appeal = useRecordContext<AppealRecord>();
  const dataProvider = useDataProvider<AdalDeskDataProvider>();
  const translate = useTranslate();
  const locale = useLocale();
  const [events, setEvents] = useState<AppealTimelineEvent[] | null>(null);
  const [failed, setFailed] = useState(false);
  const id = appeal?.id;
  const version = appeal?.version;

  useEffect(() => {
    if (!id) return;
    let current = true;
    dataProvider
      .appealTimeline(id)
      .then((result) => {
        if (current) setEvents(result);
      })
      .catch(() => {
        if (current) setFailed(true);
      });
    return () => {
      current = false;
    };
  }, [dataProvider, id, version]);

  const status = (value: string) => (value ? translate(`enums.appealStatus.${value}`, { _: value }) : '');

  return (
    <>
      <Typography variant="subtitle1" sx={{ mt: 2 }}>
        {translate('app.appeals.sections.timeline')}
      </Typography>
      {failed && <Typography color="error">{translate('app.appeals.timeline_unavailable')}</Typography>}
      <List dense data-testid="appeal-timeline">
        {(events ?? []).map((event) => {
          const change = statusChange(event);
          const text = recordedText(event);
          const actor = event.actorEmail ?? translate('app.system');
          const role = event.actorRole ? ` (${translate(`enums.role.${event.actorRole}`)})` : '';
          return (
            <ListItem key={event.id} alignItems="flex-start" disableGutters divider>
              <ListItemText
                primary={
                  <>
                    {translate(`enums.auditAction.${event.action}`, { _: event.action })}
                    {change && ` · ${change[0] ? `${status(change[0])} → ` : ''}${status(change[1])}`}
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
