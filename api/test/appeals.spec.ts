import { APPLICANT_PERSONAL_FIELDS, withCheckDigit } from '@adaldesk/libs';
import { SEARCH_COUNT_LIMIT } from '../src/core/crud/crud.service.js';
import { DEMO_PASSWORD } from '../src/seed/reference-data.js';
import { bearer, login, startTestApp, type TestApp, unique } from './test-app.js';
import { testNow } from './test-clock.js';

/**
 * Appeals over HTTP against the real database: registration by the working calendar, the workflow
 * with its SLA clock, version conflicts, privacy of applicants and confidential appeals, duplicates,
 * search, export and notifications.
 */
let t: TestApp;
let almatyId: string;
let astanaId: string;
let schoolId: string;
let repairsId: string;
let corruptionId: string;
let officerId: string;
let managerId: string;

const FRIDAY_EVENING = '2026-11-20T19:30:00+05:00';
const validIin = (prefix: string) => withCheckDigit(prefix)!;

beforeAll(async () => {
  t = await startTestApp();
  const one = async (sql: string) => (await t.dataSource.query(sql))[0].id as string;
  almatyId = await one(`SELECT id FROM regions WHERE code = 'KZ-75'`);
  astanaId = await one(`SELECT id FROM regions WHERE code = 'KZ-71'`);
  schoolId = await one(`SELECT id FROM organisations WHERE name = '№ 45 жалпы білім беретін мектеп'`);
  repairsId = await one(`SELECT id FROM categories WHERE code = 'school_repairs'`);
  corruptionId = await one(`SELECT id FROM categories WHERE code = 'corruption_report'`);
  officerId = await one(`SELECT id FROM users WHERE email = 'officer@demo.adaldesk.kz'`);
  managerId = await one(`SELECT id FROM users WHERE email = 'manager@demo.adaldesk.kz'`);
});
afterAll(() => t.close());

function newAppeal(overrides: Record<string, unknown> = {}) {
  return {
    channel: 'portal',
    kind: 'complaint',
    receivedAt: FRIDAY_EVENING,
    regionId: almatyId,
    description: `Мектептің шатыры жөнделмеген, ақша жұмсалған ${unique()}`,
    applicantName: 'Асқар Нұрланов',
    applicantIin: validIin('85030230051'),
    applicantPhone: '+7 701 123 45 67',
    organisationId: schoolId,
    ...overrides,
  };
}

async function register(overrides: Record<string, unknown> = {}, token = t.tokens.officer) {
  const response = await t.http.post('/api/appeals').set(bearer(token)).send(newAppeal(overrides));
  expect({ status: response.status, error: response.status === 201 ? null : response.body }).toEqual({
    status: 201,
    error: null,
  });
  return response.body as Record<string, unknown> & { id: string; version: number };
}

async function act(id: string, action: string, body: Record<string, unknown>, token = t.tokens.officer) {
  return t.http.post(`/api/appeals/${id}/actions/${action}`).set(bearer(token)).send(body);
}

