import { WorkingCalendar } from '@adaldesk/libs';
import { AppealStatsRollupJob } from '../src/stats/jobs/appeal-stats-rollup.job.js';
import {
  type AppealShape,
  makeAppealWithHistory,
  regionWithStaff,
  type StaffedRegion,
} from './appeal-history-fixtures.js';
import { bearer, startTestApp, type TestApp } from './test-app.js';
import { testNow } from './test-clock.js';

/**
 * Appeal statistics over HTTP against the real database: hand-made appeals in a region of the
 * test's own, with known receipt, decision, outcome and deadline, counted by the overview, the
 * breakdowns and the trend exactly as this test counts them; equal to the totals of the appeal list
 * under the same filter and user; equal to the same figures computed straight from `appeals`;
 * scoped per role and region; fresh once the rollup step has run.
 */
let t: TestApp;
let regionId: string;
let almatyId: string;
let managerToken: string;
let officerToken: string;
let calendar: WorkingCalendar;
let scope: StaffedRegion;
const ids: Record<string, string> = {};

const TIME_ZONE = 'Asia/Almaty';
const FROM = '2026-03-01';
const TO = '2026-04-30';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** An instant at a local wall time in Almaty (UTC+5 since March 2024). */
const at = (date: string, time = '10:00') => new Date(`${date}T${time}:00+05:00`);
const localDate = (instant: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(instant);

/** Past appeals with a known history: registered through the API, then given their past in SQL. */
const PAST: Record<string, AppealShape> = {
  a1: {
    received: at('2026-03-10'),
    category: 'school_meals',
    channel: 'portal',
    status: 'closed',
    outcome: 'satisfied',
    decided: at('2026-03-20', '15:00'),
    due: at('2026-03-31', '18:00'),
  },
  a2: {
    received: at('2026-03-12'),
    category: 'school_meals',
    channel: 'call_center_109',
    organisation: 1,
    status: 'resolved',
    outcome: 'rejected',
    decided: at('2026-04-10', '11:00'),
    due: at('2026-04-02', '18:00'),
  },
  // Registered Monday 6 April, decided Friday 10 April: four working days (7, 8, 9 and 10 April).
  a3: {
    received: at('2026-04-06', '09:30'),
    category: 'housing_utilities',
    channel: 'portal',
    status: 'resolved',
    outcome: 'partially_satisfied',
    decided: at('2026-04-10', '12:00'),
    due: at('2026-04-27', '18:00'),
  },
  a4: {
    received: at('2026-04-07'),
    channel: 'email',
    status: 'forwarded',
    decided: at('2026-04-08'),
    due: at('2026-04-10', '18:00'),
  },
  a5: {
    received: at('2026-04-20'),
    category: 'housing_utilities',
    channel: 'reception',
    confidential: true,
    status: 'resolved',
    outcome: 'explained',
    decided: at('2026-04-24'),
    due: at('2026-05-12', '18:00'),
  },
  // Received before the period, decided in it.
  a10: {
    received: at('2026-02-25'),
    category: 'school_meals',
    channel: 'portal',
    status: 'closed',
    outcome: 'satisfied',
    decided: at('2026-03-02'),
    due: at('2026-03-18', '18:00'),
  },
  // Received in the period, decided after it.
  a11: {
    received: at('2026-04-29'),
    category: 'school_meals',
    channel: 'portal',
    status: 'resolved',
    outcome: 'satisfied',
    decided: at('2026-05-04'),
    due: at('2026-05-21', '18:00'),
  },
};

/** Open appeals now, one in each SLA state and of different ages. */
const now = testNow().getTime();
const OPEN: Record<string, AppealShape> = {
  onTrack: {
    received: new Date(now - 1 * DAY),
    status: 'in_progress',
    warning: new Date(now + 2 * DAY),
    due: new Date(now + 5 * DAY),
  },
  atRisk: {
    received: new Date(now - 12 * DAY),
    status: 'in_progress',
    warning: new Date(now - HOUR),
    due: new Date(now + 2 * DAY),
  },
  breached: {
    received: new Date(now - 28 * DAY),
    status: 'in_progress',
    channel: 'call_center_109',
    warning: new Date(now - 5 * DAY),
    due: new Date(now - DAY),
  },
  paused: {
    received: new Date(now - 60 * DAY),
    status: 'awaiting_info',
    confidential: true,
    warning: new Date(now + 3 * DAY),
    due: new Date(now + 6 * DAY),
  },
};

beforeAll(async () => {
  t = await startTestApp();
  scope = await regionWithStaff(t, {
    label: 'Stats',
    organisationNames: ['Алматы облысы білім басқармасы', 'Коммуналдық шаруашылық'],
    staff: [{ role: 'manager' }, { role: 'officer' }],
  });
  ({ regionId, calendar } = scope);
  [{ token: managerToken }, { token: officerToken }] = scope.staff;
  almatyId = (await t.dataSource.query(`SELECT id FROM regions WHERE code = 'KZ-75'`))[0].id;

  for (const [name, shape] of [...Object.entries(PAST), ...Object.entries(OPEN)]) ids[name] = await make(shape);
  await fold();
  // Many records made through the API, on a machine other test files share.
}, 120_000);
afterAll(() => t.close());

/** An appeal of the test's region with the past `shape` gives it. */
const make = (shape: AppealShape) => makeAppealWithHistory(scope, shape);

/** The rollup step, driven directly: folds every change queued so far. */
async function fold() {
  return t.app.get(AppealStatsRollupJob).fold({ wait: true });
}

const get = (path: string, token: string, query: Record<string, string> = {}) =>
  t.http.get(`/api/stats/${path}`).query(query).set(bearer(token));

/** The first instant of `date` and the last millisecond of `to`, in Almaty. */
const dayRange = (from: string, to: string) => ({
  gte: at(from, '00:00').toISOString(),
  lte: new Date(at(to, '00:00').getTime() + DAY - 1).toISOString(),
});

/** The total the appeal list gives for `filter`, as `token`'s user. */
async function listTotal(token: string, filter: Record<string, unknown>): Promise<number> {
  const response = await t.http
    .get('/api/appeals')
    .query({ filter: JSON.stringify(filter), range: '[0,0]' })
    .set(bearer(token));
  expect(response.status).toBe(200);
  return Number(String(response.headers['content-range']).split('/')[1]);
}

const workingDays = (name: string) => {
  const shape = PAST[name];
  return calendar.workingDaysBetween(calendar.registration(shape.received).registrationDate, localDate(shape.decided!));
};
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

describe('the overview', () => {
  it('counts what the test made: received, decided, resolution rate, SLA compliance, forwarded, median', async () => {
    const response = await get('overview', managerToken, { from: FROM, to: TO });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      from: FROM,
      to: TO,
      timeZone: TIME_ZONE,
      // a1, a2, a3, a4, a5, a11 (a10 was received before the period)
      received: 6,
      // a1, a2, a3, a5, a10 (a11 was decided after it; a4 was forwarded)
      decided: 5,
      favourable: 3,
      resolutionRate: 0.6,
      decidedOnTime: 4,
      slaCompliance: 0.8,
      forwarded: 1,
      forwardedOnTime: 1,
      forwardingCompliance: 1,
    });
    expect(workingDays('a3')).toBe(4);
    const expected = median(['a1', 'a2', 'a3', 'a5', 'a10'].map(workingDays));
    expect(response.body.medianWorkingDaysToDecision).toBe(expected);
    expect(new Date(response.body.asOf).getTime()).toBeGreaterThan(now - 60_000);
  });

  it('counts open appeals now by SLA state and by age in working days', async () => {
    const response = await get('overview', managerToken, { from: FROM, to: TO });
    expect(response.body.open).toEqual({ total: 4, on_track: 1, at_risk: 1, breached: 1, paused: 1 });
    const today = calendar.localDate(testNow());
    const expected = new Map<string, number>();
    for (const shape of Object.values(OPEN)) {
      const age = calendar.workingDaysBetween(calendar.registration(shape.received).registrationDate, today);
      const bucket = age <= 5 ? '0-5' : age <= 10 ? '6-10' : age <= 15 ? '11-15' : age <= 30 ? '16-30' : '31+';
      expected.set(bucket, (expected.get(bucket) ?? 0) + 1);
    }
    expect(
      Object.fromEntries(response.body.backlogByAge.map((b: { bucket: string; count: number }) => [b.bucket, b.count])),
    ).toEqual({
      '0-5': expected.get('0-5') ?? 0,
      '6-10': expected.get('6-10') ?? 0,
      '11-15': expected.get('11-15') ?? 0,
      '16-30': expected.get('16-30') ?? 0,
      '31+': expected.get('31+') ?? 0,
    });
    expect(expected.size).toBeGreaterThanOrEqual(3);
  });

  it('reads "to" as included, and a one-day period as that day', async () => {
    const day = await get('overview', managerToken, { from: '2026-04-10', to: '2026-04-10' });
    // a2 and a3 were decided on 10 April.
    expect(day.body).toMatchObject({ received: 0, decided: 2, favourable: 1 });
    const month = await get('overview', managerToken, { from: '2026-04-01', to: '2026-04-30' });
    expect(month.body).toMatchObject({ received: 4, decided: 3, forwarded: 1 });
  });
});

