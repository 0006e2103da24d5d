import { CHECKLIST_TEMPLATES } from '@adaldesk/libs';
import {
  daysFrom,
  expectStatus,
  idOf,
  makeOrganisation,
  makeUser,
  type Person,
  type Record_,
  TODAY,
} from './inspection-fixtures.js';
import { bearer, startTestApp, type TestApp } from './test-app.js';

/**
 * Inspections over HTTP against the real database: planned by an inspector of the region, run
 * through their status machine with dated steps and a checklist, scoped by region and team, versioned
 * and audited.
 */
let t: TestApp;
let almatyId: string;
let astanaId: string;
let schoolId: string;
let marketId: string;
let astanaSchoolId: string;
let lead: Person;
let teammate: Person;
let outsider: Person;
let astanaInspector: Person;

beforeAll(async () => {
  t = await startTestApp();
  almatyId = await idOf(t, `SELECT id FROM regions WHERE code = 'KZ-75'`);
  astanaId = await idOf(t, `SELECT id FROM regions WHERE code = 'KZ-71'`);
  schoolId = await makeOrganisation(t, 'school', almatyId);
  marketId = await makeOrganisation(t, 'market', almatyId);
  astanaSchoolId = await makeOrganisation(t, 'school', astanaId);
  lead = await makeUser(t, 'inspector', almatyId);
  teammate = await makeUser(t, 'inspector', almatyId);
  outsider = await makeUser(t, 'inspector', almatyId);
  astanaInspector = await makeUser(t, 'inspector', astanaId);
});
afterAll(() => t.close());

async function plan(overrides: Record<string, unknown> = {}, token = lead.token): Promise<Record_> {
  const response = await t.http
    .post('/api/inspections')
    .set(bearer(token))
    .send({ type: 'school', organisationId: schoolId, plannedStartOn: TODAY, plannedEndOn: daysFrom(2), ...overrides });
  expectStatus(response, 201);
  return response.body;
}

const act = (inspection: { id: string }, action: string, body: Record<string, unknown>, token = lead.token) =>
  t.http.post(`/api/inspections/${inspection.id}/actions/${action}`).set(bearer(token)).send(body);

async function step(inspection: Record_, action: string, body: Record<string, unknown> = {}, token = lead.token) {
  const response = await act(inspection, action, { version: inspection.version, ...body }, token);
  expectStatus(response, 200);
  return response.body as Record_;
}

const allAnswered = (type: 'school' | 'market') =>
  CHECKLIST_TEMPLATES[type].map(({ code }, index) => ({
    code,
    answer: index === 1 ? 'violation' : 'ok',
    note: index === 1 ? 'Шатырды жөндеуге бөлінген қаражат мақсатсыз жұмсалған' : null,
  }));