describe('registration', () => {
  it('registers an appeal received on a Friday evening on Monday morning, due 15 working days later', async () => {
    const appeal = await register();
    expect(appeal.number).toMatch(/^AP-2026-\d{6}$/);
    expect(appeal.status).toBe('registered');
    expect(appeal.receivedAt).toBe('2026-11-20T14:30:00.000Z');
    // Monday 23 November, 09:00 Almaty.
    expect(appeal.registeredAt).toBe('2026-11-23T04:00:00.000Z');
    // 15 working days after 23 November: 14 December, 18:00.
    expect(appeal.dueAt).toBe('2026-12-14T13:00:00.000Z');
    expect(appeal.registeredById).toBe(officerId);
    expect(appeal.version).toBe(1);
  });

  it('previews registration and deadline for the intake form, across 16 December and across Nauryz', async () => {
    const response = await t.http
      .get('/api/appeals/deadline')
      .query({ receivedAt: '2026-11-27T19:30:00+05:00', kind: 'complaint', categoryId: repairsId })
      .set(bearer(t.tokens.officer));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      // Monday 30 November; 15 working days later, 16 December (Independence Day) not counted.
      registeredAt: '2026-11-30T04:00:00.000Z',
      dueAt: '2026-12-22T13:00:00.000Z',
      policy: { code: 'appeal_standard', goalAmount: 15, goalUnit: 'working_days' },
    });
    // Friday 20 March 2026 after hours: Nauryz (21–23 March) and its moved days off (24, 25 March) follow.
    const nauryz = await t.http
      .get('/api/appeals/deadline')
      .query({ receivedAt: '2026-03-20T18:30:00+05:00', kind: 'request' })
      .set(bearer(t.tokens.officer));
    expect(nauryz.body).toMatchObject({
      registeredAt: '2026-03-26T04:00:00.000Z',
      dueAt: '2026-04-16T13:00:00.000Z',
    });
  });

  it('puts a report of corruption on the one-working-day clock', async () => {
    const appeal = await register({
      kind: 'report',
      anonymous: true,
      applicantName: undefined,
      applicantIin: undefined,
      applicantPhone: undefined,
    });
    expect(appeal.anonymous).toBe(true);
    expect(appeal.dueAt).toBe('2026-11-24T13:00:00.000Z');
  });

  it('refuses bad input with 400 naming every field, and writes nothing', async () => {
    const [{ count: before }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM appeals`);
    const response = await t.http
      .post('/api/appeals')
      .set(bearer(t.tokens.officer))
      .send(newAppeal({ applicantIin: '123456789012', channel: 'pigeon', description: 'short' }));
    expect(response.status).toBe(400);
    const fields = (response.body.details as { field: string }[]).map((problem) => problem.field);
    expect(fields).toEqual(expect.arrayContaining(['channel', 'description']));
    const semantic = await t.http
      .post('/api/appeals')
      .set(bearer(t.tokens.officer))
      .send(newAppeal({ applicantIin: '123456789012' }));
    expect(semantic.status).toBe(400);
    expect(semantic.body.details).toEqual([
      { field: 'applicantIin', message: expect.stringMatching(/not a valid IIN/) },
    ]);
    const anonymousWithName = await t.http
      .post('/api/appeals')
      .set(bearer(t.tokens.officer))
      .send(newAppeal({ anonymous: true }));
    expect(anonymousWithName.status).toBe(400);
    expect(anonymousWithName.body.details).toContainEqual({
      field: 'applicantName',
      message: 'must be empty for an anonymous appeal',
    });
    const [{ count: after }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM appeals`);
    // Other test files may register in parallel; none of these three did.
    const [{ mine }] = await t.dataSource.query(
      `SELECT count(*)::int AS mine FROM appeals WHERE description IN ('short') OR applicant_iin = '123456789012'`,
    );
    expect(mine).toBe(0);
    expect(after).toBeGreaterThanOrEqual(before);
  });

  it('writes an appeal and its audit event together or not at all', async () => {
    const marker = `atomic-${unique()}`;
    // The audit trail refuses this one appeal's event, as a full disk or a broken trigger would.
    await t.owner.query(`
      CREATE FUNCTION refuse_${marker.replace(/\W/g, '_')}() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION 'audit refused'; END $$;
      CREATE TRIGGER refuse_${marker.replace(/\W/g, '_')} BEFORE INSERT ON audit_events FOR EACH ROW
        WHEN (NEW.after->>'description' LIKE '%${marker}%')
        EXECUTE FUNCTION refuse_${marker.replace(/\W/g, '_')}();`);
    try {
      const response = await t.http
        .post('/api/appeals')
        .set(bearer(t.tokens.officer))
        .send(newAppeal({ description: `Шатыр жөнделмеген ${marker}` }));
      expect(response.status).toBe(500);
      const [{ count }] = await t.dataSource.query(
        `SELECT count(*)::int AS count FROM appeals WHERE description LIKE $1`,
        [`%${marker}%`],
      );
      expect(count).toBe(0);
    } finally {
      await t.owner.query(`DROP TRIGGER refuse_${marker.replace(/\W/g, '_')} ON audit_events;
        DROP FUNCTION refuse_${marker.replace(/\W/g, '_')}();`);
    }
    const unknownOrganisation = await t.http
      .post('/api/appeals')
      .set(bearer(t.tokens.officer))
      .send(newAppeal({ organisationId: '00000000-0000-4000-8000-00000000dead' }));
    expect(unknownOrganisation.status).toBe(400);
    expect(unknownOrganisation.body.details).toEqual([
      { field: 'organisationId', message: 'refers to a record that does not exist' },
    ]);
  });

  it('keeps an officer to their own region', async () => {
    const response = await t.http
      .post('/api/appeals')
      .set(bearer(t.tokens.officer))
      .send(newAppeal({ regionId: astanaId }));
    expect(response.status).toBe(403);
  });
});

