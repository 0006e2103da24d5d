import { CorrectiveActionSlaJobs } from '../src/corrective-actions/jobs/corrective-action-sla.job.js';
import { correctiveActionBody, findingInAlmaty } from './corrective-action-fixtures.js';
import { bearer, login, startTestApp, type TestApp, unique, waitFor } from './test-app.js';
import { sqlNow, testNow } from './test-clock.js';

/**
 * Corrective actions over HTTP: deadlines on the working calendar (as a date, as working days, or the
 * policy's), the report → verify / reject workflow, extensions capped by the policy, who may do what,
 * filters, CSV, and deadlines that follow a calendar edit.
 */
let t: TestApp;
let finding: Awaited<ReturnType<typeof findingInAlmaty>>;
/** An inspector of the same region who is not on the inspection's team. */
let strangerToken: string;
/** An inspector on the inspection's team (not its lead). */
let memberToken: string;

beforeAll(async () => {
  t = await startTestApp();
  const [{ id: regionId }] = await t.dataSource.query(`SELECT id FROM regions WHERE code = 'KZ-75'`);
  const inspector = async (name: string) => {
    const email = `${name}-${unique()}@example.kz`;
    const created = await t.http
      .post('/api/users')
      .set(bearer(t.tokens.admin))
      .send({
        email,
        fullName: `Инспектор ${name}`,
        role: 'inspector',
        regionId,
        password: 'Inspector-pass-2026',
      });
    expect(created.status).toBe(201);
    return { id: created.body.id as string, token: await login(t.http, email, 'Inspector-pass-2026') };
  };
  const member = await inspector('member');
  memberToken = member.token;
  strangerToken = (await inspector('stranger')).token;
  finding = await findingInAlmaty(t.dataSource, { teamIds: [member.id] });
  // Two more users, hashed and signed in, on a machine other test files keep busy.
}, 90_000);
afterAll(() => t.close());

async function issue(extra: Record<string, unknown> = {}, token = t.tokens.inspector) {
  return t.http.post('/api/corrective-actions').set(bearer(token)).send(correctiveActionBody(finding.findingId, extra));
}

async function step(id: string, action: string, body: Record<string, unknown>, token = t.tokens.inspector) {
  const current = await t.http.get(`/api/corrective-actions/${id}`).set(bearer(t.tokens.admin));
  return t.http
    .post(`/api/corrective-actions/${id}/actions/${action}`)
    .set(bearer(token))
    .send({ version: current.body.version, ...body });
}