describe('planning an inspection', () => {
  it('numbers it, takes the region from the school, makes the planner its lead and gives it an empty checklist', async () => {
    const inspection = await plan({ teamIds: [teammate.id], notes: 'Күрделі жөндеу қаражатын тексеру' });
    expect(inspection).toMatchObject({
      type: 'school',
      status: 'planned',
      regionId: almatyId,
      leadInspectorId: lead.id,
      teamIds: [teammate.id],
      plannedStartOn: TODAY,
      plannedEndOn: daysFrom(2),
      actualStartOn: null,
      version: 1,
    });
    expect(inspection.number).toMatch(new RegExp(`^IN-${TODAY.slice(0, 4)}-\\d{6}$`));
    expect(inspection.checklist).toEqual(
      CHECKLIST_TEMPLATES.school.map(({ code }) => ({ code, answer: null, note: null })),
    );
    const [event] = await t.dataSource.query(
      `SELECT action, actor_id FROM audit_events WHERE entity_type = 'inspections' AND entity_id = $1`,
      [inspection.id],
    );
    expect(event).toEqual({ action: 'create', actor_id: lead.id });
  });

  it('refuses bad input with 400 naming every field', async () => {
    const response = await t.http
      .post('/api/inspections')
      .set(bearer(lead.token))
      .send({
        type: 'museum',
        organisationId: 'nope',
        plannedStartOn: '2026-02-30',
        plannedEndOn: 'tomorrow',
        teamIds: ['x'],
      });
    expect(response.status).toBe(400);
    const fields = (response.body.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining(['type', 'organisationId', 'plannedStartOn', 'plannedEndOn', 'teamIds']),
    );
  });

  it('refuses dates out of order, a market for a school inspection, a region that disagrees and strangers on the team', async () => {
    const problems = async (body: Record<string, unknown>) => {
      const response = await t.http
        .post('/api/inspections')
        .set(bearer(lead.token))
        .send({ type: 'school', organisationId: schoolId, plannedStartOn: TODAY, plannedEndOn: TODAY, ...body });
      expect(response.status).toBe(400);
      return (response.body.details as { field: string }[]).map((d) => d.field);
    };
    expect(await problems({ plannedEndOn: daysFrom(-1) })).toEqual(['plannedEndOn']);
    expect(await problems({ organisationId: marketId })).toEqual(['organisationId']);
    expect(await problems({ regionId: astanaId })).toEqual(['regionId']);
    expect(await problems({ teamIds: [astanaInspector.id] })).toEqual(['teamIds']);
    expect(await problems({ teamIds: [lead.id] })).toEqual(['teamIds']);
    expect(
      await problems({ leadInspectorId: await idOf(t, `SELECT id FROM users WHERE role = 'officer' LIMIT 1`) }),
    ).toEqual(['leadInspectorId']);
  });

  it('lets an inspector plan only in their region and only as lead or team member', async () => {
    const elsewhere = await t.http
      .post('/api/inspections')
      .set(bearer(astanaInspector.token))
      .send({ type: 'school', organisationId: schoolId, plannedStartOn: TODAY, plannedEndOn: TODAY });
    expect(elsewhere.status).toBe(400);
    const forOthers = await t.http.post('/api/inspections').set(bearer(outsider.token)).send({
      type: 'school',
      organisationId: schoolId,
      plannedStartOn: TODAY,
      plannedEndOn: TODAY,
      leadInspectorId: lead.id,
    });
    expect(forOthers.status).toBe(403);
    const byAuditor = await t.http.post('/api/inspections').set(bearer(t.tokens.auditor)).send({
      type: 'school',
      organisationId: schoolId,
      plannedStartOn: TODAY,
      plannedEndOn: TODAY,
      leadInspectorId: lead.id,
    });
    expect(byAuditor.status).toBe(403);
    // A manager plans for an inspector of the region.
    const byManager = await plan({ leadInspectorId: lead.id }, t.tokens.manager);
    expect(byManager.leadInspectorId).toBe(lead.id);
  });
});

