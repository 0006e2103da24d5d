import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { IsBoolean, IsInt, Min } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import { readableAppealIds } from '../core/access/linked-appeals.js';
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
      `INSERT INTO notifications (user_id, kind, entity_type, entity_id, data, dedupe_key, created_at, updated_at)
       SELECT u.id, $2, $3, $4, $5, $6, $7, $7 FROM users u WHERE u.id = ANY($1) AND u.active
       ON CONFLICT (user_id, dedupe_key) DO NOTHING
       RETURNING id`,
      [
        userIds,
        notification.kind,
        notification.entityType,
        notification.entityId,
        notification.data,
        notification.dedupeKey,
        this.clock.now(),
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
      `UPDATE notifications SET read_at = $2, version = version + 1, updated_at = now()
       WHERE user_id = $1 AND read_at IS NULL`,
      [user.id, this.clock.now()],
    );
    return { updated: Number(updated) };
  }

  override async create(user: AuthenticatedUser): Promise<object> {
    this.assertAllowed(user, 'create');
    throw AppError.forbidden('Notifications are written by AdalDesk itself');
  }

  /**
   * A notification names its appeal's number only while its reader may read the appeal (a former
   * assignee of a confidential appeal keeps the message, not the number).
   */
  protected override async present(rows: Notification[], user: AuthenticatedUser): Promise<object[]> {
    const json = (await super.present(rows, user)) as Partial<Notification>[];
    const appealIds = rows.filter((row) => row.entityType === 'appeals').map((row) => row.entityId);
    if (appealIds.length === 0) return json;
    const readable = await readableAppealIds(this.dataSource.manager, user.ability, appealIds);
    return json.map((notification) => {
      if (notification.entityType !== 'appeals' || readable.has(notification.entityId!)) return notification;
      const { number: _number, ...data } = notification.data ?? {};
      return { ...notification, data };
    });
  }

  protected override async toEntityValues(dto: object): Promise<Partial<Notification>> {
    const { read } = dto as UpdateNotificationDto;
    return { readAt: read ? this.clock.now() : null };
  }

  /**
   * Claims the e-mail in one statement before sending it, so a job that runs twice (a queue may deliver
   * a job more than once) sends it once; a failed send gives the claim back for the job's retry.
   */
  private async email(notificationId: string): Promise<void> {
    const [rows]: [
      { kind: NotificationKind; data: Record<string, unknown>; entityType: string; entityId: string; email: string }[],
      number,
    ] = await this.dataSource.query(
      `UPDATE notifications n SET emailed_at = $2 FROM users u
          WHERE n.id = $1 AND n.emailed_at IS NULL AND u.id = n.user_id
          RETURNING n.kind, n.data, n.entity_type AS "entityType", n.entity_id AS "entityId", u.email`,
      [notificationId, this.clock.now()],
    );
    const row = rows[0];
    if (!row) return;
    try {
      await this.mailer.send(
        row.email,
        emailFor(row.kind, row.data, `${this.config.publicUrl}/#/${row.entityType}/${row.entityId}/show`),
      );
    } catch (error) {
      await this.dataSource.query(`UPDATE notifications SET emailed_at = NULL WHERE id = $1`, [notificationId]);
      throw error;
    }
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
