import { List, ListItem, ListItemText, Typography } from '@mui/material';
import { type RaRecord, useLocale, useRecordContext, useTranslate } from 'react-admin';
import type { AppealTimelineEvent } from '../appeals/appealTypes';
import { useTimeline } from '../providers/apiQueries';
import type { TimelineResource } from '../providers/dataProvider';
import { formatDateTime } from './formatDateTime';

export interface AuditTimelineProps {
  /** Whose timeline the API serves (`GET /api/<resource>/:id/timeline`). */
  resource: TimelineResource;
  /** The heading's translation key. */
  title: string;
  /** The enum (`enums.<name>`) the record's statuses are translated by. */
  statusEnum: string;
  testId: string;
  /** Words a step recorded for people to read (why it was taken, how it ended), from its values after. */
  texts: (after: Record<string, unknown>) => unknown[];
}

function statusChange(event: AppealTimelineEvent): [string, string] | null {
  const before = event.before?.status;
  const after = event.after?.status;
  return typeof after === 'string' && after !== before ? [typeof before === 'string' ? before : '', after] : null;
}

/**
 * What happened to the record in context, oldest first, from its audit trail: each step, who took it
 * and when, the status it moved to and the words it recorded. Read again after every change (version).
 */
export const AuditTimeline = ({ resource, title, statusEnum, testId, texts }: AuditTimelineProps) => {
  const record = useRecordContext<RaRecord & { version?: number }>();
  const translate = useTranslate();
  const locale = useLocale();
  const id = record?.id === undefined ? undefined : String(record.id);
  const { data: events = [], isError: failed } = useTimeline(resource, id, record?.version);

  const status = (value: string) => (value ? translate(`enums.${statusEnum}.${value}`, { _: value }) : '');

  return (
    <>
      <Typography variant="subtitle1" sx={{ mt: 2 }}>
        {translate(title)}
      </Typography>
      {failed && <Typography color="error">{translate('app.appeals.timeline_unavailable')}</Typography>}
      <List dense data-testid={testId}>
        {events.map((event) => {
          const change = statusChange(event);
          const words = texts(event.after ?? {}).filter(
            (text): text is string => typeof text === 'string' && text.trim() !== '',
          );
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
                    {words.length > 0 && (
                      <Typography component="span" variant="body2" sx={{ display: 'block', whiteSpace: 'pre-wrap' }}>
                        {words.join(' — ')}
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