describe('issuing a corrective action', () => {
  it("copies the finding's inspection, region and organisation, and sets a deadline N working days away", async () => {
    const response = await issue({ termWorkingDays: 10 });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      number: expect.stringMatching(/^CA-\d{4}-\d{6}$/),
      findingId: finding.findingId,
      inspectionId: finding.inspectionId,
      responsibleOrganisationId: finding.organisationId,
      leadInspectorId: finding.leadId,
      status: 'open',
      termWorkingDays: 10,
      slaState: 'on_track',
      version: 1,
    });
    // Close of business (18:00 in Almaty) of a working day, ten working days on.
    expect(new Date(response.body.dueAt).toISOString()).toMatch(/T13:00:00\.000Z$/);
    const [audit] = await t.dataSource.query(
      `SELECT action, actor_email AS "actorEmail" FROM audit_events WHERE entity_type = 'corrective-actions' AND entity_id = $1`,
      [response.body.id],
    );
    expect(audit).toEqual({ action: 'create', actorEmail: 'inspector@demo.adaldesk.kz' });
  });

  it("takes the corrective-action policy's 30 working days when no deadline is given, warned 5 working days before", async () => {
    const response = await issue();
    expect(response.status).toBe(201);
    const [{ workingDays, warningDays }] = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE d > (issued_at AT TIME ZONE 'Asia/Almaty')::date AND d <= (due_at AT TIME ZONE 'Asia/Almaty')::date)::int AS "workingDays",
              count(*) FILTER (WHERE d > (warning_at AT TIME ZONE 'Asia/Almaty')::date AND d <= (due_at AT TIME ZONE 'Asia/Almaty')::date)::int AS "warningDays"
         FROM corrective_actions,
              generate_series((issued_at AT TIME ZONE 'Asia/Almaty')::date, (due_at AT TIME ZONE 'Asia/Almaty')::date, '1 day') AS d
        WHERE id = $1 AND extract(isodow FROM d) < 6 AND d::date NOT IN (SELECT date FROM calendar_days WHERE kind <> 'working_day')`,
      [response.body.id],
    );
    expect({ workingDays, warningDays }).toEqual({ workingDays: 30, warningDays: 5 });
  });

  it('ends a deadline given as a date at close of business that day', async () => {
    const [{ dueOn }] = await t.dataSource.query(
      `SELECT to_char(d, 'YYYY-MM-DD') AS "dueOn" FROM generate_series((${sqlNow()} AT TIME ZONE 'Asia/Almaty')::date + 40, (${sqlNow()} AT TIME ZONE 'Asia/Almaty')::date + 60, '1 day') AS d
        WHERE extract(isodow FROM d) < 6 AND d::date NOT IN (SELECT date FROM calendar_days) ORDER BY d LIMIT 1`,
    );
    const response = await issue({ dueOn });
    expect(response.status).toBe(201);
    expect(response.body.dueOn).toBe(dueOn);
    const [{ local }] = await t.dataSource.query(
      `SELECT to_char($1::timestamptz AT TIME ZONE 'Asia/Almaty', 'YYYY-MM-DD HH24:MI') AS local`,
      [response.body.dueAt],
    );
    expect(local).toBe(`${dueOn} 18:00`);
  });

  it('refuses bad input with 400 naming every field, and leaves nothing behind', async () => {
    const [{ before }] = await t.dataSource.query(`SELECT count(*)::int AS before FROM corrective_actions`);
    const response = await t.http
      .post('/api/corrective-actions')
      .set(bearer(t.tokens.inspector))
      .send({ findingId: 'nope', description: 'x', termWorkingDays: 0, dueOn: '2026-02-30' });
    expect(response.status).toBe(400);
    const fields = [...new Set((response.body.details as { field: string }[]).map((problem) => problem.field))].sort();
    expect(fields).toEqual(['description', 'dueOn', 'findingId', 'responsiblePersonName', 'termWorkingDays']);
    const both = await issue({ dueOn: '2099-01-05', termWorkingDays: 5 });
    expect(both.status).toBe(400);
    expect(both.body.details.map((problem: { field: string }) => problem.field).sort()).toEqual([
      'dueOn',
      'termWorkingDays',
    ]);
    const past = await issue({ dueOn: '2020-01-06' });
    expect(past.status).toBe(400);
    expect(past.body.details).toEqual([{ field: 'dueOn', message: expect.stringContaining('after the day of issue') }]);
    const missing = await t.http
      .post('/api/corrective-actions')
      .set(bearer(t.tokens.inspector))
      .send(correctiveActionBody('00000000-0000-4000-8000-000000000000'));
    expect(missing.status).toBe(400);
    expect(missing.body.details).toEqual([{ field: 'findingId', message: 'refers to no finding' }]);
    const [{ after }] = await t.dataSource.query(`SELECT count(*)::int AS after FROM corrective_actions`);
    expect(after).toBe(before);
  });

  it('is refused on a finding of a closed inspection', async () => {
    const closed = await findingInAlmaty(t.dataSource, { status: 'closed' });
    const response = await t.http
      .post('/api/corrective-actions')
      .set(bearer(t.tokens.inspector))
      .send(correctiveActionBody(closed.findingId));
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ field: 'findingId', message: 'belongs to an inspection that is closed' }]);
  });
});

describe('the workflow', () => {
  it('goes open → reported done → rejected → reported done → verified, each step audited', async () => {
    const { body: action } = await issue({ termWorkingDays: 10 });
    const reported = await step(action.id, 'report-done', { reportNote: 'Шатыр жөнделді, акт қоса беріледі' });
    expect(reported.status).toBe(200);
    expect(reported.body).toMatchObject({ status: 'reported_done', slaState: 'met', version: 2 });
    expect(reported.body.decidedAt).not.toBeNull();

    const rejected = await step(action.id, 'reject', { reason: 'Шатырдың бір бөлігі ғана жөнделген' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      status: 'open',
      slaState: 'on_track',
      decidedAt: null,
      reportNote: null,
      rejectionReason: 'Шатырдың бір бөлігі ғана жөнделген',
      // Pause-free: the time the report stood is not given back.
      dueAt: action.dueAt,
    });

    await step(action.id, 'report-done', { reportNote: 'Шатыр толық жөнделді' });
    const verified = await step(action.id, 'verify', { verificationNote: 'Барып тексерілді: жөндеу сапалы' });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ status: 'verified', slaState: 'met', verifiedById: finding.leadId });
    expect(verified.body.verifiedOn).toBe(verified.body.reportedOn);

    const timeline = await t.http.get(`/api/corrective-actions/${action.id}/timeline`).set(bearer(t.tokens.manager));
    expect(timeline.status).toBe(200);
    expect(timeline.body.map((event: { action: string }) => event.action)).toEqual([
      'create',
      'report-done',
      'reject',
      'report-done',
      'verify',
    ]);
    expect(timeline.body[2].after).toMatchObject({ status: 'open', reason: 'Шатырдың бір бөлігі ғана жөнделген' });
  });

  it('refuses an illegal step with 422 naming the allowed ones, and a stale version with 409', async () => {
    const { body: action } = await issue();
    const early = await step(action.id, 'verify', { verificationNote: 'Тексерілді, бәрі дұрыс' });
    expect(early.status).toBe(422);
    expect(early.body.message).toContain('allowed: report-done, extend, cancel');
    expect(early.body.details).toEqual({ status: 'open', allowed: ['report-done', 'extend', 'cancel'] });

    const stale = await t.http
      .post(`/api/corrective-actions/${action.id}/actions/report-done`)
      .set(bearer(t.tokens.inspector))
      .send({ version: action.version + 5, reportNote: 'Жөнделді деп хабарлады' });
    expect(stale.status).toBe(409);

    const noReason = await step(action.id, 'cancel', {});
    expect(noReason.status).toBe(400);
    expect(new Set(noReason.body.details.map((problem: { field: string }) => problem.field))).toEqual(
      new Set(['reason']),
    );
    const future = await step(action.id, 'report-done', {
      reportNote: 'Жөнделді деп хабарлады',
      reportedOn: '2099-01-05',
    });
    expect(future.status).toBe(400);
    expect(future.body.details).toEqual([{ field: 'reportedOn', message: 'must not be in the future' }]);

    const cancelled = await step(action.id, 'cancel', { reason: 'Нысан жабылды, шара қажет емес' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', slaState: 'on_track' });
    const after = await step(action.id, 'report-done', { reportNote: 'Жөнделді деп хабарлады' });
    expect(after.status).toBe(422);
    expect(after.body.message).toContain('it is settled');
    const unknown = await step(action.id, 'approve', {});
    expect(unknown.status).toBe(404);
  });

  it('marks a fix reported after the deadline as missed, by the day the body reported it', async () => {
    const { body: action } = await issue({ termWorkingDays: 3 });
    // As if issued weeks ago and due last week: the clock says breached, and a late report is missed.
    await t.dataSource.query(
      `UPDATE corrective_actions SET issued_at = ${sqlNow()} - interval '30 days', created_at = ${sqlNow()} - interval '30 days', warning_at = ${sqlNow()} - interval '10 days',
              due_at = ${sqlNow()} - interval '7 days' WHERE id = $1`,
      [action.id],
    );
    const breached = await t.http.get(`/api/corrective-actions/${action.id}`).set(bearer(t.tokens.inspector));
    expect(breached.body.slaState).toBe('breached');
    const late = await step(action.id, 'report-done', { reportNote: 'Кешігіп жөнделді' });
    expect(late.body.slaState).toBe('missed');
    // Reported on a day before the deadline (the inspector recorded it late): met.
    const rejected = await step(action.id, 'reject', { reason: 'Акт жоқ, қайта тапсыру керек' });
    expect(rejected.body.slaState).toBe('breached');
    const [{ inTime }] = await t.dataSource.query(
      `SELECT to_char((${sqlNow()} - interval '12 days') AT TIME ZONE 'Asia/Almaty', 'YYYY-MM-DD') AS "inTime"`,
    );
    const onTime = await step(action.id, 'report-done', {
      reportNote: 'Мерзімінде жөнделген, акт бар',
      reportedOn: inTime,
    });
    expect(onTime.body.slaState).toBe('met');
  });

  it('extends by working days for a manager, capped by the policy, with a reason', async () => {
    const { body: action } = await issue({ termWorkingDays: 5 });
    const byInspector = await step(action.id, 'extend', { days: 2, reason: 'Мердігер ауыстырылды' });
    expect(byInspector.status).toBe(403);
    const extended = await step(action.id, 'extend', { days: 2, reason: 'Мердігер ауыстырылды' }, t.tokens.manager);
    expect(extended.status).toBe(200);
    expect(extended.body.extensionDays).toBe(2);
    const [{ moved }] = await t.dataSource.query(
      `SELECT count(*)::int AS moved FROM generate_series(($1::timestamptz AT TIME ZONE 'Asia/Almaty')::date + 1,
              ($2::timestamptz AT TIME ZONE 'Asia/Almaty')::date, '1 day') AS d
        WHERE extract(isodow FROM d) < 6 AND d::date NOT IN (SELECT date FROM calendar_days WHERE kind <> 'working_day')`,
      [action.dueAt, extended.body.dueAt],
    );
    expect(moved).toBe(2);
    const tooMuch = await step(action.id, 'extend', { days: 29, reason: 'Қаражат бөлінбеді' }, t.tokens.manager);
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.details).toEqual([
      {
        field: 'days',
        message: expect.stringContaining('may be at most 28 working days: the policy "corrective_action" allows 30'),
      },
    ]);
    const [event] = await t.dataSource.query(
      `SELECT after FROM audit_events WHERE entity_id = $1 AND action = 'extend'`,
      [action.id],
    );
    expect(event.after).toMatchObject({ extensionDays: 2, reason: 'Мердігер ауыстырылды' });
  });
});

describe('who may do what', () => {
  it("lets the inspection's team act, other inspectors of the region only read, managers extend, auditors read", async () => {
    const byMember = await issue({}, memberToken);
    expect(byMember.status).toBe(201);
    const byStranger = await issue({}, strangerToken);
    expect(byStranger.status).toBe(403);
    expect(byStranger.body.message).toContain('inspectors of the finding');
    const byManager = await issue({}, t.tokens.manager);
    expect(byManager.status).toBe(403);
    expect((await issue({}, t.tokens.officer)).status).toBe(403);

    const id = byMember.body.id as string;
    expect((await t.http.get(`/api/corrective-actions/${id}`).set(bearer(strangerToken))).status).toBe(200);
    const report = { reportNote: 'Жөнделді деп хабарлады' };
    expect((await step(id, 'report-done', report, strangerToken)).status).toBe(403);
    expect((await step(id, 'report-done', report, t.tokens.auditor)).status).toBe(403);
    expect((await step(id, 'report-done', report, t.tokens.manager)).status).toBe(403);
    expect((await step(id, 'verify', { verificationNote: 'Тексерілді, дұрыс' }, strangerToken)).status).toBe(403);
    expect((await step(id, 'report-done', report, memberToken)).status).toBe(200);
    expect((await step(id, 'verify', { verificationNote: 'Тексерілді, дұрыс' }, t.tokens.inspector)).status).toBe(200);

    for (const role of ['manager', 'auditor', 'admin'] as const) {
      expect((await t.http.get(`/api/corrective-actions/${id}`).set(bearer(t.tokens[role]))).status).toBe(200);
    }
    expect((await t.http.get(`/api/corrective-actions/${id}`).set(bearer(t.tokens.officer))).status).toBe(403);
    expect((await t.http.delete(`/api/corrective-actions/${id}`).set(bearer(t.tokens.admin))).status).toBe(405);
    expect((await t.http.delete(`/api/corrective-actions/${id}`).set(bearer(t.tokens.inspector))).status).toBe(403);
  });

  it("reaches a new team member of the inspection at once, and hides other regions' actions", async () => {
    const { body: action } = await issue();
    const [{ id: strangerId }] = await t.dataSource.query(
      `SELECT id FROM users WHERE email LIKE 'stranger-%' ORDER BY created_at DESC LIMIT 1`,
    );
    await t.dataSource.query(`UPDATE inspections SET team_ids = team_ids || $2::uuid WHERE id = $1`, [
      finding.inspectionId,
      strangerId,
    ]);
    expect((await step(action.id, 'report-done', { reportNote: 'Жөнделді деп хабарлады' }, strangerToken)).status).toBe(
      200,
    );
    await t.dataSource.query(`UPDATE inspections SET team_ids = array_remove(team_ids, $2::uuid) WHERE id = $1`, [
      finding.inspectionId,
      strangerId,
    ]);
    expect((await step(action.id, 'verify', { verificationNote: 'Тексерілді, дұрыс' }, strangerToken)).status).toBe(
      403,
    );

    const [{ id: astanaId }] = await t.dataSource.query(`SELECT id FROM regions WHERE code = 'KZ-71'`);
    await t.dataSource.query(`UPDATE corrective_actions SET region_id = $2 WHERE id = $1`, [action.id, astanaId]);
    expect((await t.http.get(`/api/corrective-actions/${action.id}`).set(bearer(t.tokens.manager))).status).toBe(404);
    const list = await t.http
      .get(`/api/corrective-actions?filter=${encodeURIComponent(JSON.stringify({ id: [action.id] }))}`)
      .set(bearer(t.tokens.inspector));
    expect(list.body).toEqual([]);
    expect((await t.http.get(`/api/corrective-actions/${action.id}`).set(bearer(t.tokens.auditor))).status).toBe(200);
  });
});

describe('lists', () => {
  const list = (filter: object, sort = ['dueAt', 'ASC'], token = t.tokens.manager) =>
    t.http
      .get(
        `/api/corrective-actions?filter=${encodeURIComponent(JSON.stringify(filter))}&sort=${encodeURIComponent(
          JSON.stringify(sort),
        )}&range=[0,99]`,
      )
      .set(bearer(token));

  it('filters by finding, status, SLA state, overdue and due date, and sorts overdue first', async () => {
    const own = await findingInAlmaty(t.dataSource);
    const make = async (extra: Record<string, unknown>) =>
      (
        await t.http
          .post('/api/corrective-actions')
          .set(bearer(t.tokens.inspector))
          .send(correctiveActionBody(own.findingId, extra))
      ).body as { id: string; version: number };
    const overdue = await make({ termWorkingDays: 20 });
    const atRisk = await make({ termWorkingDays: 20 });
    const onTrack = await make({ termWorkingDays: 20 });
    await t.dataSource.query(
      `UPDATE corrective_actions SET warning_at = ${sqlNow()} - interval '9 days', due_at = ${sqlNow()} - interval '2 days' WHERE id = $1`,
      [overdue.id],
    );
    await t.dataSource.query(
      `UPDATE corrective_actions SET warning_at = ${sqlNow()} - interval '1 day', due_at = ${sqlNow()} + interval '3 days' WHERE id = $1`,
      [atRisk.id],
    );

    const all = await list({ findingId: own.findingId });
    expect(all.status).toBe(200);
    expect(all.headers['content-range']).toBe('corrective-actions 0-2/3');
    expect(all.body.map((action: { id: string }) => action.id)).toEqual([overdue.id, atRisk.id, onTrack.id]);
    expect(all.body.map((action: { slaState: string }) => action.slaState)).toEqual([
      'breached',
      'at_risk',
      'on_track',
    ]);

    const ids = async (filter: object) =>
      (await list({ findingId: own.findingId, ...filter })).body.map((action: { id: string }) => action.id);
    expect(await ids({ overdue: true })).toEqual([overdue.id]);
    expect(await ids({ overdue: false })).toEqual([atRisk.id, onTrack.id]);
    expect(await ids({ slaState: ['at_risk', 'breached'] })).toEqual([overdue.id, atRisk.id]);
    expect(await ids({ dueAt_lte: new Date(testNow().getTime() + 5 * 86_400_000).toISOString() })).toEqual([
      overdue.id,
      atRisk.id,
    ]);
    expect(await ids({ status: 'open', inspectionId: own.inspectionId })).toHaveLength(3);

    const bad = await list({ slaState: 'paused', overdue: 'yes', colour: 'red' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((problem: { field: string }) => problem.field).sort()).toEqual([
      'filter.colour',
      'filter.overdue',
    ]);
    const badState = await list({ slaState: 'paused' });
    expect(badState.status).toBe(400);
    expect(badState.body.details).toEqual([
      { field: 'filter.slaState', message: 'must be one of: on_track, at_risk, breached, met, missed' },
    ]);
  });

  it('exports the filtered list as CSV', async () => {
    const { body: action } = await issue({ termWorkingDays: 7 });
    const csv = await t.http
      .get(`/api/corrective-actions/export?filter=${encodeURIComponent(JSON.stringify({ id: [action.id] }))}`)
      .set(bearer(t.tokens.auditor));
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0].split(',')).toEqual(
      expect.arrayContaining(['number', 'dueAt', 'slaState', 'responsiblePersonName']),
    );
    expect(lines[1]).toContain(action.number);
    expect((await t.http.get('/api/corrective-actions/export').set(bearer(t.tokens.officer))).status).toBe(403);
  });
});

describe('deadlines across holidays', () => {
  it('counts from an issue before Nauryz 2027 and follows a calendar edit', async () => {
    const { body: action } = await issue({ termWorkingDays: 10 });
    // Issued on Friday 19 March 2027 at 10:00: 22–24 March are off (Nauryz, and Sunday's holiday moved).
    await t.dataSource.query(`UPDATE corrective_actions SET issued_at = '2027-03-19T05:00:00Z' WHERE id = $1`, [
      action.id,
    ]);
    await t.app.get(CorrectiveActionSlaJobs).recomputeOpenDeadlines();
    const read = async () =>
      (await t.http.get(`/api/corrective-actions/${action.id}`).set(bearer(t.tokens.inspector))).body;
    // Working days: 25, 26, 29, 30, 31 March, 1, 2, 5, 6, 7 April; warned 5 working days before.
    expect(await read()).toMatchObject({ dueAt: '2027-04-07T13:00:00.000Z', warningAt: '2027-03-31T13:00:00.000Z' });

    const added = await t.http.post('/api/calendar-days').set(bearer(t.tokens.admin)).send({
      date: '2027-04-02',
      kind: 'day_off',
      nameKk: 'Үкімет қаулысымен демалыс',
      nameRu: 'Выходной по постановлению',
      nameEn: 'Day off by decree',
    });
    expect(added.status).toBe(201);
    await waitFor(async () => (await read()).dueAt === '2027-04-08T13:00:00.000Z');
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM audit_events WHERE entity_id = $1 AND action = 'sla_recompute'`,
      [action.id],
    );
    expect(count).toBeGreaterThanOrEqual(2);
    expect((await t.http.delete(`/api/calendar-days/${added.body.id}`).set(bearer(t.tokens.admin))).status).toBe(200);
    await waitFor(async () => (await read()).dueAt === '2027-04-07T13:00:00.000Z');
  });
});

