import {
  DEFAULT_TIME_ZONE,
  DEFAULT_WORKDAY_END,
  DEFAULT_WORKDAY_START,
  KAZAKHSTAN_CALENDAR_YEARS,
  kazakhstanCalendarDays,
  withCheckDigit,
} from '@adaldesk/libs';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../auth/auth.service.js';
import type { Clock } from '../core/clock/clock.js';
import { AuditService } from '../core/audit/audit.service.js';
import { User } from '../users/user.entity.js';
import { seedDemoAppeals } from './demo-appeals.js';
import { seedDemoReferrals } from './demo-referrals.js';
import type { EvidenceConfig } from '../core/config/app-config.js';
import { evidenceStoreFor } from '../evidence-files/evidence-store.js';
import { seedDemoInspections } from './demo-inspections.js';
import { seedDemoPrices } from './demo-prices.js';
import { seedDemoCorrectiveActions } from './demo-corrective-actions.js';
import { CATEGORIES, DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_USERS, REGIONS, SLA_POLICIES } from './reference-data.js';

export interface SeedOptions {
  adminEmail: string | null;
  adminPassword: string | null;
  demoData: boolean;
  /** Appeals created with the demo data (default 3000); 0 keeps the demo database free of them. */
  demoAppeals?: number;
  /** Referrals with their funnel, shaped like the seed figures; by default with the demo appeals. */
  demoReferrals?: boolean;
  /** `REFERRAL_FOLLOW_UP_DAYS`, for the demo referrals' follow-up dates. */
  referralFollowUpDays?: number;
  /** A year of weekly market prices; by default with the demo appeals. */
  demoPrices?: boolean;
  /** The price-monitoring settings, so the demo prices are judged as the API would judge them. */
  priceRiseThresholdPercent?: number;
  priceBaselineWindowDays?: number;
  priceBaselineMinObservations?: number;
  /** The office's calendar settings, for the demo appeals' registration and deadlines. */
  timeZone?: string;
  workdayStart?: string;
  workdayEnd?: string;
  /** Inspections with findings and photos; by default with the demo appeals. */
  demoInspections?: boolean;
  /** Where the demo photos are stored (`EVIDENCE_*` settings); without it the findings have none. */
  evidence?: EvidenceConfig;
}

const DEFAULT_DEMO_APPEALS = 3000;

export interface SeedResult {
  /** Demo accounts present in the database, to print at start. */
  demoLogins: { email: string; role: string }[];
  demoPassword: string;
}

/**
 * Fills a fresh database: reference data once (an admin edits it afterwards, and a later start must not
 * bring back what they removed), the first admin from ADMIN_EMAIL/ADMIN_PASSWORD, and on a demo
 * database one user per role. Each step runs in one transaction; starting again is harmless.
 */
export async function seedDatabase(
  dataSource: DataSource,
  options: SeedOptions,
  logger: Logger,
  clock: Clock,
): Promise<SeedResult> {
  const audit = new AuditService(clock);
  // One present for every demo record, so they tell one consistent story.
  const now = clock.now();
  await dataSource.transaction(async (manager) => {
    // Several API instances may start at once; one seeds, the others wait and find it done.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('adaldesk:seed'))`);
    if (await isEmpty(manager, 'regions')) {
      await seedReferenceData(manager);
      logger.info('Seeded regions, SLA policies, categories and the working calendar');
    }
    const usersWereEmpty = await isEmpty(manager, 'users');
    if (options.adminEmail && options.adminPassword) {
      await ensureUser(manager, audit, {
        email: options.adminEmail,
        fullName: 'Administrator',
        role: 'admin',
        regionId: null,
        password: options.adminPassword,
      });
    }
    if (options.demoData && usersWereEmpty) {
      await seedDemoData(manager, audit);
      logger.info('Created the demo organisations and one demo user per role');
      const appeals = await seedDemoAppeals(manager, {
        count: options.demoAppeals ?? DEFAULT_DEMO_APPEALS,
        now,
        timeZone: options.timeZone ?? DEFAULT_TIME_ZONE,
        workdayStart: options.workdayStart ?? DEFAULT_WORKDAY_START,
        workdayEnd: options.workdayEnd ?? DEFAULT_WORKDAY_END,
      });
      if (appeals.appeals > 0) {
        logger.info(
          `Created ${appeals.appeals} demo appeals, ${appeals.organisations} regional organisations` +
            ` and ${appeals.officers} regional officers`,
        );
      }
      if (options.demoReferrals ?? appeals.appeals > 0) {
        const referrals = await seedDemoReferrals(manager, {
          now,
          followUpDays: options.referralFollowUpDays,
        });
        logger.info(
          `Created ${referrals.ids.length} demo referrals: ${referrals.caseOpened} criminal cases opened,` +
            ` ${referrals.sentToCourt} sent to court`,
        );
      }
      if (options.demoInspections ?? appeals.appeals > 0) {
        const store = options.evidence ? evidenceStoreFor(options.evidence) : undefined;
        try {
          const inspections = await seedDemoInspections(manager, {
            now,
            timeZone: options.timeZone ?? DEFAULT_TIME_ZONE,
            store,
          });
          logger.info(
            `Created ${inspections.inspectionIds.length} demo inspections with ${inspections.findingIds.length}` +
              ` findings and ${inspections.evidenceIds.length} evidence photos`,
          );
        } finally {
          store?.destroy?.();
        }
      }
      if (options.demoPrices ?? appeals.appeals > 0) {
        const prices = await seedDemoPrices(manager, {
          now,
          timeZone: options.timeZone ?? DEFAULT_TIME_ZONE,
          priceRiseThresholdPercent: options.priceRiseThresholdPercent,
          priceBaselineWindowDays: options.priceBaselineWindowDays,
          priceBaselineMinObservations: options.priceBaselineMinObservations,
        });
        logger.info(
          `Created ${prices.observations} demo market prices at ${prices.markets} markets, ${prices.flagged} above baseline`,
        );
      }
      // On the demo findings, where there are any (seeded before this step).
      const correctiveActions = await seedDemoCorrectiveActions(manager, {
        now,
        timeZone: options.timeZone,
        workdayStart: options.workdayStart,
        workdayEnd: options.workdayEnd,
      });
      if (correctiveActions.ids.length > 0) {
        logger.info(`Created ${correctiveActions.ids.length} demo corrective actions on the demo findings`);
      }
    }
  });
  const demoLogins = options.demoData
    ? await dataSource
        .getRepository(User)
        .createQueryBuilder('user')
        .select(['user.email', 'user.role'])
        .where('user.email IN (:...emails)', { emails: DEMO_USERS.map((demo) => demo.email) })
        .andWhere('user.active')
        .orderBy('user.email')
        .getMany()
    : [];
  return { demoLogins: demoLogins.map(({ email, role }) => ({ email, role })), demoPassword: DEMO_PASSWORD };
}