describe('the workflow', () => {
  it('walks triage, start, pause, extension, resolution and closing, each step in the timeline', async () => {
    // Received now, whatever the suite's date: no deadline warning may fall between the steps.
    let appeal = await register({ receivedAt: testNow().toISOString() });
    const step = async (action: string, body: Record<string, unknown> = {}, token = t.tokens.officer) => {
      const response = await act(appeal.id, action, { version: appeal.version, ...body }, token);
      expect({ action, status: response.status, body: response.status === 200 ? null : response.body }).toEqual({
        action,
        status: 200,
        body: null,
      });
      appeal = response.body;
      return appeal;
    };

    await step('triage', { categoryId: repairsId, assigneeId: officerId });
    expect(appeal).toMatchObject({ status: 'triaged', categoryId: repairsId, assigneeId: officerId });
    await step('start');
    expect(appeal.status).toBe('in_progress');
    const dueBefore = appeal.dueAt as string;

    await step('request-info', { reason: 'Мектептен смета сұралды' });
    expect(appeal).toMatchObject({ status: 'awaiting_info', slaState: 'paused' });
    expect(appeal.pausedSince).not.toBeNull();
    await step('resume');
    expect(appeal).toMatchObject({ status: 'in_progress', pausedSince: null });
    // Asked and answered today: nothing moves, or one working day when the answer came after hours.
    const moved = (new Date(appeal.dueAt as string).getTime() - new Date(dueBefore).getTime()) / 86_400_000;
    expect(moved).toBeGreaterThanOrEqual(0);
    expect(moved).toBeLessThanOrEqual(3);

    // An officer may ask for an extension but not grant it.
    await step('request-extension', { days: 5, reason: 'Қосымша тексеру қажет' });
    expect(appeal.extensionRequest).toMatchObject({ days: 5, requestedById: officerId });
    const refused = await act(appeal.id, 'approve-extension', { version: appeal.version });
    expect(refused.status).toBe(403);
    await step('approve-extension', {}, t.tokens.manager);
    expect(appeal.extensionDays).toBe(5);
    expect(appeal.extensionRequest).toBeNull();
    expect(new Date(appeal.dueAt as string).getTime()).toBeGreaterThan(new Date(dueBefore).getTime());

    // Beyond the policy's cap (15 days) is refused, naming the field.
    const tooLong = await act(appeal.id, 'request-extension', { version: appeal.version, days: 11, reason: 'Тағы да' });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.details[0]).toMatchObject({ field: 'days' });

    await step('resolve', { outcome: 'satisfied', resolutionText: 'Жөндеу жұмыстары аяқталды, қаражат қайтарылды' });
    expect(appeal).toMatchObject({ status: 'resolved', outcome: 'satisfied', slaState: 'met' });
    const officerClose = await act(appeal.id, 'close', { version: appeal.version });
    expect(officerClose.status).toBe(403);
    await step('close', {}, t.tokens.manager);
    expect(appeal.status).toBe('closed');

    const timeline = await t.http.get(`/api/appeals/${appeal.id}/timeline`).set(bearer(t.tokens.officer));
    expect(timeline.status).toBe(200);
    expect(timeline.body.map((event: { action: string }) => event.action)).toEqual([
      'create',
      'triage',
      'start',
      'request-info',
      'resume',
      'request-extension',
      'approve-extension',
      'resolve',
      'close',
    ]);
    const pause = timeline.body.find((event: { action: string }) => event.action === 'request-info');
    expect(pause.after).toMatchObject({ status: 'awaiting_info', reason: 'Мектептен смета сұралды' });
  });

  it('refuses an illegal step with 422 naming the allowed ones', async () => {
    const appeal = await register();
    const response = await act(appeal.id, 'resolve', {
      version: appeal.version,
      outcome: 'satisfied',
      resolutionText: 'Шешілді деп есептеледі',
    });
    expect(response.status).toBe(422);
    expect(response.body.message).toMatch(/allowed: triage, forward/);
    expect(response.body.details).toEqual({ status: 'registered', allowed: ['triage', 'forward'] });
  });

  it('forwards to the competent body on its own 3-working-day clock, which ends ours', async () => {
    const appeal = await register();
    const akimat = (await t.dataSource.query(`SELECT id FROM organisations WHERE type = 'akimat' LIMIT 1`))[0].id;
    const response = await act(appeal.id, 'forward', {
      version: appeal.version,
      forwardedToId: akimat,
      reason: 'Әкімдіктің құзыретіне жатады',
    });
    expect(response.status).toBe(200);
    // 3 working days after Monday 23 November: Thursday 26 November, 18:00.
    expect(response.body).toMatchObject({
      status: 'forwarded',
      forwardedToId: akimat,
      dueAt: '2026-11-26T13:00:00.000Z',
    });
    expect(['met', 'missed']).toContain(response.body.slaState);
  });

  it('reopens a decided appeal on a new term', async () => {
    let appeal = await register();
    for (const [action, body] of [
      ['triage', { categoryId: repairsId }],
      ['start', {}],
      ['resolve', { outcome: 'explained', resolutionText: 'Заң бойынша түсіндірілді' }],
    ] as const) {
      appeal = (await act(appeal.id, action, { version: appeal.version, ...body })).body;
    }
    const reopened = await act(
      appeal.id,
      'reopen',
      { version: appeal.version, reason: 'Өтініш беруші келіспеді' },
      t.tokens.manager,
    );
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'reopened', decidedAt: null, extensionDays: 0 });
    expect(new Date(reopened.body.slaStartedAt).getTime()).toBeGreaterThan(testNow().getTime() - 60_000);
  });

  it("gives the second of two people editing the same appeal 409, and keeps the first one's change", async () => {
    const appeal = await register();
    const first = await t.http
      .put(`/api/appeals/${appeal.id}`)
      .set(bearer(t.tokens.officer))
      .send({ version: appeal.version, description: 'Бірінші қызметкер толықтырды: шатыр ағып жатыр' });
    expect({ status: first.status, body: first.status === 200 ? null : first.body }).toEqual({
      status: 200,
      body: null,
    });
    const second = await t.http
      .put(`/api/appeals/${appeal.id}`)
      .set(bearer(t.tokens.manager))
      .send({ version: appeal.version, description: 'Екінші қызметкер өзгертпек болды' });
    expect(second.status).toBe(409);
    expect(second.body.details).toEqual({ currentVersion: 2 });
    const secondAction = await act(appeal.id, 'triage', { version: appeal.version, categoryId: repairsId });
    expect(secondAction.status).toBe(409);
    const now = await t.http.get(`/api/appeals/${appeal.id}`).set(bearer(t.tokens.officer));
    expect(now.body.description).toBe('Бірінші қызметкер толықтырды: шатыр ағып жатыр');
  });

  it('is never deleted', async () => {
    const appeal = await register();
    const response = await t.http.delete(`/api/appeals/${appeal.id}`).set(bearer(t.tokens.admin));
    expect(response.status).toBe(405);
  });
});

