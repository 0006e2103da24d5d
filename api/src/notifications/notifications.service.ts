import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { IsBoolean, IsInt, Min } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../core/audit/audit.service.js';
import type { AuthenticatedUser } from '../core/auth/authenticated-user.js';
import type { AppConfig } from '../core/config/app-config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { CrudService } from '../core/crud/crud.service.js';
import { filtersFor } from '../core/crud/list-query.js';
import { AppError } from '../core/errors/app-error.js';
import { QueueService } from '../core/queue/queue.service.js';
import { MailerService } from './mailer.service.js';
import { Notification, type NotificationKind } from './notification.entity.js';

class NoCreate {}

export class UpdateNotificationDto {
  @IsInt()
  @Min(1)
  version: number;

  @IsBoolean()
  read: boolean;
}

export interface NewNotification {
  userIds: readonly string[];
  kind: NotificationKind;
  entityType: string;
  entityId: string;
  data: Record<string, unknown>;
  /** The same event never reaches the same user twice under the same key. */
  dedupeKey: string;
}

const EMAIL_JOB = 'notifications.email';

/**
 * In-app notifications, each user's own; e-mailed as well when SMTP is configured. Written inside the
 * caller's transaction, e-mailed through the queue after it commits.
 */
@Injectable()
export class NotificationsService extends CrudService<Notification> implements OnApplicationBootstrap {
  private readonly logger = new Logger('Notifications');

  constructor(
    dataSource: DataSource,
    audit: AuditService,
    private readonly queue: QueueService,
    private readonly mailer: MailerService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(dataSource, audit, {
      resource: 'notifications',
      entity: Notification,
      createDto: NoCreate,
      updateDto: UpdateNotificationDto,
      filters: {
        ...filtersFor({ kind: 'text', entityType: 'text', entityId: 'uuid', createdAt: 'datetime' }, ['createdAt']),
        unread: { property: 'readAt', type: 'boolean', operator: 'isNull' },
      },
      sortable: ['createdAt', 'kind'],
      defaultSort: ['createdAt', 'DESC'],
      searchable: false,
    });
  }

  onApplicationBootstrap(): void {
    if (this.mailer.enabled) this.queue.handle(EMAIL_JOB, (data) => this.email(String(data.notificationId)));
  }

  /** Inserts the notifications that are new; returns their ids for `deliver` after the commit. */
  async notify(manager: EntityManager, notification: NewNotification): Promise<string[]> {
    const userIds = [...new Set(notification.userIds)];
    if (userIds.length === 0) return [];
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO notifications (user_id, kind, entity_type, entity_id, data, dedupe_key)
       SELECT u.id, $2, $3, $4, $5, $6 FROM users u WHERE u.id = ANY($1) AND u.active
       ON CONFLICT (user_id, dedupe_key) DO NOTHING
       RETURNING id`,
      [
        userIds,
        notification.kind,
        notification.entityType,
        notification.entityId,
        notification.data,
        notification.dedupeKey,
      ],
    );
    return rows.map((row) => row.id);
  }

  /** The active managers of a region, who hear of breaches and extension requests there. */
  async regionManagerIds(manager: EntityManager, regionId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM users WHERE role = 'manager' AND active AND region_id = $1`,
      [regionId],
    );
    return rows.map((row) => row.id);
  }

  /** After the commit: e-mail the new notifications when SMTP is configured. */
  async deliver(notificationIds: readonly string[]): Promise<void> {
    if (!this.mailer.enabled) return;
    for (const id of notificationIds) {
      await this.queue
        .add(EMAIL_JOB, { notificationId: id })
        .catch((error: unknown) => this.logger.error(`Queueing the e-mail of notification ${id} failed: ${error}`));
    }
  }

  async markAllRead(user: AuthenticatedUser): Promise<{ updated: number }> {
    this.assertAllowed(user, 'update');
    const [, updated] = await this.dataSource.query(
      `UPDATE notifications SET read_at = now(), version = version + 1, updated_at = now()
       WHERE user_id = $1 AND read_at IS NULL`,
      [user.id],
    );
    return { updated: Number(updated) };
  }

  override async create(user: AuthenticatedUser): Promise<object> {
    this.assertAllowed(user, 'create');
    throw AppError.forbidden('Notifications are written by AdalDesk itself');
  }

  protected override async toEntityValues(dto: object): Promise<Partial<Notification>> {
    const { read } = dto as UpdateNotificationDto;
    return { readAt: read ? new Date() : null };
  }

  private async email(notificationId: string): Promise<void> {
    const [row] = await this.dataSource.query(
      `SELECT n.kind, n.data, n.entity_type AS "entityType", n.entity_id AS "entityId", u.email,
              u.full_name AS "fullName"
       FROM notifications n JOIN users u ON u.id = n.user_id
       WHERE n.id = $1 AND n.emailed_at IS NULL`,
      [notificationId],
    );
    if (!row) return;
    await this.mailer.send(
      row.email,
      emailFor(row.kind, row.data, `${this.config.publicUrl}/#/${row.entityType}/${row.entityId}/show`),
    );
    await this.dataSource.query(`UPDATE notifications SET emailed_at = now() WHERE id = $1`, [notificationId]);
  }
}

/** The e-mail of a notification, in Kazakh and Russian; it names the record, never the applicant. */
export function emailFor(kind: NotificationKind, data: Record<string, unknown>, link: string) {
  const number = String(data.number ?? '');
  const due = data.dueAt ? new Date(String(data.dueAt)).toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : '';
  const subjects: Record<NotificationKind, string> = {
    appeal_assigned: `${number}: сізге тағайындалды / назначено вам`,
    sla_warning: `${number}: мерзімі жақындады / срок истекает (${due})`,
    sla_breach: `${number}: мерзімі өтті / срок нарушен (${due})`,
    extension_requested: `${number}: мерзімді ұзарту сұралды / запрошено продление срока`,
    referral_follow_up: `${number}: жолдаудың нәтижесін нақтылаңыз / уточните результат направления`,
  };
  return { subject: `AdalDesk — ${subjects[kind]}`, text: `${subjects[kind]}\n\n${link}\n` };
}
