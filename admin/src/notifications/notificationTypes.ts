import type { NotificationKind } from './notificationKinds';

/** A notification as `GET /api/notifications` returns it: always the signed-in user's own. */
export interface NotificationRecord {
  id: string;
  userId: string;
  kind: NotificationKind;
  entityType: string;
  entityId: string;
  data: { number?: string; dueAt?: string };
  readAt: string | null;
  createdAt: string;
  version: number;
}

/** Where a notification leads: the record it is about. */
export const notificationPath = (notification: Pick<NotificationRecord, 'entityType' | 'entityId'>) =>
  `/${notification.entityType}/${notification.entityId}/show`;
