import { APPLICANT_PERSONAL_FIELDS } from '@adaldesk/libs';
import { bearer, startTestApp, type TestApp, unique } from './test-app.js';
import { testNow } from './test-clock.js';

/**
 * Referrals to law enforcement over HTTP against the real database: created from an appeal, stepped
 * down the funnel with dated actions, refused when illegal or badly dated, versioned, scoped, audited,
 * and counted by the funnel figures exactly as this test counts what it made.
 */
let t: TestApp;
let almatyId: string;
let astanaId: string;
let schoolId: string;
let officerId: string;

/** Dates are civil dates in Almaty; the API refuses any after today. */
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(testNow());
const daysAgo = (days: number) =>
  new Date(Date.parse(`${TODAY}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
const TOMORROW = daysAgo(-1);

beforeAll(async () => {
  t = await startTestApp();
  const one = async (sql: string) => (await t.dataSource.query(sql))[0].id as string;
  almatyId = await one(`SELECT id FROM regions WHERE code = 'KZ-75'`);
  astanaId = await one(`SELECT id FROM regions WHERE code = 'KZ-71'`);
  schoolId = await one(`SELECT id FROM organisations WHERE name = '№ 45 жалпы білім беретін мектеп'`);
  officerId = await one(`SELECT id FROM users WHERE email = 'officer@demo.adaldesk.kz'`);
});
afterAll(() => t.close());

type Referral = Record<string, unknown> & { id: string; version: number; status: string };

async function registerAppeal(): Promise<Record<string, unknown> & { id: string }> {
  const response = await t.http
    .post('/api/appeals')
    .set(bearer(t.tokens.officer))
    .send({
      channel: 'portal',
      kind: 'report',
      receivedAt: new Date(testNow().getTime() - 40 * 86_400_000).toISOString(),
      regionId: almatyId,
      organisationId: schoolId,
      description: `Директор мектеп жөндеуіне бөлінген қаржыны жымқырды ${unique()}`,
      applicantName: 'Ерлан Сейітов',
      applicantPhone: '+7 701 000 11 22',
    });
  expect(response.status).toBe(201);
  return response.body;
}

async function refer(overrides: Record<string, unknown> = {}, token = t.tokens.officer): Promise<Referral> {
  const response = await t.http
    .post('/api/referrals')
    .set(bearer(token))
    .send({
      agency: 'anti_corruption',
      regionId: almatyId,
      summary: `Мектеп жөндеуіне бөлінген қаржы ${unique()}`,
      referredOn: daysAgo(30),
      ...overrides,
    });
  expect({ status: response.status, body: response.status === 201 ? null : response.body }).toEqual({
    status: 201,
    body: null,
  });
  return response.body;
}

async function act(referral: { id: string }, action: string, body: Record<string, unknown>, token = t.tokens.officer) {
  return t.http.post(`/api/referrals/${referral.id}/actions/${action}`).set(bearer(token)).send(body);
}

/** Takes a step that must succeed, and answers the referral as it now is. */
async function step(referral: Referral, action: string, body: Record<string, unknown> = {}, token = t.tokens.officer) {
  const response = await act(referral, action, { version: referral.version, ...body }, token);
  expect({ action, status: response.status, body: response.status === 200 ? null : response.body }).toEqual({
    action,
    status: 200,
    body: null,
  });
  return response.body as Referral;
}

const fieldsOf = (body: { details?: { field: string }[] }) => (body.details ?? []).map((problem) => problem.field);

describe('referring an appeal', () => {
  it('copies the region and organisation of the appeal, links it, and lists it under the appeal', async () => {
    const appeal = await registerAppeal();
    const referral = await refer({
      regionId: undefined,
      appealId: appeal.id,
      persons: [{ fullName: 'Қанат Әбенов', position: 'директор', organisation: '№ 45 мектеп' }],
    });
    expect(referral).toMatchObject({
      number: expect.stringMatching(/^RF-\d{4}-\d{6}$/),
      appealId: appeal.id,
      regionId: almatyId,
      organisationId: schoolId,
      ownerId: officerId,
      status: 'referred',
      referredOn: daysAgo(30),
      persons: [{ fullName: 'Қанат Әбенов', position: 'директор', organisation: '№ 45 мектеп' }],
      version: 1,
    });
    // No applicant data travels with the referral.
    for (const field of APPLICANT_PERSONAL_FIELDS) expect(referral).not.toHaveProperty(field);

    const list = await t.http
      .get('/api/referrals')
      .query({ filter: JSON.stringify({ appealId: appeal.id }) })
      .set(bearer(t.tokens.officer));
    expect(list.status).toBe(200);
    expect(list.body.map((row: { id: string }) => row.id)).toEqual([referral.id]);
    expect(list.headers['content-range']).toBe('referrals 0-0/1');
  });

  it('refuses a referral from an appeal in another region than the one given', async () => {
    const appeal = await registerAppeal();
    const response = await t.http
      .post('/api/referrals')
      .set(bearer(t.tokens.officer))
      .send({ agency: 'police', appealId: appeal.id, regionId: astanaId, summary: 'Материалдар жолданды' });
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['regionId']);
  });

  it('requires the name of an "other" body and a region when not from an appeal', async () => {
    const response = await t.http
      .post('/api/referrals')
      .set(bearer(t.tokens.officer))
      .send({ agency: 'other', summary: 'Материалдар жолданды', referredOn: TOMORROW });
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body).sort()).toEqual(['agencyName', 'referredOn', 'regionId']);
  });
});

describe('the funnel', () => {
  it('walks referred → under review → case opened → sent to court → convicted, each step dated and audited', async () => {
    let referral = await refer();
    referral = await step(referral, 'start-review', { on: daysAgo(25) });
    expect(referral).toMatchObject({ status: 'under_review', reviewStartedOn: daysAgo(25) });
    referral = await step(referral, 'open-case', { on: daysAgo(20), registerNumber: '267500031000123' });
    expect(referral).toMatchObject({
      status: 'case_opened',
      caseOpenedOn: daysAgo(20),
      registerNumber: '267500031000123',
    });
    referral = await step(referral, 'send-to-court', { on: daysAgo(5) });
    expect(referral).toMatchObject({ status: 'sent_to_court', sentToCourtOn: daysAgo(5) });
    // Without a date the step is dated today.
    referral = await step(referral, 'record-verdict', {
      verdict: 'convicted',
      sanctions: '4 жылға бас бостандығынан айыру, мемлекеттік қызметте болу құқығынан өмір бойы айыру',
      damagesRecovered: '12500000.50',
    });
    expect(referral).toMatchObject({
      status: 'verdict',
      verdictOn: TODAY,
      verdict: 'convicted',
      damagesRecovered: '12500000.50',
      followUpDueAt: null,
      version: 5,
    });

    const timeline = await t.http.get(`/api/referrals/${referral.id}/timeline`).set(bearer(t.tokens.auditor));
    expect(timeline.status).toBe(200);
    expect(timeline.body.map((event: { action: string }) => event.action)).toEqual([
      'create',
      'start-review',
      'open-case',
      'send-to-court',
      'record-verdict',
    ]);
    const opened = timeline.body.find((event: { action: string }) => event.action === 'open-case');
    expect(opened).toMatchObject({
      actorEmail: 'officer@demo.adaldesk.kz',
      before: { status: 'under_review', caseOpenedOn: null },
      after: { status: 'case_opened', caseOpenedOn: daysAgo(20), registerNumber: '267500031000123' },
    });
  });

  it('refuses a verdict before a case was opened with 422 naming the allowed steps', async () => {
    const referral = await refer();
    const response = await act(referral, 'record-verdict', { version: referral.version, verdict: 'convicted' });
    expect(response.status).toBe(422);
    expect(response.body.message).toMatch(/allowed: start-review, refuse/);
    expect(response.body.details).toEqual({ status: 'referred', allowed: ['start-review', 'refuse'] });
    const ended = await step(referral, 'refuse', { refusalReason: 'Қылмыс құрамы жоқ (ҚПК 35-бап)' });
    const after = await act(ended, 'start-review', { version: ended.version });
    expect(after.status).toBe(422);
    expect(after.body.message).toMatch(/funnel has ended/);
  });

  it('names the field at fault: register number, decimal, future date, date before the last step', async () => {
    let referral = await refer();
    referral = await step(referral, 'start-review', { on: daysAgo(20) });

    const noNumber = await act(referral, 'open-case', { version: referral.version });
    expect(noNumber.status).toBe(400);
    expect(fieldsOf(noNumber.body)).toContain('registerNumber');

    const future = await act(referral, 'open-case', {
      version: referral.version,
      registerNumber: '2675',
      on: TOMORROW,
    });
    expect(future.status).toBe(400);
    expect(future.body.details).toEqual([{ field: 'on', message: 'must not be in the future' }]);

    const early = await act(referral, 'open-case', {
      version: referral.version,
      registerNumber: '2675',
      on: daysAgo(21),
    });
    expect(early.status).toBe(400);
    expect(early.body.details).toEqual([{ field: 'on', message: expect.stringContaining(daysAgo(20)) }]);

    const notADate = await act(referral, 'open-case', {
      version: referral.version,
      registerNumber: '2675',
      on: '2026-02-30',
    });
    expect(notADate.status).toBe(400);
    expect(fieldsOf(notADate.body)).toEqual(['on']);

    referral = await step(referral, 'open-case', { registerNumber: '267500031000777', on: daysAgo(20) });
    referral = await step(referral, 'send-to-court', { on: daysAgo(10) });
    for (const bad of ['-5', '1.234', '1e6', 12.5, '12,50']) {
      const response = await act(referral, 'record-verdict', {
        version: referral.version,
        verdict: 'convicted',
        damagesRecovered: bad,
      });
      expect({ bad, status: response.status, fields: fieldsOf(response.body) }).toEqual({
        bad,
        status: 400,
        fields: ['damagesRecovered'],
      });
    }
    const [{ status }] = await t.dataSource.query(`SELECT status FROM referrals WHERE id = $1`, [referral.id]);
    expect(status).toBe('sent_to_court');
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const referral = await refer();
    const moved = await step(referral, 'start-review');
    const stale = await act(referral, 'refuse', { version: referral.version, refusalReason: 'Дәлелдер жеткіліксіз' });
    expect(stale.status).toBe(409);
    const staleEdit = await t.http
      .put(`/api/referrals/${referral.id}`)
      .set(bearer(t.tokens.officer))
      .send({ version: referral.version, summary: 'Басқа мазмұн' });
    expect(staleEdit.status).toBe(409);
    const edited = await t.http
      .put(`/api/referrals/${referral.id}`)
      .set(bearer(t.tokens.officer))
      .send({ ...moved, summary: 'Түзетілген мазмұн', status: 'verdict' });
    expect(edited.status).toBe(200);
    // The status is the funnel's to change: a status sent back on edit is ignored.
    expect(edited.body).toMatchObject({ summary: 'Түзетілген мазмұн', status: 'under_review', version: 3 });
    const [event] = await t.dataSource.query(
      `SELECT before, after FROM audit_events WHERE entity_type = 'referrals' AND entity_id = $1 AND action = 'update'`,
      [referral.id],
    );
    expect(event.after).toEqual({ summary: 'Түзетілген мазмұн' });
  });

  it('keeps each role to what the rules give it', async () => {
    const referral = await refer({}, t.tokens.manager);
    // An auditor reads but may not act.
    expect((await t.http.get(`/api/referrals/${referral.id}`).set(bearer(t.tokens.auditor))).status).toBe(200);
    expect((await act(referral, 'start-review', { version: 1 }, t.tokens.auditor)).status).toBe(403);
    expect((await act(referral, 'start-review', { version: 1 }, t.tokens.inspector)).status).toBe(403);
    // Another region's referral is, to a regional officer, not there at all.
    const astana = await refer({ regionId: astanaId }, t.tokens.admin);
    expect((await t.http.get(`/api/referrals/${astana.id}`).set(bearer(t.tokens.officer))).status).toBe(404);
    expect((await act(astana, 'start-review', { version: 1 })).status).toBe(404);
    const elsewhere = await t.http
      .post('/api/referrals')
      .set(bearer(t.tokens.officer))
      .send({ agency: 'police', regionId: astanaId, summary: 'Басқа өңірге жолдау' });
    expect(elsewhere.status).toBe(403);
    // Never deleted.
    expect((await t.http.delete(`/api/referrals/${referral.id}`).set(bearer(t.tokens.admin))).status).toBe(405);
  });
});

describe('the funnel figures', () => {
  it('count what was made, convert between steps, and add damages exactly', async () => {
    // An agency of its own in a region no other test uses keeps these figures to this test's records.
    const [{ id: regionId }] = await t.dataSource.query(`SELECT id FROM regions WHERE code = 'KZ-11'`);
    const agency = 'financial_monitoring';
    const make = () => refer({ regionId, agency, referredOn: daysAgo(60) }, t.tokens.admin);
    const walk = async (to: 'review' | 'refused' | 'case' | 'court' | 'verdict', damages?: string) => {
      let referral = await make();
      if (to === 'refused') return step(referral, 'refuse', { refusalReason: 'Құрам жоқ' }, t.tokens.admin);
      referral = await step(referral, 'start-review', { on: daysAgo(50) }, t.tokens.admin);
      if (to === 'review') return referral;
      referral = await step(
        referral,
        'open-case',
        { on: daysAgo(40), registerNumber: `2611${unique()}` },
        t.tokens.admin,
      );
      if (to === 'case') return referral;
      referral = await step(referral, 'send-to-court', { on: daysAgo(10) }, t.tokens.admin);
      if (to === 'court') return referral;
      return step(referral, 'record-verdict', { verdict: 'convicted', damagesRecovered: damages }, t.tokens.admin);
    };
    await make();
    await walk('refused');
    await walk('review');
    await walk('case');
    await walk('court');
    await walk('verdict', '0.1');
    await walk('verdict', '0.2');

    const response = await t.http
      .get('/api/stats/referral-funnel')
      .query({ regionId, agency, from: daysAgo(365), to: TODAY })
      .set(bearer(t.tokens.admin));
    expect(response.status).toBe(200);
    expect(response.body.counts).toEqual({
      referred: 7,
      underReview: 5,
      caseOpened: 4,
      refused: 1,
      sentToCourt: 3,
      verdict: 2,
      convicted: 2,
      acquitted: 0,
      dismissed: 0,
    });
    expect(response.body.current).toEqual({
      referred: 1,
      under_review: 1,
      case_opened: 1,
      refused: 1,
      sent_to_court: 1,
      verdict: 2,
    });
    expect(response.body.conversion).toMatchObject({ underReview: 0.7143, caseOpened: 0.8, sentToCourt: 0.75 });
    expect(response.body.medianDays).toMatchObject({
      referredToReview: 10,
      reviewToCaseOpened: 10,
      caseOpenedToCourt: 30,
    });
    expect(response.body.damagesRecovered).toBe('0.30');

    // Each step's count opens a list of exactly that many referrals: the `reached` filter.
    for (const [step, count] of Object.entries(response.body.counts as Record<string, number>)) {
      if (step === 'referred') continue;
      const list = await t.http
        .get('/api/referrals')
        .query({
          filter: JSON.stringify({
            regionId,
            agency,
            referredOn_gte: daysAgo(365),
            referredOn_lte: TODAY,
            reached: step,
          }),
        })
        .set(bearer(t.tokens.admin));
      expect({ step, status: list.status, range: list.headers['content-range'] }).toEqual({
        step,
        status: 200,
        range: expect.stringMatching(new RegExp(`/${count}$`)),
      });
    }
    const refusedOrConvicted = await t.http
      .get('/api/referrals')
      .query({ filter: JSON.stringify({ regionId, agency, reached: ['refused', 'convicted'] }) })
      .set(bearer(t.tokens.admin));
    expect(refusedOrConvicted.headers['content-range']).toMatch(/\/3$/);
    const unknownStep = await t.http
      .get('/api/referrals')
      .query({ filter: JSON.stringify({ reached: 'arrested' }) })
      .set(bearer(t.tokens.admin));
    expect(unknownStep.status).toBe(400);
    expect(fieldsOf(unknownStep.body)).toEqual(['filter.reached']);

    // A period before any of them counts nothing; the officer of Almaty may not see another region's.
    const before = await t.http
      .get('/api/stats/referral-funnel')
      .query({ regionId, agency, from: daysAgo(365), to: daysAgo(61) })
      .set(bearer(t.tokens.admin));
    expect(before.body.counts.referred).toBe(0);
    expect(before.body.damagesRecovered).toBe('0.00');
    // Another region's funnel is refused, not answered with zeros a dashboard would read as "none".
    const scoped = await t.http.get('/api/stats/referral-funnel').query({ regionId }).set(bearer(t.tokens.officer));
    expect(scoped.status).toBe(403);
  });

  it('refuses bad parameters naming them', async () => {
    const response = await t.http
      .get('/api/stats/referral-funnel')
      .query({ from: 'yesterday', agency: 'kgb', regionId: 'x', colour: 'red' })
      .set(bearer(t.tokens.manager));
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body).sort()).toEqual(['agency', 'colour', 'from', 'regionId']);
  });
});
