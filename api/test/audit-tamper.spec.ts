import { withCheckDigit } from '@adaldesk/libs';
import pg from 'pg';
import { pino } from 'pino';
import { prepareAppRole } from '../src/core/database/app-role.js';
import { bearer, startTestApp, testAppDatabaseUrl, type TestApp, unique } from './test-app.js';

/**
 * The audit trail against the application's own database role: whatever the API's connection is made
 * to send, it may append to the trail and read it, never rewrite it. And reads of applicants' personal
 * data leave a trace in it.
 */
let t: TestApp;
let app: pg.Client;
let eventId: string;
let almatyId: string;
let schoolId: string;

beforeAll(async () => {
  t = await startTestApp();
  app = new pg.Client({ connectionString: testAppDatabaseUrl() });
  await app.connect();
  [{ id: eventId }] = await t.dataSource.query(`SELECT id FROM audit_events ORDER BY id LIMIT 1`);
  [{ id: almatyId }] = await t.dataSource.query(`SELECT id FROM regions WHERE code = 'KZ-75'`);
  [{ id: schoolId }] = await t.dataSource.query(`SELECT id FROM organisations ORDER BY name LIMIT 1`);
});
afterAll(async () => {
  await app?.end();
  await t?.close();
});

const asApp = (sql: string, parameters: unknown[] = []) => app.query(sql, parameters);

