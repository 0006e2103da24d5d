import NotificationsIcon from '@mui/icons-material/Notifications';
import { Badge, Divider, IconButton, ListItemText, Menu, MenuItem, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useGetList, useLocale, useNavigate, useNotify, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/formatDateTime';
import type { AdalDeskDataProvider } from '../providers/dataProvider';
import { notificationPath, type NotificationRecord } from './notificationTypes';
import { useMarkNotificationRead } from './useMarkNotificationRead';

// New deadline warnings should reach people within a minute without loading the API.
const POLL_INTERVAL_MS = 30_000;
const SHOWN = 10;

/** The message of a notification in the interface language, e.g. "Deadline breached: AP-2026-000123". */
export function useNotificationMessage(): (notification: NotificationRecord) => string {
  const translate = useTranslate();
  return (notification) => {
    const kind = translate(`enums.notificationKind.${notification.kind}`, { _: notification.kind });
    return notification.data?.number ? `${kind}: ${notification.data.number}` : kind;
  };
}

/** The bell in the app bar: unread notifications, polled, each leading to its appeal and marked read. */
export const NotificationBell = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const notify = useNotify();
  const dataProvider = useDataProvider<AdalDeskDataProvider>();
  const markRead = useMarkNotificationRead();
  const message = useNotificationMessage();
  const locale = useLocale();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const { data, total, refetch } = useGetList<NotificationRecord>(
    'notifications',
    { filter: { unread: true }, sort: { field: 'createdAt', order: 'DESC' }, pagination: { page: 1, perPage: SHOWN } },
    { refetchInterval: POLL_INTERVAL_MS, refetchIntervalInBackground: false },
  );
  const unread = total ?? 0;

  const open = async (notification: NotificationRecord) => {
    setAnchor(null);
    navigate(notificationPath(notification));
    try {
      await markRead(notification);
    } catch (error) {
      notify((error as Error).message || 'ra.notification.http_error', { type: 'error' });
    }
    await refetch();
  };

  const readAll = async () => {
    setAnchor(null);
    try {
      await dataProvider.markAllNotificationsRead();
    } catch (error) {
      notify((error as Error).message || 'ra.notification.http_error', { type: 'error' });
    }
    await refetch();
  };

  const label = translate('app.notifications.unread', { smart_count: unread });
  return (
    <>
      <Tooltip title={label}>
        <IconButton color="inherit" aria-label={label} onClick={(event) => setAnchor(event.currentTarget)}>
          <Badge badgeContent={unread} color="error" max={99}>
            <NotificationsIcon />
          </Badge>
        </IconButton>
      </Tooltip>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {(data ?? []).map((notification) => (
          <MenuItem key={notification.id} onClick={() => open(notification)} sx={{ maxWidth: 420 }}>
            <ListItemText
              primary={message(notification)}
              secondary={formatDateTime(notification.createdAt, locale)}
              slotProps={{ primary: { noWrap: true } }}
            />
          </MenuItem>
        ))}
        {unread === 0 && (
          <MenuItem disabled>
            <Typography variant="body2">{translate('app.notifications.none')}</Typography>
          </MenuItem>
        )}
        <Divider />
        {unread > 0 && <MenuItem onClick={readAll}>{translate('app.notifications.read_all')}</MenuItem>}
        <MenuItem
          onClick={() => {
            setAnchor(null);
            navigate('/notifications');
          }}
        >
          {translate('app.notifications.see_all')}
        </MenuItem>
      </Menu>
    </>
  );
};
