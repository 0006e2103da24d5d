import { bearer, startTestApp, type TestApp, unique } from './test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

test('the database itself refuses to change or remove audit events', async () => {
  const [event] = await t.dataSource.query(`SELECT id FROM audit_events LIMIT 1`);
  expect(event).toBeDefined();
  await expect(
    t.dataSource.query(`UPDATE audit_events SET action = 'forged' WHERE id = $1`, [event.id]),
  ).rejects.toThrow(/append-only/);
  await expect(t.dataSource.query(`DELETE FROM audit_events WHERE id = $1`, [event.id])).rejects.toThrow(/append-only/);
  await expect(t.dataSource.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
  const [still] = await t.dataSource.query(`SELECT action FROM audit_events WHERE id = $1`, [event.id]);
  expect(still.action).not.toBe('forged');
});

test('a change whose audit event cannot be written is not saved either', async () => {
  // Make audit inserts fail for this session's transaction only, by a trigger that rejects one marker.
  const marker = `Rollback ${unique()}`;
  await t.dataSource.query(`
    CREATE OR REPLACE FUNCTION reject_marked_audit() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.after ->> 'name' = '${marker}' THEN RAISE EXCEPTION 'audit write failed'; END IF;
      RETURN NEW;
    END $$`);
  await t.dataSource.query(
    `CREATE TRIGGER reject_marked_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION reject_marked_audit()`,
  );
  try {
    const response = await t.http
      .post('/api/organisations')
      .set(bearer(t.tokens.admin))
      .send({ name: marker, type: 'other' });
    expect(response.status).toBe(500);
    expect(response.body.message).not.toMatch(/audit write failed/);
    const rows = await t.dataSource.query(`SELECT id FROM organisations WHERE name = $1`, [marker]);
    expect(rows).toEqual([]);
  } finally {
    await t.dataSource.query(`DROP TRIGGER reject_marked_audit ON audit_events`);
    await t.dataSource.query(`DROP FUNCTION reject_marked_audit()`);
  }
});

test('audit events are a read-only resource with filters and getOne', async () => {
  const created = await t.http
    .post('/api/organisations')
    .set(bearer(t.tokens.admin))
    .send({ name: `Audited ${unique()}`, type: 'akimat' });
  const list = await t.http
    .get('/api/audit-events')
    .query({ filter: JSON.stringify({ entityType: 'organisations', entityId: created.body.id }) })
    .set(bearer(t.tokens.admin));
  expect(list.status).toBe(200);
  expect(list.body).toEqual([
    expect.objectContaining({
      action: 'create',
      entityType: 'organisations',
      entityId: created.body.id,
      actorRole: 'admin',
    }),
  ]);
  const one = await t.http.get(`/api/audit-events/${list.body[0].id}`).set(bearer(t.tokens.admin));
  expect(one.status).toBe(200);
  expect(one.body.after).toMatchObject({ name: created.body.name });
});
