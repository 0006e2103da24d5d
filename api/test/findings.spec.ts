import { APPLICANT_PERSONAL_FIELDS, CHECKLIST_TEMPLATES } from '@adaldesk/libs';
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
import { bearer, startTestApp, type TestApp, unique } from './test-app.js';
import { testNow } from './test-clock.js';

/**
 * Findings over HTTP: exact amounts in tenge, the officials held responsible, who may write them and
 * until when, their links to appeals (both ways) and referrals to law enforcement.
 */
let t: TestApp;
let almatyId: string;
let schoolId: string;
let lead: Person;
let outsider: Person;
let astanaInspector: Person;
let inspection: Record_;

beforeAll(async () => {
  t = await startTestApp();
  almatyId = await idOf(t, `SELECT id FROM regions WHERE code = 'KZ-75'`);
  const astanaId = await idOf(t, `SELECT id FROM regions WHERE code = 'KZ-71'`);
  schoolId = await makeOrganisation(t, 'school', almatyId);
  lead = await makeUser(t, 'inspector', almatyId);
  outsider = await makeUser(t, 'inspector', almatyId);
  astanaInspector = await makeUser(t, 'inspector', astanaId);
  inspection = await planAndStart();
});
afterAll(() => t.close());

async function planAndStart(): Promise<Record_> {
  const planned = await t.http
    .post('/api/inspections')
    .set(bearer(lead.token))
    .send({ type: 'school', organisationId: schoolId, plannedStartOn: TODAY, plannedEndOn: daysFrom(1) });
  expectStatus(planned, 201);
  const started = await t.http
    .post(`/api/inspections/${planned.body.id}/actions/start`)
    .set(bearer(lead.token))
    .send({ version: 1 });
  expectStatus(started, 200);
  return started.body;
}

const MISUSE = {
  kind: 'capital_repair_funds_misuse',
  severity: 'critical',
  amount: '45000000.00',
  description: 'Мектеп шатырын күрделі жөндеуге бөлінген 45 млн теңге жұмыс орындалмай төленген',
  officials: [
    { fullName: 'Сейітов Ерлан Маратұлы', position: 'директор', outcome: 'dismissed' },
    { fullName: 'Омарова Айгүл', position: 'бас есепші' },
  ],
  recommendedMeasure: 'Қаражатты бюджетке қайтару, материалдарды СЖҚА-ға жолдау',
};

async function log(body: Record<string, unknown> = {}, token = lead.token): Promise<Record_> {
  const response = await t.http
    .post('/api/findings')
    .set(bearer(token))
    .send({ inspectionId: inspection.id, ...MISUSE, ...body });
  expectStatus(response, 201);
  return response.body;
}