describe('the figures equal the appeal list behind them', () => {
  it.each([
    ['the region manager', () => managerToken],
    ['the national auditor (no confidential appeals)', () => t.tokens.auditor],
    ['the admin', () => t.tokens.admin],
  ])('for %s', async (_who, token) => {
    const overview = (await get('overview', token(), { from: FROM, to: TO, regionId })).body;
    const received = dayRange(FROM, TO);
    const base = { regionId };
    const decidedIn = { ...base, decidedAt_gte: received.gte, decidedAt_lte: received.lte };
    expect(overview.received).toBe(
      await listTotal(token(), { ...base, receivedAt_gte: received.gte, receivedAt_lte: received.lte }),
    );
    expect(overview.decided).toBe(await listTotal(token(), { ...decidedIn, status: ['resolved', 'closed'] }));
    expect(overview.favourable).toBe(
      await listTotal(token(), {
        ...decidedIn,
        status: ['resolved', 'closed'],
        outcome: ['satisfied', 'partially_satisfied'],
      }),
    );
    expect(overview.decidedOnTime).toBe(
      await listTotal(token(), { ...decidedIn, status: ['resolved', 'closed'], slaState: 'met' }),
    );
    expect(overview.forwarded).toBe(await listTotal(token(), { ...decidedIn, status: 'forwarded' }));
    for (const state of ['on_track', 'at_risk', 'breached', 'paused']) {
      expect(overview.open[state]).toBe(await listTotal(token(), { ...base, slaState: state }));
    }
    const byCategory = (await get('breakdown', token(), { dimension: 'category', from: FROM, to: TO, regionId })).body;
    for (const row of byCategory.rows.filter((r: { key: string | null }) => r.key !== null)) {
      expect(row.received).toBe(
        await listTotal(token(), {
          ...base,
          categoryId: row.key,
          receivedAt_gte: received.gte,
          receivedAt_lte: received.lte,
        }),
      );
    }
  });

  it('leaves confidential appeals out for auditors, as their list does', async () => {
    const auditor = (await get('overview', t.tokens.auditor, { from: FROM, to: TO, regionId })).body;
    const admin = (await get('overview', t.tokens.admin, { from: FROM, to: TO, regionId })).body;
    // a5 (decided, explained) and the paused open appeal are confidential.
    expect(admin.decided - auditor.decided).toBe(1);
    expect(admin.received - auditor.received).toBe(1);
    expect(admin.open.paused - auditor.open.paused).toBe(1);
  });

  it('for a regional manager of another region, whose figures leave this region out', async () => {
    await fold();
    const received = dayRange(FROM, TO);
    const overview = (await get('overview', t.tokens.manager, { from: FROM, to: TO })).body;
    expect(overview.received).toBe(
      await listTotal(t.tokens.manager, { receivedAt_gte: received.gte, receivedAt_lte: received.lte }),
    );
  });
});

