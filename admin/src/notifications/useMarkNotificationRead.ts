import { useCallback } from 'react';
import { useDataProvider } from 'react-admin';
import type { NotificationRecord } from './notificationTypes';

/** Marks a notification read (`PUT /api/notifications/:id {version, read: true}`); nothing if it already is. */
export function useMarkNotificationRead(): (notification: NotificationRecord) => Promise<void> {
  const dataProvider = useDataProvider();
  return useCallback(
    async (notification) => {
      if (notification.readAt) return;
      await dataProvider.update('notifications', {
        id: notification.id,
        data: { read: true },
        previousData: notification,
      });
    },
    [dataProvider],
  );
}