/**
 * The permission matrix of corrective actions: every role, every request, on an action of a finding
 * of the demo inspector's inspection in Almaty (the demo inspector leads it; the others are regional
 * or national users who are not on its team). Cells are HTTP statuses; a step is taken on a fresh
 * action in the status it starts from.
 */
const MATRIX: Record<string, Record<'admin' | 'manager' | 'officer' | 'inspector' | 'auditor', number>> = {
  list: { admin: 200, manager: 200, officer: 403, inspector: 200, auditor: 200 },
  show: { admin: 200, manager: 200, officer: 403, inspector: 200, auditor: 200 },
  export: { admin: 200, manager: 200, officer: 403, inspector: 200, auditor: 200 },
  create: { admin: 201, manager: 403, officer: 403, inspector: 201, auditor: 403 },
  update: { admin: 200, manager: 403, officer: 403, inspector: 200, auditor: 403 },
  delete: { admin: 405, manager: 403, officer: 403, inspector: 403, auditor: 403 },
  'report-done': { admin: 200, manager: 403, officer: 403, inspector: 200, auditor: 403 },
  verify: { admin: 200, manager: 403, officer: 403, inspector: 200, auditor: 403 },
  reject: { admin: 200, manager: 403, officer: 403, inspector: 200, auditor: 403 },
  extend: { admin: 200, manager: 200, officer: 403, inspector: 403, auditor: 403 },
  cancel: { admin: 200, manager: 403, officer: 403, inspector: 200, auditor: 403 },
};
const STEP_BODIES: Record<string, Record<string, unknown>> = {
  'report-done': { reportNote: 'Жөнделді деп хабарлады' },
  verify: { verificationNote: 'Тексерілді, дұрыс' },
  reject: { reason: 'Акт толық емес, қайта тапсыру керек' },
  extend: { days: 1, reason: 'Мердігер ауыстырылды' },
  cancel: { reason: 'Нысан жабылды, шара қажет емес' },
};

