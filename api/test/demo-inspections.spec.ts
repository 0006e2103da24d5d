import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalEvidenceStore } from '../src/evidence-files/evidence-store.js';
import { seedDemoInspections } from '../src/seed/demo-inspections.js';
import { startTestApp, type TestApp } from './test-app.js';
import { sqlNow, testNow } from './test-clock.js';

/**
 * The demo inspections, seeded inside a transaction rolled back at the end so that the test files
 * running beside this one never see them: every status of both types across regions, valid by every
 * check of the schema, with findings, photos whose SHA-256 is right, and an audit trail.
 */
let t: TestApp;
let folder: string;
beforeAll(async () => {
  t = await startTestApp();
  folder = await mkdtemp(join(tmpdir(), 'adaldesk-demo-evidence-test-'));
});
afterAll(async () => {
  await t.close();
  await rm(folder, { recursive: true, force: true });
});

it('covers both types in every status across regions, with findings, photos and their audit events', async () => {
  const runner = t.dataSource.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    const now = testNow();
    const store = new LocalEvidenceStore(folder);
    const result = await seedDemoInspections(runner.manager, { now, timeZone: 'Asia/Almaty', store });
    const statuses = await runner.query(
      `SELECT type, array_agg(DISTINCT status ORDER BY status) AS statuses, count(DISTINCT region_id)::int AS regions
         FROM inspections WHERE id = ANY($1) GROUP BY type ORDER BY type`,
      [result.inspectionIds],
    );
    expect(statuses).toEqual([
      { type: 'market', statuses: ['cancelled', 'closed', 'completed', 'in_progress', 'planned'], regions: 5 },
      {
        type: 'school',
        statuses: ['cancelled', 'closed', 'completed', 'in_progress', 'planned'],
        regions: 5,
      },
    ]);
    const [desk] = await runner.query(
      `SELECT count(*) FILTER (WHERE i.status = 'planned' AND i.planned_start_on = (${sqlNow()} AT TIME ZONE 'Asia/Almaty')::date)::int AS today,
              count(*) FILTER (WHERE i.status = 'in_progress')::int AS running
         FROM inspections i JOIN users u ON u.id = i.lead_inspector_id
        WHERE i.id = ANY($1) AND u.email = 'inspector@demo.adaldesk.kz'`,
      [result.inspectionIds],
    );
    expect(desk.today).toBeGreaterThanOrEqual(1);
    expect(desk.running).toBeGreaterThanOrEqual(1);

    const [findings] = await runner.query(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE amount IS NOT NULL)::int AS "withAmount",
              bool_and(i.status <> 'planned') AS "onlyOnStartedInspections",
              bool_and(f.region_id = i.region_id) AS "sameRegion",
              bool_and(f.description ~ '[а-яәіңғүұқөһА-ЯӘІҢҒҮҰҚӨҺ]') AS "inKazakhOrRussian"
         FROM findings f JOIN inspections i ON i.id = f.inspection_id WHERE f.id = ANY($1)`,
      [result.findingIds],
    );
    expect(findings).toMatchObject({ onlyOnStartedInspections: true, sameRegion: true, inKazakhOrRussian: true });
    expect(findings.total).toBeGreaterThan(20);
    expect(findings.withAmount).toBeGreaterThan(5);

    expect(result.evidenceIds.length).toBeGreaterThan(0);
    const files = await runner.query(`SELECT storage_key, sha256 FROM evidence_files WHERE id = ANY($1)`, [
      result.evidenceIds,
    ]);
    for (const file of files) {
      const bytes = await readFile(join(folder, ...file.storage_key.split('/')));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
    }

    const [{ events }] = await runner.query(
      `SELECT count(*)::int AS events FROM audit_events
        WHERE entity_id::text = ANY($1) AND action IN ('create', 'upload')`,
      [[...result.inspectionIds, ...result.findingIds, ...result.evidenceIds]],
    );
    expect(events).toBe(result.inspectionIds.length + result.findingIds.length + result.evidenceIds.length);
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
});