describe('privacy', () => {
  it('never gives inspectors or auditors an applicant field: list, record, search, timeline or export', async () => {
    const name = `Жасырын Тұлға ${unique()}`;
    const appeal = await register({ applicantName: name, applicantEmail: 'private@example.kz' });
    for (const role of ['inspector', 'auditor'] as const) {
      const token = t.tokens[role];
      const one = await t.http.get(`/api/appeals/${appeal.id}`).set(bearer(token));
      expect(one.status).toBe(200);
      for (const field of APPLICANT_PERSONAL_FIELDS) expect(one.body).not.toHaveProperty(field);
      const list = await t.http.get('/api/appeals').query({ range: '[0,99]' }).set(bearer(token));
      expect(list.status).toBe(200);
      expect(JSON.stringify(list.body)).not.toContain('applicantName');
      // Searching by the name must not find the appeal (no side channel).
      const search = await t.http
        .get('/api/appeals')
        .query({ filter: JSON.stringify({ q: name }) })
        .set(bearer(token));
      expect(search.body).toEqual([]);
      const timeline = await t.http.get(`/api/appeals/${appeal.id}/timeline`).set(bearer(token));
      expect(JSON.stringify(timeline.body)).not.toContain(name);
    }
    const csv = await t.http
      .get('/api/appeals/export')
      .query({ filter: JSON.stringify({ id: [appeal.id] }) })
      .set(bearer(t.tokens.auditor));
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(appeal.number as string);
    expect(csv.text).not.toContain(name);
    expect(csv.text).not.toContain('applicantName');
    // The officer sees and exports the name.
    const officerSearch = await t.http
      .get('/api/appeals')
      .query({ filter: JSON.stringify({ q: name }) })
      .set(bearer(t.tokens.officer));
    expect(officerSearch.body.map((row: { id: string }) => row.id)).toEqual([appeal.id]);
  });

  it('shows a confidential appeal to its registrar, its assignee, the managers and admins only', async () => {
    const email = `officer-${unique()}@example.kz`;
    const created = await t.http.post('/api/users').set(bearer(t.tokens.admin)).send({
      email,
      fullName: 'Екінші Қызметкер',
      role: 'officer',
      regionId: almatyId,
      password: 'Second-officer-2026',
    });
    expect(created.status).toBe(201);
    const otherToken = await login(t.http, email, 'Second-officer-2026');
    const appeal = await register({ confidential: true, kind: 'report', categoryId: corruptionId });

    const status = async (token: string) => (await t.http.get(`/api/appeals/${appeal.id}`).set(bearer(token))).status;
    expect(await status(t.tokens.officer)).toBe(200);
    expect(await status(t.tokens.manager)).toBe(200);
    expect(await status(t.tokens.admin)).toBe(200);
    expect(await status(otherToken)).toBe(404);
    expect(await status(t.tokens.inspector)).toBe(404);
    expect(await status(t.tokens.auditor)).toBe(404);
    const otherList = await t.http
      .get('/api/appeals')
      .query({ filter: JSON.stringify({ id: [appeal.id] }) })
      .set(bearer(otherToken));
    expect(otherList.body).toEqual([]);
    expect(otherList.headers['content-range']).toMatch(/\/0$/);

    // Assigned to the other officer, it becomes theirs to see.
    const assigned = await act(appeal.id, 'triage', {
      version: appeal.version,
      categoryId: corruptionId,
      assigneeId: created.body.id,
    });
    expect(assigned.status).toBe(200);
    expect(await status(otherToken)).toBe(200);
  });
});

