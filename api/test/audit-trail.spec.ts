import { bearer, startTestApp, type TestApp, unique } from './test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

test('the database refuses to change or remove audit events, even to their owner', async () => {
  // The app's own role may not even try (see audit-tamper.spec.ts); the owner is stopped by triggers.
  const [event] = await t.owner.query(`SELECT id FROM audit_events LIMIT 1`);
  expect(event).toBeDefined();
  await expect(t.owner.query(`UPDATE audit_events SET action = 'forged' WHERE id = $1`, [event.id])).rejects.toThrow(
    /append-only/,
  );
  await expect(t.owner.query(`DELETE FROM audit_events WHERE id = $1`, [event.id])).rejects.toThrow(/append-only/);
  await expect(t.owner.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
  const [still] = await t.owner.query(`SELECT action FROM audit_events WHERE id = $1`, [event.id]);
  expect(still.action).not.toBe('forged');
});

test('a change whose audit event cannot be written is not saved either', async () => {
  // Make audit inserts fail for this session's transaction only, by a trigger that rejects one marker.
  const marker = `Rollback ${unique()}`;
  await t.owner.query(`
    CREATE OR REPLACE FUNCTION reject_marked_audit() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.after ->> 'name' = '${marker}' THEN RAISE EXCEPTION 'audit write failed'; END IF;
      RETURN NEW;
    END $$`);
  await t.owner.query(
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
    await t.owner.query(`DROP TRIGGER reject_marked_audit ON audit_events`);
    await t.owner.query(`DROP FUNCTION reject_marked_audit()`);
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
