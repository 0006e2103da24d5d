import { bearer, startTestApp, type TestApp, unique, waitFor } from './test-app.js';
import { testNow } from './test-clock.js';

/**
 * Editing the working calendar recomputes the deadlines of open appeals, each move in the audit
 * trail. The test works in January 2027, which no other test's deadline reaches.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

test('a day off added to the calendar moves an open deadline by one working day, and removing it moves it back', async () => {
  const [{ id: regionId }] = await t.dataSource.query(`SELECT id FROM regions WHERE code = 'KZ-75'`);
  const created = await t.http
    .post('/api/appeals')
    .set(bearer(t.tokens.officer))
    .send({
      channel: 'letter',
      kind: 'request',
      receivedAt: testNow().toISOString(),
      regionId,
      description: `Жер учаскесін бөлу мерзімі бұзылды ${unique()}`,
      applicantName: 'Бауыржан Сейітов',
    });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  // Its term starts on Monday 4 January 2027 (as if registered then): due late in January.
  await t.dataSource.query(`UPDATE appeals SET sla_started_at = '2027-01-04T04:00:00Z' WHERE id = $1`, [id]);
  await t.app.get((await import('../src/appeals/jobs/appeal-sla.job.js')).AppealSlaJobs).recomputeOpenDeadlines();
  const dueAt = async () => (await t.http.get(`/api/appeals/${id}`).set(bearer(t.tokens.officer))).body.dueAt as string;
  const original = await dueAt();
  expect(original.startsWith('2027-01-')).toBe(true);
  // The recompute above wrote an event unless the appeal was registered on 4 January anyway (a suite
  // pinned to New Year's Eve): count from here.
  const recomputes = async () =>
    (
      await t.dataSource.query(
        `SELECT count(*)::int AS count FROM audit_events WHERE entity_id = $1 AND action = 'sla_recompute'`,
        [id],
      )
    )[0].count as number;
  const before = await recomputes();

  const added = await t.http.post('/api/calendar-days').set(bearer(t.tokens.admin)).send({
    date: '2027-01-13',
    kind: 'day_off',
    nameKk: 'Үкімет қаулысымен демалыс',
    nameRu: 'Выходной по постановлению',
    nameEn: 'Day off by decree',
  });
  expect(added.status).toBe(201);
  await waitFor(async () => (await dueAt()) !== original);
  const moved = await dueAt();
  // One working day later (a weekend may lie between).
  const days = (new Date(moved).getTime() - new Date(original).getTime()) / 86_400_000;
  expect([1, 3]).toContain(days);
  expect(await recomputes()).toBe(before + 1);

  const removed = await t.http.delete(`/api/calendar-days/${added.body.id}`).set(bearer(t.tokens.admin));
  expect(removed.status).toBe(200);
  await waitFor(async () => (await dueAt()) === original);
});