describe('logging a finding', () => {
  it('keeps the amount exact, numbers it, and marks officials without a decision as pending', async () => {
    const finding = await log({ amount: '45000000.05' });
    expect(finding).toMatchObject({
      inspectionId: inspection.id,
      regionId: almatyId,
      kind: 'capital_repair_funds_misuse',
      amount: '45000000.05',
      officials: [
        { fullName: 'Сейітов Ерлан Маратұлы', position: 'директор', outcome: 'dismissed' },
        { fullName: 'Омарова Айгүл', position: 'бас есепші', outcome: 'pending' },
      ],
    });
    expect(finding.number).toMatch(/^FN-\d{4}-\d{6}$/);
    const [row] = await t.dataSource.query(`SELECT amount::text AS amount FROM findings WHERE id = $1`, [finding.id]);
    expect(row.amount).toBe('45000000.05');
    const sum = await t.dataSource.query(`SELECT sum(amount)::text AS total FROM findings WHERE id = ANY($1)`, [
      [finding.id, (await log({ amount: '0.10' })).id],
    ]);
    expect(sum[0].total).toBe('45000000.15');
  });

  it.each([
    ['a float', 45000000.5],
    ['a negative amount', '-1.00'],
    ['three decimals', '1.234'],
    ['words', 'қырық бес'],
    ['an exponent', '4.5e7'],
  ])('refuses %s as an amount with 400 naming it', async (_, amount) => {
    const response = await t.http
      .post('/api/findings')
      .set(bearer(lead.token))
      .send({ inspectionId: inspection.id, ...MISUSE, amount });
    expect(response.status).toBe(400);
    expect(response.body.details.map((d: { field: string }) => d.field)).toEqual(['amount']);
  });

  it('refuses an unknown kind, severity or disciplinary outcome, naming each field', async () => {
    const response = await t.http
      .post('/api/findings')
      .set(bearer(lead.token))
      .send({
        inspectionId: inspection.id,
        ...MISUSE,
        kind: 'bribery',
        severity: 'huge',
        officials: [{ fullName: 'Ж', outcome: 'fined' }],
        description: 'қысқа',
      });
    expect(response.status).toBe(400);
    expect(response.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'description',
      'kind',
      'officials.0.fullName',
      'officials.0.outcome',
      'severity',
    ]);
  });

  it('is written only by those acting on the inspection, and read across the region', async () => {
    const notOnTeam = await t.http
      .post('/api/findings')
      .set(bearer(outsider.token))
      .send({ inspectionId: inspection.id, ...MISUSE });
    expect(notOnTeam.status).toBe(403);
    const otherRegion = await t.http
      .post('/api/findings')
      .set(bearer(astanaInspector.token))
      .send({ inspectionId: inspection.id, ...MISUSE });
    expect(otherRegion.status).toBe(400);
    expect(otherRegion.body.details[0].field).toBe('inspectionId');
    const auditor = await t.http
      .post('/api/findings')
      .set(bearer(t.tokens.auditor))
      .send({ inspectionId: inspection.id, ...MISUSE });
    expect(auditor.status).toBe(403);

    const finding = await log();
    expect((await t.http.get(`/api/findings/${finding.id}`).set(bearer(outsider.token))).status).toBe(200);
    expect((await t.http.get(`/api/findings/${finding.id}`).set(bearer(t.tokens.auditor))).status).toBe(200);
    expect((await t.http.get(`/api/findings/${finding.id}`).set(bearer(astanaInspector.token))).status).toBe(404);
    const edit = await t.http
      .put(`/api/findings/${finding.id}`)
      .set(bearer(outsider.token))
      .send({ version: finding.version, severity: 'low' });
    expect(edit.status).toBe(403);
    // The region's manager acts on every inspection of the region.
    const byManager = await t.http
      .put(`/api/findings/${finding.id}`)
      .set(bearer(t.tokens.manager))
      .send({ ...finding, severity: 'high' });
    expectStatus(byManager, 200);
    expect(byManager.body).toMatchObject({ severity: 'high', amount: '45000000.00', version: 2 });
  });

  it('refuses a stale version with 409', async () => {
    const finding = await log();
    await t.http.put(`/api/findings/${finding.id}`).set(bearer(lead.token)).send({ version: 1, severity: 'high' });
    const stale = await t.http
      .put(`/api/findings/${finding.id}`)
      .set(bearer(lead.token))
      .send({ version: 1, severity: 'low' });
    expect(stale.status).toBe(409);
  });

  it('stops changing once the inspection is closed', async () => {
    const closing = await planAndStart();
    const original = inspection;
    inspection = closing;
    const finding = await log();
    inspection = original;
    const answers = CHECKLIST_TEMPLATES.school.map(({ code }) => ({
      code,
      answer: 'ok',
    }));
    const completed = await t.http
      .post(`/api/inspections/${closing.id}/actions/complete`)
      .set(bearer(lead.token))
      .send({ version: closing.version, checklist: answers });
    expectStatus(completed, 200);
    // Findings may still be added to a completed inspection (e.g. after a laboratory result).
    const late = await t.http
      .put(`/api/findings/${finding.id}`)
      .set(bearer(lead.token))
      .send({ version: 1, severity: 'high' });
    expectStatus(late, 200);
    const closed = await t.http
      .post(`/api/inspections/${closing.id}/actions/close`)
      .set(bearer(t.tokens.manager))
      .send({ version: completed.body.version });
    expectStatus(closed, 200);
    const after = await t.http
      .put(`/api/findings/${finding.id}`)
      .set(bearer(lead.token))
      .send({ version: 2, severity: 'low' });
    expect(after.status).toBe(422);
    const added = await t.http
      .post('/api/findings')
      .set(bearer(t.tokens.manager))
      .send({ inspectionId: closing.id, ...MISUSE });
    expect(added.status).toBe(422);
    expect((await t.http.delete(`/api/findings/${finding.id}`).set(bearer(t.tokens.manager))).status).toBe(422);
  });

  it('filters, sorts by amount and searches', async () => {
    const small = await log({
      amount: '150000.00',
      description: `Асхана өнімдері сапасыз ${unique()}`,
      kind: 'school_meals_violation',
    });
    const response = await t.http
      .get('/api/findings')
      .set(bearer(t.tokens.manager))
      .query({
        filter: JSON.stringify({ inspectionId: inspection.id, kind: 'school_meals_violation' }),
        sort: JSON.stringify(['amount', 'DESC']),
      });
    expect(response.status).toBe(200);
    expect(response.body.map((row: Record_) => row.id)).toEqual([small.id]);
    const search = await t.http
      .get('/api/findings')
      .set(bearer(t.tokens.manager))
      .query({ filter: JSON.stringify({ q: small.number }) });
    expect(search.body.map((row: Record_) => row.id)).toEqual([small.id]);
  });
});