describe('as the application role', () => {
  it('is the connection the app itself runs on: no superuser, owner of nothing', async () => {
    const [appRole] = await t.dataSource.query(
      `SELECT current_user AS name, rolsuper AS superuser, pg_has_role(current_user, 'adaldesk_app', 'USAGE') AS member
         FROM pg_roles WHERE rolname = current_user`,
    );
    expect(appRole).toEqual({ name: new URL(testAppDatabaseUrl()).username, superuser: false, member: true });
    const owned = await t.dataSource.query(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND pg_has_role(current_user, c.relowner, 'USAGE')`,
    );
    expect(owned).toEqual([]);
  });

  it('cannot switch the triggers off for its session (session_replication_role)', async () => {
    await expect(asApp(`SET session_replication_role = replica`)).rejects.toThrow(/permission denied/);
    await expect(asApp(`SELECT set_config('session_replication_role', 'replica', false)`)).rejects.toThrow(
      /permission denied/,
    );
  });

  it('cannot disable the triggers', async () => {
    await expect(asApp(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete`)).rejects.toThrow(
      /must be owner/,
    );
    await expect(asApp(`ALTER TABLE audit_events DISABLE TRIGGER ALL`)).rejects.toThrow(/must be owner/);
  });

  it('cannot drop the triggers, their function or the table, nor put a trigger of its own on it', async () => {
    await expect(asApp(`DROP TRIGGER audit_events_no_update_delete ON audit_events`)).rejects.toThrow(/must be owner/);
    await expect(asApp(`DROP TRIGGER audit_events_no_truncate ON audit_events`)).rejects.toThrow(/must be owner/);
    await expect(asApp(`DROP FUNCTION audit_events_append_only()`)).rejects.toThrow(/must be owner/);
    await expect(asApp(`DROP TABLE audit_events`)).rejects.toThrow(/must be owner/);
    await expect(
      asApp(`CREATE TRIGGER x BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`),
    ).rejects.toThrow(/permission denied|must be owner/);
  });

  it('cannot change, remove or empty audit events', async () => {
    await expect(asApp(`UPDATE audit_events SET action = 'forged' WHERE id = $1`, [eventId])).rejects.toThrow(
      /permission denied/,
    );
    await expect(asApp(`DELETE FROM audit_events WHERE id = $1`, [eventId])).rejects.toThrow(/permission denied/);
    await expect(asApp(`TRUNCATE audit_events`)).rejects.toThrow(/permission denied/);
    const [still] = await t.owner.query(`SELECT action FROM audit_events WHERE id = $1`, [eventId]);
    expect(still.action).not.toBe('forged');
  });

  it('cannot become anyone else: no SET ROLE to the owner, no role changes', async () => {
    const [{ owner }] = await t.owner.query(`SELECT current_user AS owner`);
    await expect(asApp(`SET ROLE ${owner}`)).rejects.toThrow(/permission denied/);
    await expect(asApp(`ALTER ROLE current_user SUPERUSER`)).rejects.toThrow(/permission denied|must be superuser/);
  });

  it('cannot forge when an event was written, its id, or the order of ids', async () => {
    // The database's own time of writing, and the id, are not the app's to give.
    await expect(
      asApp(
        `INSERT INTO audit_events (action, entity_type, entity_id, recorded_at)
         VALUES ('forged', 'regions', 'x', now() - interval '1 year')`,
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(
      asApp(`INSERT INTO audit_events (id, action, entity_type, entity_id) VALUES (-1, 'forged', 'regions', 'x')`),
    ).rejects.toThrow(/permission denied/);
    await expect(asApp(`SELECT setval('audit_events_id_seq', 1)`)).rejects.toThrow(/permission denied/);
  });

  it('may back-date `occurred_at` and name another actor, but not hide when it really wrote the event', async () => {
    // What the database cannot know: who the app acts for and what its clock says. What it can: when
    // the row was written, which a back-dated event cannot hide.
    const marker = `forged-${unique()}`;
    const [forged] = (
      await asApp(
        `INSERT INTO audit_events (occurred_at, actor_email, action, entity_type, entity_id)
         VALUES (now() - interval '1 year', 'someone-else@demo.adaldesk.kz', $1, 'regions', 'x')
         RETURNING occurred_at, recorded_at, now() AS now`,
        [marker],
      )
    ).rows;
    expect(forged.recorded_at).toEqual(forged.now);
    expect(forged.now.getTime() - forged.occurred_at.getTime()).toBeGreaterThan(300 * 24 * 3600_000);
  });

  it('still does its work: a change through the API writes its audit event, with the time of writing', async () => {
    const name = `Tamper test ${unique()}`;
    const created = await t.http.post('/api/organisations').set(bearer(t.tokens.admin)).send({ name, type: 'other' });
    expect(created.status).toBe(201);
    const events = await t.owner.query(
      `SELECT action, recorded_at FROM audit_events WHERE entity_type = 'organisations' AND entity_id = $1`,
      [created.body.id],
    );
    expect(events).toEqual([{ action: 'create', recorded_at: expect.any(Date) }]);
  });
});

test('the API refuses to start on a role that could rewrite the audit trail', async () => {
  const owner = process.env.TEST_DATABASE_URL!;
  await expect(prepareAppRole(owner, owner, pino({ level: 'silent' }))).rejects.toThrow(/is a superuser/);
});

describe("reads of applicants' personal data are in the audit trail", () => {
  /** The reads one answer recorded: other test files read in parallel as the same demo users. */
  const readsBy = (response: { headers: Record<string, string> }) =>
    t.owner.query(
      `SELECT entity_type AS "entityType", entity_id AS "entityId", region_id AS "regionId", after
         FROM audit_events WHERE action = 'read_personal_data' AND request_id = $1 ORDER BY id`,
      [response.headers['x-request-id']],
    );
  const applicantName = `Сәуле Тамперова ${unique()}`;
  let appealId: string;

  beforeAll(async () => {
    const response = await t.http
      .post('/api/appeals')
      .set(bearer(t.tokens.officer))
      .send({
        channel: 'portal',
        kind: 'complaint',
        receivedAt: '2026-11-20T19:30:00+05:00',
        regionId: almatyId,
        description: `Жол жөнделмеген ${unique()}`,
        applicantName,
        applicantIin: withCheckDigit('85030230051')!,
        organisationId: schoolId,
      });
    expect(response.status).toBe(201);
    appealId = response.body.id;
  });

  it('one appeal read by someone shown its applicant: one event naming the appeal, none for the others', async () => {
    const officer = await t.http.get(`/api/appeals/${appealId}`).set(bearer(t.tokens.officer));
    expect(officer.status).toBe(200);
    expect(await readsBy(officer)).toEqual([
      { entityType: 'appeals', entityId: appealId, regionId: almatyId, after: null },
    ]);
    // Inspectors are never shown an applicant's identity: nothing to record.
    const inspector = await t.http.get(`/api/appeals/${appealId}`).set(bearer(t.tokens.inspector));
    expect(inspector.status).toBe(200);
    expect(await readsBy(inspector)).toEqual([]);
    // Reads are not changes: the appeal's history leaves them out.
    const timeline = await t.http.get(`/api/appeals/${appealId}/timeline`).set(bearer(t.tokens.officer));
    expect(timeline.body.map((event: { action: string }) => event.action)).not.toContain('read_personal_data');
  });

  it('a search that may match applicants by name: the filter and how many were shown, never the words', async () => {
    const found = await t.http
      .get('/api/appeals')
      .set(bearer(t.tokens.manager))
      .query({ filter: JSON.stringify({ q: applicantName, kind: 'complaint' }) });
    expect(found.status).toBe(200);
    expect(found.body.map((appeal: { id: string }) => appeal.id)).toEqual([appealId]);
    const reads = await readsBy(found);
    expect(reads).toEqual([
      {
        entityType: 'appeal-lists',
        entityId: 'search',
        regionId: almatyId,
        after: {
          filter: [{ field: 'kind', operator: 'eq', value: 'complaint' }],
          searched: true,
          sort: { property: 'receivedAt', order: 'DESC' },
          offset: 0,
          shown: 1,
          matched: 1,
        },
      },
    ]);
    expect(JSON.stringify(reads)).not.toContain('Тамперова');
    // A list without words to search is not a search for a person: not recorded.
    const list = await t.http.get('/api/appeals').set(bearer(t.tokens.manager));
    expect(await readsBy(list)).toEqual([]);
  });

  it('an export with applicant columns is recorded before it is sent; one without them is not', async () => {
    const exported = await t.http
      .get('/api/appeals/export')
      .set(bearer(t.tokens.manager))
      .query({ filter: JSON.stringify({ regionId: almatyId }) });
    expect(exported.status).toBe(200);
    expect(exported.text).toContain(applicantName);
    expect(await readsBy(exported)).toEqual([
      {
        entityType: 'appeal-lists',
        entityId: 'export',
        regionId: almatyId,
        after: {
          filter: [{ field: 'regionId', operator: 'eq', value: almatyId }],
          searched: false,
          sort: { property: 'receivedAt', order: 'DESC' },
        },
      },
    ]);
    const auditor = await t.http.get('/api/appeals/export').set(bearer(t.tokens.auditor));
    expect(auditor.status).toBe(200);
    expect(auditor.text).not.toContain(applicantName);
    expect(await readsBy(auditor)).toEqual([]);
  });
});