describe('the workflow', () => {
  it('reschedules, starts, records the checklist, completes and is closed by the head', async () => {
    let inspection = await plan({ teamIds: [teammate.id] });
    inspection = await step(inspection, 'plan', {
      plannedStartOn: daysFrom(-1),
      plannedEndOn: daysFrom(1),
      reason: 'Мектеп директоры демалыста',
    });
    expect(inspection).toMatchObject({ status: 'planned', plannedStartOn: daysFrom(-1), plannedEndOn: daysFrom(1) });

    inspection = await step(inspection, 'start', {}, teammate.token);
    expect(inspection).toMatchObject({ status: 'in_progress', actualStartOn: TODAY });

    const early = await act(inspection, 'complete', { version: inspection.version });
    expect(early.status).toBe(400);
    expect(early.body.details[0]).toMatchObject({ field: 'checklist' });
    expect(early.body.details[0].message).toContain('financial_activity');

    const answered = await t.http
      .put(`/api/inspections/${inspection.id}`)
      .set(bearer(lead.token))
      .send({ ...inspection, checklist: allAnswered('school').slice(0, 3) });
    expectStatus(answered, 200);
    inspection = answered.body;
    expect(inspection.checklist).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'capital_repair_funds', answer: 'violation' })]),
    );

    inspection = await step(inspection, 'complete', {
      checklist: allAnswered('school').slice(3),
      summary: 'Екі бұзушылық анықталды',
    });
    expect(inspection).toMatchObject({ status: 'completed', actualEndOn: TODAY, summary: 'Екі бұзушылық анықталды' });

    const byInspector = await act(inspection, 'close', { version: inspection.version });
    expect(byInspector.status).toBe(403);
    inspection = await step(inspection, 'close', {}, t.tokens.manager);
    expect(inspection.status).toBe('closed');
    expect(inspection.closedAt).toEqual(expect.any(String));

    const edit = await t.http
      .put(`/api/inspections/${inspection.id}`)
      .set(bearer(t.tokens.manager))
      .send({ version: inspection.version, notes: 'кеш' });
    expect(edit.status).toBe(422);

    const actions = await t.dataSource.query(
      `SELECT action FROM audit_events WHERE entity_type = 'inspections' AND entity_id = $1 ORDER BY id`,
      [inspection.id],
    );
    expect(actions.map((row: { action: string }) => row.action)).toEqual([
      'create',
      'plan',
      'start',
      'update',
      'complete',
      'close',
    ]);

    // Its history, for whoever reads it: every step, with why the dates moved (no field keeps it).
    const timeline = await t.http.get(`/api/inspections/${inspection.id}/timeline`).set(bearer(t.tokens.auditor));
    expect(timeline.status).toBe(200);
    expect(timeline.body.map((event: { action: string }) => event.action)).toEqual(
      actions.map((row: { action: string }) => row.action),
    );
    expect(timeline.body[1].after).toMatchObject({
      plannedStartOn: daysFrom(-1),
      reason: 'Мектеп директоры демалыста',
    });
    const elsewhere = await t.http.get(`/api/inspections/${inspection.id}/timeline`).set(bearer(astanaInspector.token));
    expect(elsewhere.status).toBe(404);
  });

  it('refuses illegal steps with 422 naming the allowed ones', async () => {
    const inspection = await plan();
    const response = await act(inspection, 'complete', { version: inspection.version });
    expect(response.status).toBe(422);
    expect(response.body.message).toContain('allowed: plan, start, cancel');
    expect(response.body.details).toEqual({ status: 'planned', allowed: ['plan', 'start', 'cancel'] });
    expect((await act(inspection, 'reopen', { version: 1 })).status).toBe(404);
  });

  it('refuses a stale version with 409', async () => {
    const inspection = await plan();
    await step(inspection, 'plan', { plannedStartOn: daysFrom(3), plannedEndOn: daysFrom(4) });
    const stale = await act(inspection, 'start', { version: inspection.version });
    expect(stale.status).toBe(409);
    expect(stale.body.details).toEqual({ currentVersion: 2 });
  });

  it('refuses a start in the future, a reschedule out of order, and a cancel without reason', async () => {
    const inspection = await plan();
    const future = await act(inspection, 'start', { version: 1, on: daysFrom(1) });
    expect(future.status).toBe(400);
    expect(future.body.details[0].field).toBe('on');
    const backwards = await act(inspection, 'plan', {
      version: 1,
      plannedStartOn: daysFrom(5),
      plannedEndOn: daysFrom(4),
    });
    expect(backwards.body.details[0].field).toBe('plannedEndOn');
    const silent = await act(inspection, 'cancel', { version: 1 });
    expect(silent.status).toBe(400);
    expect(silent.body.details[0].field).toBe('reason');
    const cancelled = await step(inspection, 'cancel', { reason: 'Мектеп карантинге жабылды' });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Мектеп карантинге жабылды' });
    expect((await act(cancelled, 'start', { version: cancelled.version })).status).toBe(422);
  });

  it('does not take a checklist item the type does not have', async () => {
    let inspection = await plan({ type: 'market', organisationId: marketId });
    inspection = await step(inspection, 'start');
    const response = await t.http
      .put(`/api/inspections/${inspection.id}`)
      .set(bearer(lead.token))
      .send({
        version: inspection.version,
        checklist: [
          { code: 'capital_repair_funds', answer: 'ok' },
          { code: 'sanitary', answer: 'maybe' },
        ],
      });
    expect(response.status).toBe(400);
    const fields = (response.body.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['checklist.1.answer']));
    const unknown = await t.http
      .put(`/api/inspections/${inspection.id}`)
      .set(bearer(lead.token))
      .send({ version: inspection.version, checklist: [{ code: 'capital_repair_funds', answer: 'ok' }] });
    expect(unknown.body.details[0].field).toBe('checklist.0.code');
  });
});