async function isEmpty(manager: EntityManager, table: string): Promise<boolean> {
  const [row] = await manager.query(`SELECT NOT EXISTS (SELECT 1 FROM ${table}) AS empty`);
  return row.empty;
}

async function seedReferenceData(manager: EntityManager): Promise<void> {
  for (const region of REGIONS) {
    await manager.query(`INSERT INTO regions (code, kind, name_kk, name_ru, name_en) VALUES ($1, $2, $3, $4, $5)`, [
      region.code,
      region.kind,
      region.nameKk,
      region.nameRu,
      region.nameEn,
    ]);
  }
  for (const policy of SLA_POLICIES) {
    await manager.query(
      `INSERT INTO sla_policies (code, name, goal_amount, goal_unit, warning_percent, max_extension_days,
                                 warning_days_before)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        policy.code,
        policy.name,
        policy.goalAmount,
        policy.goalUnit,
        policy.warningPercent,
        policy.maxExtensionDays,
        policy.warningDaysBefore ?? null,
      ],
    );
  }
  for (const category of CATEGORIES) {
    await manager.query(
      `INSERT INTO categories (code, name_kk, name_ru, name_en, sla_policy_id)
       SELECT $1, $2, $3, $4, id FROM sla_policies WHERE code = $5`,
      [category.code, category.nameKk, category.nameRu, category.nameEn, category.slaPolicyCode],
    );
  }
  for (const year of KAZAKHSTAN_CALENDAR_YEARS) {
    for (const day of kazakhstanCalendarDays(year)) {
      await manager.query(
        `INSERT INTO calendar_days (date, kind, name_kk, name_ru, name_en) VALUES ($1, $2, $3, $4, $5)`,
        [day.date, day.kind, day.name.kk, day.name.ru, day.name.en],
      );
    }
  }
}

async function seedDemoData(manager: EntityManager, audit: AuditService): Promise<void> {
  for (const organisation of DEMO_ORGANISATIONS) {
    await manager.query(
      `INSERT INTO organisations (name, bin, type, region_id, address)
       SELECT $1, $2, $3, id, $5 FROM regions WHERE code = $4`,
      [
        organisation.name,
        withCheckDigit(organisation.binPrefix),
        organisation.type,
        organisation.regionCode,
        organisation.address,
      ],
    );
  }
  for (const demo of DEMO_USERS) {
    const [region] = demo.regionCode
      ? await manager.query(`SELECT id FROM regions WHERE code = $1`, [demo.regionCode])
      : [{ id: null }];
    await ensureUser(manager, audit, { ...demo, regionId: region?.id ?? null, password: DEMO_PASSWORD });
  }
}

interface NewUser {
  email: string;
  fullName: string;
  role: User['role'];
  regionId: string | null;
  password: string;
}

async function ensureUser(manager: EntityManager, audit: AuditService, user: NewUser): Promise<void> {
  const existing = await manager
    .getRepository(User)
    .createQueryBuilder('user')
    .where('lower(user.email) = lower(:email)', { email: user.email })
    .getOne();
  if (existing) return;
  const { password, ...fields } = user;
  const saved = await manager.save(
    User,
    manager.create(User, { ...fields, passwordHash: await hashPassword(password) }),
  );
  const { passwordHash: _hidden, ...visible } = saved;
  await audit.record(manager, null, {
    action: 'create',
    entityType: 'users',
    entityId: saved.id,
    regionId: saved.regionId,
    after: visible,
  });
}