describe('permission matrix', () => {
  const cases = Object.entries(MATRIX).flatMap(([request, row]) =>
    Object.entries(row).map(([role, status]) => [request, role as keyof typeof t.tokens, status] as const),
  );

  it.each(cases)('%s as %s -> %i', async (request, role, expected) => {
    const auth = bearer(t.tokens[role]);
    /** A fresh action, reported done first when the step starts from there. */
    const fresh = async () => {
      const { body } = await issue();
      if (request === 'verify' || request === 'reject') {
        return (await step(body.id, 'report-done', STEP_BODIES['report-done'])).body;
      }
      return body;
    };
    let status: number;
    switch (request) {
      case 'list':
        status = (await t.http.get('/api/corrective-actions').set(auth)).status;
        break;
      case 'export':
        status = (await t.http.get('/api/corrective-actions/export').set(auth)).status;
        break;
      case 'show':
        status = (await t.http.get(`/api/corrective-actions/${(await fresh()).id}`).set(auth)).status;
        break;
      case 'create':
        status = (await t.http.post('/api/corrective-actions').set(auth).send(correctiveActionBody(finding.findingId)))
          .status;
        break;
      case 'update': {
        const action = await fresh();
        status = (
          await t.http
            .put(`/api/corrective-actions/${action.id}`)
            .set(auth)
            .send({ version: action.version, responsiblePersonPosition: 'Директордың орынбасары' })
        ).status;
        break;
      }
      case 'delete':
        status = (await t.http.delete(`/api/corrective-actions/${(await fresh()).id}`).set(auth)).status;
        break;
      default: {
        const action = await fresh();
        status = (
          await t.http
            .post(`/api/corrective-actions/${action.id}/actions/${request}`)
            .set(auth)
            .send({ version: action.version, ...STEP_BODIES[request] })
        ).status;
      }
    }
    expect(status).toBe(expected);
  });
});