describe('duplicates, search, filters and export', () => {
  it('links a second appeal of the same applicant about the same organisation within 30 days', async () => {
    const iin = validIin('90010130012');
    const first = await register({ applicantIin: iin, receivedAt: '2026-11-02T10:00:00+05:00' });
    const second = await register({ applicantIin: iin, receivedAt: '2026-11-20T10:00:00+05:00' });
    const third = await register({ applicantIin: iin, receivedAt: '2026-11-23T10:00:00+05:00' });
    const unrelated = await register({
      applicantIin: iin,
      organisationId: null,
      receivedAt: '2026-11-21T10:00:00+05:00',
    });
    expect(first.duplicateOfId).toBeNull();
    expect(second.duplicateOfId).toBe(first.id);
    // Linked to the first of the chain.
    expect(third.duplicateOfId).toBe(first.id);
    expect(unrelated.duplicateOfId).toBeNull();
    // An organisation applying by BIN is matched by BIN, never against a person's IIN.
    const bin = validIin('04014000012');
    const company = { applicantName: 'ЖШС «Таза су»', applicantIin: undefined, applicantBin: bin };
    const byBin = await register({ ...company, receivedAt: '2026-11-03T10:00:00+05:00' });
    const byBinAgain = await register({ ...company, receivedAt: '2026-11-05T10:00:00+05:00' });
    expect(byBin.duplicateOfId).toBeNull();
    expect(byBinAgain.duplicateOfId).toBe(byBin.id);
    const linked = await t.http
      .get('/api/appeals')
      .query({ filter: JSON.stringify({ duplicateOfId: first.id }), sort: '["receivedAt","ASC"]' })
      .set(bearer(t.tokens.officer));
    expect(linked.body.map((row: { id: string }) => row.id)).toEqual([second.id, third.id]);
  });

  it('searches Kazakh and Russian text, every word, and by number', async () => {
    const tag = unique();
    const kazakh = await register({ description: `Мектеп асханасында тамақ сапасы нашар ${tag}` });
    const russian = await register({ description: `Завышены цены на продукты на рынке ${tag}` });
    const search = async (q: string) =>
      (
        await t.http
          .get('/api/appeals')
          .query({ filter: JSON.stringify({ q }) })
          .set(bearer(t.tokens.officer))
      ).body.map((row: { id: string }) => row.id);
    expect(await search(`асханасы ${tag}`)).toEqual([kazakh.id]);
    expect(await search(`ЦЕНЫ ${tag}`)).toEqual([russian.id]);
    expect(await search(`рынк ${tag}`)).toEqual([russian.id]);
    expect(await search(kazakh.number as string)).toEqual([kazakh.id]);
    expect(await search(`асхана рынке ${tag}`)).toEqual([]);
  });

  it('lists each appeal exactly as the record reads, for a manager and an inspector', async () => {
    let appeal = await register();
    for (const [action, body] of [
      ['triage', { categoryId: repairsId, assigneeId: officerId }],
      ['start', {}],
      ['request-info', { reason: 'Сметаны күтеміз' }],
      ['resume', {}],
      ['request-extension', { days: 3, reason: 'Қосымша тексеру' }],
    ] as const) {
      appeal = (await act(appeal.id, action, { version: appeal.version, ...body })).body;
    }
    // Dates, the pauses and the pending extension (JSON), numbers and nulls all read back alike.
    expect(appeal).toMatchObject({ extensionRequest: { days: 3 }, slaPauses: [expect.any(Object)] });
    for (const token of [t.tokens.manager, t.tokens.inspector]) {
      const record = await t.http.get(`/api/appeals/${appeal.id}`).set(bearer(token));
      const list = await t.http
        .get('/api/appeals')
        .query({ filter: JSON.stringify({ q: appeal.number }) })
        .set(bearer(token));
      expect(list.status).toBe(200);
      expect(list.body).toEqual([record.body]);
    }
  });

  it('marks API answers as not to be stored, with no ETag', async () => {
    const list = await t.http.get('/api/appeals').query({ range: '[0,0]' }).set(bearer(t.tokens.manager));
    expect(list.status).toBe(200);
    expect(list.headers['cache-control']).toBe('no-store');
    expect(list.headers.etag).toBeUndefined();
  });

  it('counts search matches only up to a limit past the page, then pages on without a total', async () => {
    const tag = unique();
    const first = await register({ description: `Базар бағасы ${tag}` });
    // Copies of one appeal, enough to pass the counting limit (they share its applicant, so never mind duplicates).
    await t.dataSource.query(
      `INSERT INTO appeals
       SELECT (jsonb_populate_record(NULL::appeals, to_jsonb(a) || jsonb_build_object(
                 'id', gen_random_uuid(), 'number', a.number || '-' || copy))).*
         FROM appeals a, generate_series(1, $2) copy WHERE a.id = $1`,
      [first.id, SEARCH_COUNT_LIMIT + 10],
    );
    const page = (range: string, q: string) =>
      t.http
        .get('/api/appeals')
        .query({ filter: JSON.stringify({ q }), range })
        .set(bearer(t.tokens.officer));
    const many = await page('[0,24]', tag);
    expect(many.body).toHaveLength(25);
    expect(many.headers['content-range']).toBe('appeals 0-24/*');
    expect(many.headers['x-total-at-least']).toBe(String(SEARCH_COUNT_LIMIT + 1));
    // Further on, the count goes as far again past the page asked for, and there it is exact.
    const last = await page(`[${SEARCH_COUNT_LIMIT},${SEARCH_COUNT_LIMIT + 24}]`, tag);
    expect(last.headers['content-range']).toBe(
      `appeals ${SEARCH_COUNT_LIMIT}-${SEARCH_COUNT_LIMIT + 10}/${SEARCH_COUNT_LIMIT + 11}`,
    );
    expect(last.headers['x-total-at-least']).toBeUndefined();
    const other = unique();
    await register({ description: `Базар бағасы ${other}` });
    expect((await page('[0,24]', other)).headers['content-range']).toBe('appeals 0-0/1');
  });

  it('filters by SLA state and status, with totals in Content-Range, and rejects unknown filters', async () => {
    const paused = await register();
    let current = (await act(paused.id, 'triage', { version: paused.version, categoryId: repairsId })).body;
    current = (await act(paused.id, 'start', { version: current.version })).body;
    await act(paused.id, 'request-info', { version: current.version, reason: 'Құжаттар сұралды' });
    const list = await t.http
      .get('/api/appeals')
      .query({ filter: JSON.stringify({ slaState: 'paused', status: ['awaiting_info'] }), range: '[0,999]' })
      .set(bearer(t.tokens.manager));
    expect(list.status).toBe(200);
    expect(list.body.map((row: { id: string }) => row.id)).toContain(paused.id);
    expect(list.body.every((row: { slaState: string }) => row.slaState === 'paused')).toBe(true);
    expect(list.headers['content-range']).toMatch(new RegExp(`^appeals 0-\\d+/${list.body.length}$`));
    const bad = await t.http
      .get('/api/appeals')
      .query({ filter: JSON.stringify({ slaState: 'late', colour: 'red' }) })
      .set(bearer(t.tokens.manager));
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((problem: { field: string }) => problem.field)).toContain('filter.colour');
  });

  it('filters on a category, organisation or assignee not set, and on one set', async () => {
    const marker = `Белгі ${unique()}`;
    const bare = await register({ description: marker, organisationId: null });
    const triaged = await register({ description: marker });
    await act(triaged.id, 'triage', { version: triaged.version, categoryId: repairsId, assigneeId: officerId });
    const ids = async (filter: Record<string, unknown>) => {
      const list = await t.http
        .get('/api/appeals')
        .query({ filter: JSON.stringify({ q: marker, ...filter }) })
        .set(bearer(t.tokens.manager));
      expect(list.status).toBe(200);
      return list.body.map((row: { id: string }) => row.id);
    };
    for (const property of ['categoryId', 'organisationId', 'assigneeId']) {
      expect(await ids({ [`${property}_null`]: true })).toEqual([bare.id]);
      expect(await ids({ [`${property}_null`]: false })).toEqual([triaged.id]);
    }
    const bad = await t.http
      .get('/api/appeals')
      .query({ filter: JSON.stringify({ categoryId_null: 'yes' }) })
      .set(bearer(t.tokens.manager));
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([{ field: 'filter.categoryId_null', message: 'must be true or false' }]);
  });

  it('exports the filtered list as CSV for those allowed, and refuses inspectors', async () => {
    const tag = unique();
    const appeal = await register({ description: `Экспорт тексеру, "тырнақша", үтір ${tag}` });
    const csv = await t.http
      .get('/api/appeals/export')
      .query({ filter: JSON.stringify({ q: tag }) })
      .set(bearer(t.tokens.officer));
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0].split(',')).toEqual(
      expect.arrayContaining(['number', 'status', 'dueAt', 'slaState', 'applicantName']),
    );
    expect(lines[1]).toContain(appeal.number as string);
    expect(lines[1]).toContain(`"Экспорт тексеру, ""тырнақша"", үтір ${tag}"`);
    const refused = await t.http.get('/api/appeals/export').set(bearer(t.tokens.inspector));
    expect(refused.status).toBe(403);
  });
});

