import type { DataSource } from 'typeorm';
import { unique } from './test-app.js';
import { sqlNow } from './test-clock.js';

/**
 * An inspection in progress in Almaty led by the demo inspector (with `teamIds`), and a finding on it.
 * Written in SQL: these tests are about corrective actions, which only need the finding to exist.
 */
export async function findingInAlmaty(
  dataSource: DataSource,
  { teamIds = [] as string[], status = 'in_progress' } = {},
): Promise<{ findingId: string; inspectionId: string; organisationId: string; leadId: string }> {
  const [{ id: regionId }] = await dataSource.query(`SELECT id FROM regions WHERE code = 'KZ-75'`);
  const [{ id: leadId }] = await dataSource.query(`SELECT id FROM users WHERE email = 'inspector@demo.adaldesk.kz'`);
  const [{ id: organisationId }] = await dataSource.query(
    `INSERT INTO organisations (name, type, region_id) VALUES ($1, 'school', $2) RETURNING id`,
    [`№ ${unique()} мектеп-гимназиясы`, regionId],
  );
  const tag = unique();
  const [{ id: inspectionId }] = await dataSource.query(
    `INSERT INTO inspections (number, type, organisation_id, region_id, lead_inspector_id, team_ids, created_by_id,
                              planned_start_on, planned_end_on, actual_start_on, actual_end_on, status, closed_at)
     VALUES ($1, 'school', $2, $3, $4, $5, $4, (${sqlNow()} AT TIME ZONE 'Asia/Almaty')::date - 3, (${sqlNow()} AT TIME ZONE 'Asia/Almaty')::date + 3, (${sqlNow()} AT TIME ZONE 'Asia/Almaty')::date - 3,
             CASE WHEN $6 IN ('completed', 'closed') THEN (${sqlNow()} AT TIME ZONE 'Asia/Almaty')::date END, $6, CASE WHEN $6 = 'closed' THEN ${sqlNow()} END)
     RETURNING id`,
    [`IN-T-${tag}`, organisationId, regionId, leadId, teamIds, status],
  );
  if (status === 'closed')
    await dataSource.query(`UPDATE inspections SET closed_at = ${sqlNow()} WHERE id = $1`, [inspectionId]);
  const [{ id: findingId }] = await dataSource.query(
    `INSERT INTO findings (number, inspection_id, region_id, kind, severity, amount, description, created_by_id)
     VALUES ($1, $2, $3, 'capital_repair_funds_misuse', 'high', '45000000.00',
             'Күрделі жөндеуге бөлінген қаражат мақсатсыз жұмсалған', $4)
     RETURNING id`,
    [`FN-T-${tag}`, inspectionId, regionId, leadId],
  );
  return { findingId, inspectionId, organisationId, leadId };
}

/** A body for `POST /api/corrective-actions` on `findingId`. */
export function correctiveActionBody(findingId: string, extra: Record<string, unknown> = {}) {
  return {
    findingId,
    description: 'Мектеп шатырын жөндеу жұмыстарын толық аяқтау және актіні ұсыну',
    responsiblePersonName: 'Серік Бақытжанұлы Ахметов',
    responsiblePersonPosition: 'Мектеп директоры',
    ...extra,
  };
}