describe('the rollups', () => {
  it('give the figures computed straight from appeals, for every dimension, day and month', async () => {
    await fold();
    const straight: { dimension: string; key: string; grain: string; starts_on: string; received: number }[] =
      await t.dataSource.query(
        `WITH a AS (
           SELECT (received_at AT TIME ZONE $2)::date AS day, * FROM appeals WHERE region_id = $1
         ), keyed AS (
           SELECT day, 'total' AS dimension, '' AS key FROM a
           UNION ALL SELECT day, 'category', coalesce(category_id::text, '') FROM a
           UNION ALL SELECT day, 'organisation', coalesce(organisation_id::text, '') FROM a
           UNION ALL SELECT day, 'channel', channel FROM a
           UNION ALL SELECT day, 'assignee', coalesce(assignee_id::text, '') FROM a
         )
         SELECT dimension, key, 'day' AS grain, to_char(day, 'YYYY-MM-DD') AS starts_on, count(*)::int AS received
           FROM keyed GROUP BY 1, 2, 3, 4
         UNION ALL
         SELECT dimension, key, 'month', to_char(date_trunc('month', day), 'YYYY-MM-DD'), count(*)::int
           FROM keyed GROUP BY 1, 2, 3, 4`,
        [regionId, TIME_ZONE],
      );
    const rolled: typeof straight = await t.dataSource.query(
      `SELECT dimension, key, grain, to_char(starts_on, 'YYYY-MM-DD') AS starts_on, sum(received)::int AS received
         FROM appeal_stats_rollup WHERE region_id = $1 AND dimension <> 'decision_days'
        GROUP BY 1, 2, 3, 4 HAVING sum(received) <> 0`,
      [regionId],
    );
    const sorted = (rows: typeof straight) =>
      rows.map((r) => `${r.dimension}|${r.key}|${r.grain}|${r.starts_on}|${r.received}`).sort();
    expect(sorted(rolled)).toEqual(sorted(straight));

    const decisions = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE status IN ('resolved', 'closed'))::int AS resolved,
              count(*) FILTER (WHERE status IN ('resolved', 'closed') AND outcome IN ('satisfied', 'partially_satisfied'))::int
                AS favourable,
              count(*) FILTER (WHERE status IN ('resolved', 'closed') AND decided_at <= due_at)::int AS on_time,
              count(*) FILTER (WHERE status = 'forwarded')::int AS forwarded
         FROM appeals WHERE region_id = $1 AND decided_at IS NOT NULL`,
      [regionId],
    );
    const [sums] = await t.dataSource.query(
      `SELECT sum(resolved)::int AS resolved, sum(favourable)::int AS favourable,
              sum(resolved_on_time)::int AS on_time, sum(forwarded)::int AS forwarded
         FROM appeal_stats_rollup WHERE region_id = $1 AND dimension = 'total' AND grain = 'month'`,
      [regionId],
    );
    expect(sums).toEqual(decisions[0]);
  });

  it('show a decision and a new appeal once the rollup step has run, and open counts at once', async () => {
    const today = calendar.localDate(testNow());
    const overview = async () => (await get('overview', managerToken, { from: today, to: today })).body;
    const before = await overview();
    // Holding the rollup's lock keeps every instance's periodic fold out until the test runs it.
    const holder = t.dataSource.createQueryRunner();
    await holder.connect();
    await holder.query(`SELECT pg_advisory_lock(hashtext('adaldesk:appeal-stats-rollup'))`);
    try {
      const appeal = (await t.http.get(`/api/appeals/${ids.onTrack}`).set(bearer(managerToken))).body;
      const resolved = await t.http
        .post(`/api/appeals/${ids.onTrack}/actions/resolve`)
        .set(bearer(managerToken))
        .send({ version: appeal.version, outcome: 'satisfied', resolutionText: 'Тамақ сапасы тексерілді' });
      expect(resolved.status).toBe(200);
      await make({ received: testNow(), status: 'awaiting_info', due: new Date(testNow().getTime() + 5 * DAY) });
      const stale = await overview();
      // Open appeals are counted live; the period's figures wait for the rollup step.
      expect(stale.open).toMatchObject({ on_track: before.open.on_track - 1, paused: before.open.paused + 1 });
      expect(stale).toMatchObject({ decided: before.decided, received: before.received, asOf: before.asOf });
    } finally {
      await holder.query(`SELECT pg_advisory_unlock(hashtext('adaldesk:appeal-stats-rollup'))`);
      await holder.release();
    }

    const report = await fold();
    expect(report?.folded).toBeGreaterThanOrEqual(2);
    const fresh = await overview();
    expect(fresh.decided).toBe(before.decided + 1);
    expect(fresh.favourable).toBe(before.favourable + 1);
    expect(fresh.received).toBe(before.received + 1);
    expect(new Date(fresh.asOf).getTime()).toBeGreaterThan(new Date(before.asOf).getTime());
    // Folding an appeal again changes nothing.
    await t.dataSource.query(`INSERT INTO appeal_stats_changes (appeal_id) VALUES ($1), ($1)`, [ids.onTrack]);
    await fold();
    expect(await overview()).toMatchObject({ decided: fresh.decided, received: fresh.received });
  });

  it('are built again from appeals alone with the same figures', async () => {
    const before = (await get('breakdown', managerToken, { dimension: 'channel', from: FROM, to: TO })).body.rows;
    await t.app.get(AppealStatsRollupJob).rebuild();
    const after = (await get('breakdown', managerToken, { dimension: 'channel', from: FROM, to: TO })).body.rows;
    expect(after).toEqual(before);
  });
});

describe('breakdowns and the trend', () => {
  it('break the period down by category, channel, organisation and month with labels', async () => {
    const category = (await get('breakdown', managerToken, { dimension: 'category', from: FROM, to: TO })).body;
    expect(category.dimension).toBe('category');
    const meals = category.rows.find((row: { key: string }) => row.key === scope.categories.school_meals);
    // a1, a2, a11 received; a1, a2, a10 decided, a1 and a10 satisfied; a1 and a10 on time.
    expect(meals).toMatchObject({ received: 3, decided: 3, favourable: 2, decidedOnTime: 2, open: 0 });
    expect(meals.labels).toEqual(expect.objectContaining({ en: expect.any(String), kk: expect.any(String) }));
    const none = category.rows.find((row: { key: string | null }) => row.key === null);
    // a4 (forwarded) and the four open appeals have no category.
    expect(none).toMatchObject({ received: 1, forwarded: 1, open: 4 });

    const channel = (await get('breakdown', managerToken, { dimension: 'channel', from: FROM, to: TO })).body;
    const byChannel = Object.fromEntries(
      channel.rows.map((row: { key: string; received: number; open: number }) => [row.key, [row.received, row.open]]),
    );
    expect(byChannel.portal).toEqual([3, 0]);
    expect(byChannel.call_center_109).toEqual([1, 1]);

    const organisation = (await get('breakdown', managerToken, { dimension: 'organisation', from: FROM, to: TO })).body;
    const second = organisation.rows.find((row: { key: string }) => row.key === scope.organisations[1]);
    expect(second).toMatchObject({ received: 1, decided: 1, favourable: 0, decidedOnTime: 0 });
    expect(second.label).toMatch(/^Коммуналдық шаруашылық/);

    const month = (await get('breakdown', managerToken, { dimension: 'month', from: FROM, to: TO })).body;
    expect(month.rows.map((row: { key: string }) => row.key)).toEqual(expect.arrayContaining(['2026-03', '2026-04']));
    expect(month.rows.find((row: { key: string }) => row.key === '2026-03')).toMatchObject({ received: 2, decided: 2 });
  });

  it('breaks down by region and assignee within the caller’s scope', async () => {
    const regions = (await get('breakdown', t.tokens.admin, { dimension: 'region', from: FROM, to: TO })).body;
    const ours = regions.rows.find((row: { key: string }) => row.key === regionId);
    expect(ours).toMatchObject({ received: 6, decided: 5, open: 4 });
    expect(ours.label).toMatch(/^Stats /);
    const managers = (await get('breakdown', managerToken, { dimension: 'region', from: FROM, to: TO })).body;
    expect(managers.rows.map((row: { key: string }) => row.key)).toEqual([regionId]);
    const assignee = (await get('breakdown', managerToken, { dimension: 'assignee', from: FROM, to: TO })).body;
    expect(assignee.rows.reduce((sum: number, row: { received: number }) => sum + row.received, 0)).toBe(6);
  });

  it('gives each month of the period, the first and last clipped to it', async () => {
    const trend = (await get('trend', managerToken, { from: '2026-03-11', to: '2026-05-03' })).body;
    expect(trend.months.map((m: { month: string }) => m.month)).toEqual(['2026-03', '2026-04', '2026-05']);
    const [march, april, may] = trend.months;
    // From 11 March: a2 received (a1 came on the 10th); a1 decided on the 20th.
    expect(march).toMatchObject({ received: 1, decided: 1, resolutionRate: 1, slaCompliance: 1 });
    expect(april).toMatchObject({ received: 4, decided: 3, forwarded: 1 });
    // Up to 3 May: a11 was decided on the 4th.
    expect(may).toMatchObject({ received: 0, decided: 0, resolutionRate: null, slaCompliance: null });
  });
});

describe('who may read statistics', () => {
  it('refuses officers and inspectors, and a regional manager another region, with 403', async () => {
    for (const token of [t.tokens.officer, t.tokens.inspector, officerToken]) {
      const response = await get('overview', token);
      expect(response.status).toBe(403);
      expect(response.body.message).toMatch(/may not read statistics/);
    }
    const other = await get('breakdown', managerToken, { dimension: 'category', regionId: almatyId });
    expect(other.status).toBe(403);
    expect(other.body.message).toMatch(/own region/);
    expect((await get('trend', t.tokens.manager, { regionId })).status).toBe(403);
  });

  it('lets national users narrow to one region', async () => {
    const national = (await get('overview', t.tokens.admin, { from: FROM, to: TO })).body;
    const one = (await get('overview', t.tokens.admin, { from: FROM, to: TO, regionId })).body;
    expect(one.received).toBe(6);
    expect(national.received).toBeGreaterThanOrEqual(one.received);
  });
});

describe('bad parameters', () => {
  it('are refused with 400 naming them', async () => {
    const response = await get('breakdown', t.tokens.admin, {
      dimension: 'colour',
      from: 'yesterday',
      to: '2026-02-30',
      regionId: 'x',
      size: 'big',
    });
    expect(response.status).toBe(400);
    expect(response.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'dimension',
      'from',
      'regionId',
      'size',
      'to',
    ]);
    const reversed = await get('trend', t.tokens.admin, { from: '2026-05-01', to: '2026-04-01' });
    expect(reversed.status).toBe(400);
    expect(reversed.body.details).toEqual([{ field: 'from', message: 'must not be after "to"' }]);
    expect((await get('breakdown', t.tokens.admin)).status).toBe(400);
  });
});
