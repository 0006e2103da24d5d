import { FINDING_KINDS, type FindingKind } from '@adaldesk/libs';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { applyAbility } from '../core/access/ability-to-sql.js';
import type { AuthenticatedUser } from '../core/auth/authenticated-user.js';
import { AppError, type FieldProblem } from '../core/errors/app-error.js';
import { Finding } from '../findings/finding.entity.js';
import { WorkingCalendarService } from '../sla/working-calendar.service.js';
import { assertRegionReadable, parsePeriod, parseRegionId, rejectUnknownParameters } from './stats-period.js';
import { Clock } from '../core/clock/clock.js';

const PARAMETERS = ['from', 'to', 'regionId'];

export interface FindingFigures {
  count: number;
  /** Tenge, exact, as a decimal string; findings without an amount add nothing. */
  amount: string;
}

export interface FindingStats {
  from: string;
  to: string;
  regionId: string | null;
  timeZone: string;
  /** Every kind, in the order of the list of kinds, zeros included. */
  kinds: ({ kind: FindingKind } & FindingFigures)[];
  total: FindingFigures;
}

/**
 * Inspection findings of a period (by the day each was logged, in the office's time zone) counted
 * and summed by kind, amounts added exactly in SQL `numeric`. One query, scoped by the caller's
 * permission rules on findings turned into SQL, like every list.
 */
@Injectable()
export class FindingStatsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: WorkingCalendarService,
    private readonly clock: Clock,
  ) {}

  async byKind(user: AuthenticatedUser, query: Record<string, unknown>): Promise<FindingStats> {
    if (!user.ability.can('read', 'findings')) {
      throw AppError.forbidden(`The ${user.role} role may not read findings`);
    }
    const calendar = await this.calendars.current();
    const problems: FieldProblem[] = [];
    const { from, to } = parsePeriod(query, calendar.localDate(this.clock.now()), problems);
    const regionId = parseRegionId(query, problems);
    rejectUnknownParameters(query, PARAMETERS, problems);
    if (problems.length > 0) throw AppError.validation(problems);
    assertRegionReadable(user.ability, 'findings', regionId);

    const builder = this.dataSource.getRepository(Finding).createQueryBuilder('record');
    applyAbility(builder, user.ability, 'read', 'findings');
    builder.andWhere('(record.created_at AT TIME ZONE :timeZone)::date BETWEEN :from AND :to', {
      timeZone: calendar.timeZone,
      from,
      to,
    });
    if (regionId) builder.andWhere('record.region_id = :regionId', { regionId });
    // ROLLUP adds the row of all kinds (kind null), summed by the database too.
    const rows: { kind: FindingKind | null; count: number; amount: string }[] = await builder
      .select('record.kind', 'kind')
      .addSelect('count(*)::int', 'count')
      .addSelect('coalesce(sum(record.amount), 0)::numeric(20, 2)::text', 'amount')
      .groupBy('ROLLUP (record.kind)')
      .getRawMany();
    const byKind = new Map(rows.map((row) => [row.kind, row]));
    const total = byKind.get(null);
    return {
      from,
      to,
      regionId,
      timeZone: calendar.timeZone,
      kinds: FINDING_KINDS.map((kind) => ({
        kind,
        count: byKind.get(kind)?.count ?? 0,
        amount: byKind.get(kind)?.amount ?? '0.00',
      })),
      total: { count: total?.count ?? 0, amount: total?.amount ?? '0.00' },
    };
  }
}