describe('notifications and bulk assignment', () => {
  it('tells an assignee about a new appeal, and lets them mark it read', async () => {
    // Received now: on a later suite date an appeal of November would be overdue, and its assignee told so too.
    const appeal = await register({ receivedAt: testNow().toISOString() }, t.tokens.manager);
    const assigned = await t.http
      .post('/api/appeals/bulk/assign')
      .set(bearer(t.tokens.manager))
      .send({ ids: [appeal.id], assigneeId: officerId });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toEqual({ updated: [appeal.id] });
    const inbox = await t.http
      .get('/api/notifications')
      .query({ filter: JSON.stringify({ unread: true, entityId: appeal.id }) })
      .set(bearer(t.tokens.officer));
    expect(inbox.status).toBe(200);
    expect(inbox.body).toHaveLength(1);
    expect(inbox.body[0]).toMatchObject({ kind: 'appeal_assigned', data: { number: appeal.number } });
    const read = await t.http
      .put(`/api/notifications/${inbox.body[0].id}`)
      .set(bearer(t.tokens.officer))
      .send({ version: inbox.body[0].version, read: true });
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    // Nobody reads another person's notifications.
    const foreign = await t.http.get(`/api/notifications/${inbox.body[0].id}`).set(bearer(t.tokens.manager));
    expect(foreign.status).toBe(404);
  });

  it('assigns in bulk all or nothing: one appeal out of scope fails the whole request', async () => {
    const mine = await register();
    const elsewhere = await register({ regionId: astanaId, organisationId: null }, t.tokens.admin);
    const ids = [mine.id, elsewhere.id];
    const response = await t.http
      .post('/api/appeals/bulk/assign')
      .set(bearer(t.tokens.manager))
      .send({ ids, assigneeId: managerId });
    expect(response.status).toBe(404);
    const after = await t.http.get(`/api/appeals/${mine.id}`).set(bearer(t.tokens.officer));
    expect(after.body.assigneeId).toBeNull();
    expect(after.body.version).toBe(mine.version);
  });
});

test('the demo password still signs in (fixture sanity)', async () => {
  expect(await login(t.http, 'officer@demo.adaldesk.kz', DEMO_PASSWORD)).toEqual(expect.any(String));
});
