/**
 * What a notification is about, as the API stores it in `kind` (api/src/notifications/notification.entity.ts).
 * Kept here until libs shares the list, as it shares the appeal enums.
 */
export const NOTIFICATION_KINDS = [
  'appeal_assigned',
  'sla_warning',
  'sla_breach',
  'extension_requested',
  'referral_follow_up',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