describe('who sees and acts on inspections', () => {
  it('lets inspectors of the region read, only the lead and team act, and hides it from other regions', async () => {
    const inspection = await plan({ teamIds: [teammate.id] });
    expect((await t.http.get(`/api/inspections/${inspection.id}`).set(bearer(outsider.token))).status).toBe(200);
    const notMine = await act(inspection, 'start', { version: 1 }, outsider.token);
    expect(notMine.status).toBe(403);
    expect(notMine.body.message).toContain('lead and the team');
    expect((await t.http.get(`/api/inspections/${inspection.id}`).set(bearer(astanaInspector.token))).status).toBe(404);
    expect((await act(inspection, 'start', { version: 1 }, astanaInspector.token)).status).toBe(404);
    const list = await t.http
      .get('/api/inspections')
      .set(bearer(astanaInspector.token))
      .query({ filter: JSON.stringify({ id: [inspection.id] }) });
    expect(list.body).toEqual([]);
  });

  it('lets the auditor and the officer read but not write', async () => {
    const inspection = await plan();
    for (const token of [t.tokens.auditor, t.tokens.officer]) {
      expect((await t.http.get(`/api/inspections/${inspection.id}`).set(bearer(token))).status).toBe(200);
      expect((await act(inspection, 'start', { version: 1 }, token)).status).toBe(403);
      expect(
        (await t.http.put(`/api/inspections/${inspection.id}`).set(bearer(token)).send({ version: 1, notes: 'x' }))
          .status,
      ).toBe(403);
    }
  });

  it('lists my desk: today’s inspections for me, and no one else’s', async () => {
    const me = await makeUser(t, 'inspector', almatyId);
    const today = await plan({}, me.token);
    const running = await step(
      await plan({ plannedStartOn: daysFrom(-3), plannedEndOn: daysFrom(-1) }, me.token),
      'start',
      { on: daysFrom(-2) },
      me.token,
    );
    const later = await plan({ plannedStartOn: daysFrom(10), plannedEndOn: daysFrom(11) }, me.token);
    await plan(); // someone else's
    const desk = await t.http
      .get('/api/inspections')
      .set(bearer(me.token))
      .query({ filter: JSON.stringify({ mine: true, today: true }), sort: JSON.stringify(['plannedStartOn', 'ASC']) });
    expect(desk.status).toBe(200);
    expect(desk.body.map((row: Record_) => row.id)).toEqual([running.id, today.id]);
    expect(desk.headers['content-range']).toBe('inspections 0-1/2');
    const all = await t.http
      .get('/api/inspections')
      .set(bearer(me.token))
      .query({ filter: JSON.stringify({ mine: true }) });
    expect(all.body.map((row: Record_) => row.id)).toContain(later.id);
  });

  it('exports the list as CSV with the same filters', async () => {
    const inspection = await plan({ notes: 'CSV тексеру' });
    const response = await t.http
      .get('/api/inspections/export')
      .set(bearer(t.tokens.manager))
      .query({ filter: JSON.stringify({ id: [inspection.id] }) });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const lines = response.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(inspection.number as string);
  });

  it('refuses deleting an inspection: it is part of the record', async () => {
    const inspection = await plan();
    expect((await t.http.delete(`/api/inspections/${inspection.id}`).set(bearer(t.tokens.admin))).status).toBe(405);
  });

  it('rejects team members who are not users at the database too', async () => {
    const inspection = await plan();
    await expect(
      t.dataSource.query(`UPDATE inspections SET team_ids = ARRAY[gen_random_uuid()] WHERE id = $1`, [inspection.id]),
    ).rejects.toThrow(/not a user/);
  });

  it('keeps an Astana school out of an Almaty inspector’s reach', async () => {
    const response = await t.http.post('/api/inspections').set(bearer(lead.token)).send({
      type: 'school',
      organisationId: astanaSchoolId,
      plannedStartOn: TODAY,
      plannedEndOn: TODAY,
      leadInspectorId: lead.id,
    });
    expect(response.status).toBe(400);
    expect(response.body.details[0].field).toBe('leadInspectorId');
  });
});