describe('links to appeals', () => {
  async function registerAppeal(confidential: boolean) {
    const response = await t.http
      .post('/api/appeals')
      .set(bearer(t.tokens.officer))
      .send({
        channel: 'call_center_109',
        kind: 'report',
        receivedAt: new Date(testNow().getTime() - 5 * 86_400_000).toISOString(),
        regionId: almatyId,
        organisationId: schoolId,
        description: 'Мектеп директоры жөндеу қаржысын жымқырды деген хабарлама',
        applicantName: 'Жасұлан Бекұлы',
        applicantPhone: '+7 701 555 44 33',
        confidential,
      });
    expectStatus(response, 201);
    return response.body as Record_;
  }

  it('takes a source appeal the inspector may read, and never its applicant', async () => {
    const appeal = await registerAppeal(false);
    const finding = await log({ appealId: appeal.id });
    expect(finding.appealId).toBe(appeal.id);
    const shown = JSON.stringify((await t.http.get(`/api/findings/${finding.id}`).set(bearer(lead.token))).body);
    expect(shown).not.toContain('Жасұлан');
    expect(shown).not.toContain('555 44 33');
    for (const field of APPLICANT_PERSONAL_FIELDS) expect(shown).not.toContain(field);
  });

  it('does not let an inspector link, or learn of, a confidential appeal', async () => {
    const appeal = await registerAppeal(true);
    const response = await t.http
      .post('/api/findings')
      .set(bearer(lead.token))
      .send({ inspectionId: inspection.id, ...MISUSE, appealId: appeal.id });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ field: 'appealId', message: 'refers to no appeal you may read' }]);
    // The same answer as for an appeal that does not exist at all.
    const missing = await t.http
      .post('/api/findings')
      .set(bearer(lead.token))
      .send({ inspectionId: inspection.id, ...MISUSE, appealId: '00000000-0000-4000-8000-000000000000' });
    expect(missing.body.details).toEqual(response.body.details);
  });

  it('registers an appeal from a finding, linked and audited on both records', async () => {
    const finding = await log();
    const byInspector = await t.http
      .post(`/api/findings/${finding.id}/actions/open-appeal`)
      .set(bearer(lead.token))
      .send({ version: finding.version });
    expect(byInspector.status).toBe(403);
    const opened = await t.http
      .post(`/api/findings/${finding.id}/actions/open-appeal`)
      .set(bearer(t.tokens.officer))
      .send({ version: finding.version });
    expectStatus(opened, 200);
    const appealId = opened.body.openedAppealId as string;
    const appeal = (await t.http.get(`/api/appeals/${appealId}`).set(bearer(t.tokens.officer))).body;
    expect(appeal).toMatchObject({
      kind: 'report',
      channel: 'front_office',
      anonymous: true,
      regionId: almatyId,
      organisationId: schoolId,
      status: 'registered',
    });
    expect(appeal.description).toContain(finding.number);
    const events = await t.dataSource.query(
      `SELECT entity_type, action FROM audit_events WHERE entity_id = ANY($1) ORDER BY id`,
      [[finding.id, appealId]],
    );
    expect(events).toEqual([
      { entity_type: 'findings', action: 'create' },
      { entity_type: 'appeals', action: 'create' },
      { entity_type: 'findings', action: 'open-appeal' },
      { entity_type: 'appeals', action: 'opened-from-finding' },
    ]);
    const again = await t.http
      .post(`/api/findings/${finding.id}/actions/open-appeal`)
      .set(bearer(t.tokens.officer))
      .send({ version: opened.body.version });
    expect(again.status).toBe(409);
  });

  it('leaves no appeal behind when the finding was changed meanwhile', async () => {
    const finding = await log();
    const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM appeals`);
    const stale = await t.http
      .post(`/api/findings/${finding.id}/actions/open-appeal`)
      .set(bearer(t.tokens.manager))
      .send({ version: finding.version + 1 });
    expect(stale.status).toBe(409);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM appeals`)).toEqual(before);
  });
});

describe('referral to law enforcement from a finding', () => {
  it('takes the region and the inspected school from the finding', async () => {
    const finding = await log();
    const response = await t.http
      .post('/api/referrals')
      .set(bearer(lead.token))
      .send({ agency: 'anti_corruption', findingId: finding.id, summary: `${finding.number}: жөндеу қаржысы` });
    expectStatus(response, 201);
    expect(response.body).toMatchObject({ findingId: finding.id, regionId: almatyId, organisationId: schoolId });
    const listed = await t.http
      .get('/api/referrals')
      .set(bearer(t.tokens.manager))
      .query({ filter: JSON.stringify({ findingId: finding.id }) });
    expect(listed.body.map((row: Record_) => row.id)).toEqual([response.body.id]);
    // A referred finding stays: the referral holds it by a foreign key.
    const removed = await t.http.delete(`/api/findings/${finding.id}`).set(bearer(lead.token));
    expect(removed.status).toBe(409);
  });

  it('refuses a finding out of reach, as if it did not exist', async () => {
    const finding = await log();
    const response = await t.http
      .post('/api/referrals')
      .set(bearer(astanaInspector.token))
      .send({ agency: 'police', findingId: finding.id, summary: 'Бөтен өңірдің материалы' });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ field: 'findingId', message: 'refers to no finding you may read' }]);
  });
});

it('deletes a finding logged by mistake, audited', async () => {
  const finding = await log();
  expectStatus(await t.http.delete(`/api/findings/${finding.id}`).set(bearer(lead.token)), 200);
  const [event] = await t.dataSource.query(
    `SELECT action, before->>'amount' AS amount FROM audit_events WHERE entity_id = $1 AND action = 'delete'`,
    [finding.id],
  );
  expect(event).toEqual({ action: 'delete', amount: '45000000.00' });
});
