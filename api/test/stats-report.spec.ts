import { WorkingCalendar } from '@adaldesk/libs';
import { AppealStatsRollupJob } from '../src/stats/jobs/appeal-stats-rollup.job.js';
import { REPORT_LABELS } from '../src/stats/report/report-labels.js';
import { renderStatsReport } from '../src/stats/report/stats-report.renderer.js';
import type { StatsReport } from '../src/stats/report/stats-report.service.js';
import { expectStatus, makeOrganisation, makeUser, type Person, TODAY } from './inspection-fixtures.js';
import { type AppealShape, makeAppealWithHistory } from './appeal-history-fixtures.js';
import { type PdfLine, pdfPages, plain } from './pdf-text.js';
import { bearer, startTestApp, type TestApp, unique } from './test-app.js';
import { testNow } from './test-clock.js';

/**
 * The printable period report (`GET /api/stats/report`) over HTTP against the real database: appeals,
 * findings and referrals made in regions of the test's own, the PDF read back as text, and every figure
 * in it equal to the dashboard's `/api/stats/*` answer for the same query and user; Kazakh letters kept;
 * a regional manager's report holding nothing of other regions; the dashboard's 400/401/403 rules.
 */
let t: TestApp;
let calendar: WorkingCalendar;
let regionId: string;
let otherRegionId: string;
let almatyId: string;
let manager: Person;
let officer: Person;
let nationalManager: Person;
const REGION = { kk: '', ru: '', en: '' };
const OTHER_REGION = { kk: '', ru: '', en: '' };

const FROM = '2026-03-01';
const TO = TODAY;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (date: string, time = '10:00') => new Date(`${date}T${time}:00+05:00`);

const now = testNow().getTime();
const APPEALS: AppealShape[] = [
  {
    received: at('2026-03-10'),
    category: 'school_meals',
    status: 'closed',
    outcome: 'satisfied',
    decided: at('2026-03-20', '15:00'),
    due: at('2026-03-31', '18:00'),
  },
  {
    received: at('2026-03-12'),
    category: 'school_meals',
    status: 'resolved',
    outcome: 'rejected',
    decided: at('2026-04-10', '11:00'),
    due: at('2026-04-02', '18:00'),
  },
  {
    received: at('2026-04-06', '09:30'),
    category: 'housing_utilities',
    status: 'resolved',
    outcome: 'partially_satisfied',
    decided: at('2026-04-10', '12:00'),
    due: at('2026-04-27', '18:00'),
  },
  { received: at('2026-04-07'), status: 'forwarded', decided: at('2026-04-08'), due: at('2026-04-10', '18:00') },
  { received: new Date(now - 2 * DAY), category: 'school_meals', status: 'in_progress', due: new Date(now + 5 * DAY) },
  { received: new Date(now - 30 * DAY), status: 'in_progress', due: new Date(now - DAY) },
];

beforeAll(async () => {
  t = await startTestApp();
  const suffix = unique()
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, 'X');
  const region = async (code: string, names: typeof REGION) => {
    const response = await t.http
      .post('/api/regions')
      .set(bearer(t.tokens.admin))
      .send({ code, kind: 'oblast', nameKk: names.kk, nameRu: names.ru, nameEn: names.en });
    expectStatus(response, 201);
    return response.body.id as string;
  };
  Object.assign(REGION, {
    kk: `Қаңлы Әулие шаһары ${suffix}`,
    ru: `Жанакорганский район ${suffix}`,
    en: `Report region ${suffix}`,
  });
  Object.assign(OTHER_REGION, {
    kk: `Үшқоңыр Ұлытау ${suffix}`,
    ru: `Ушконыр ${suffix}`,
    en: `Other report region ${suffix}`,
  });
  regionId = await region(`KZ-R${suffix.slice(0, 5)}`, REGION);
  otherRegionId = await region(`KZ-Q${suffix.slice(0, 5)}`, OTHER_REGION);
  almatyId = (await t.dataSource.query(`SELECT id FROM regions WHERE code = 'KZ-75'`))[0].id;
  manager = await makeUser(t, 'manager', regionId);
  officer = await makeUser(t, 'officer', regionId);
  nationalManager = await makeUser(t, 'manager', null);
  const otherOfficer = await makeUser(t, 'officer', otherRegionId);

  const rows = await t.dataSource.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date, kind FROM calendar_days`);
  calendar = new WorkingCalendar(rows, { timeZone: 'Asia/Almaty' });
  const categories: Record<string, string> = {};
  for (const row of await t.dataSource.query(`SELECT id, code FROM categories`)) categories[row.code] = row.id;
  const organisation = await makeOrganisation(t, 'school', regionId);
  for (const shape of APPEALS) await makeAppeal(officer, regionId, organisation, shape, categories);
  await makeAppeal(otherOfficer, otherRegionId, await makeOrganisation(t, 'school', otherRegionId), APPEALS[0], {});

  // Findings logged today, with amounts the report must print to the tiyn.
  const inspector = await makeUser(t, 'inspector', regionId);
  const planned = await t.http
    .post('/api/inspections')
    .set(bearer(inspector.token))
    .send({ type: 'school', organisationId: organisation, plannedStartOn: TODAY, plannedEndOn: TODAY });
  expectStatus(planned, 201);
  expectStatus(
    await t.http
      .post(`/api/inspections/${planned.body.id}/actions/start`)
      .set(bearer(inspector.token))
      .send({ version: 1 }),
    200,
  );
  for (const [kind, amount] of [
    ['capital_repair_funds_misuse', '45000000.05'],
    ['capital_repair_funds_misuse', '0.10'],
    ['school_meals_violation', '1234567.89'],
    ['sanitary', null],
  ] as const) {
    const logged = await t.http
      .post('/api/findings')
      .set(bearer(inspector.token))
      .send({
        inspectionId: planned.body.id,
        kind,
        severity: 'high',
        ...(amount === null ? {} : { amount }),
        description: `Тексеру нәтижесі ${unique()}`,
      });
    expectStatus(logged, 201);
  }

  // Referrals: one down to a criminal case, one refused, one only referred.
  const referredOn = new Date(Date.parse(`${TODAY}T00:00:00Z`) - 20 * DAY).toISOString().slice(0, 10);
  const refer = async () => {
    const response = await t.http
      .post('/api/referrals')
      .set(bearer(manager.token))
      .send({ agency: 'anti_corruption', regionId, summary: `Жөндеу қаржысы ${unique()}`, referredOn });
    expectStatus(response, 201);
    return response.body as { id: string; version: number };
  };
  const step = async (referral: { id: string; version: number }, action: string, body: object) => {
    const response = await t.http
      .post(`/api/referrals/${referral.id}/actions/${action}`)
      .set(bearer(manager.token))
      .send({ version: referral.version, ...body });
    expectStatus(response, 200);
    return response.body as { id: string; version: number };
  };
  const opened = await step(await refer(), 'start-review', { on: referredOn });
  await step(opened, 'open-case', { on: TODAY, registerNumber: '267500031000555' });
  await step(await refer(), 'refuse', { refusalReason: 'Қылмыс құрамы жоқ' });
  await refer();
  await t.dataSource.query(`UPDATE referrals SET damages_recovered = '1500000.50' WHERE id = $1`, [opened.id]);

  await t.app.get(AppealStatsRollupJob).fold({ wait: true });
  // Many records made through the API, on a machine other test files share.
}, 120_000);
afterAll(() => t.close());

/** An appeal with a known past, registered by `by` in `region` about `organisationId`. */
const makeAppeal = (
  by: Person,
  region: string,
  organisationId: string,
  shape: AppealShape,
  categories: Record<string, string>,
) =>
  makeAppealWithHistory(
    { t, officerToken: by.token, regionId: region, categories, organisations: [organisationId], calendar },
    { channel: 'portal', ...shape },
  );

const stats = async (path: string, token: string, query: Record<string, string>) => {
  const response = await t.http.get(`/api/stats/${path}`).query(query).set(bearer(token));
  expectStatus(response, 200);
  return response.body;
};

/** The report's raw answer, its body as bytes. */
const fetchReport = (query: Record<string, string>, token?: string) => {
  const request = t.http
    .get('/api/stats/report')
    .query(query)
    .buffer(true)
    .parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    });
  return token ? request.set(bearer(token)) : request;
};

/** The report as text: its pages' lines, and the lines of all pages in order. */
async function report(query: Record<string, string>, token: string) {
  const response = await fetchReport(query, token);
  if (response.status !== 200) throw new Error(`report: ${response.status} ${response.body.toString()}`);
  const pages = await pdfPages(response.body as Buffer);
  const lines = pages.flat();
  const text = lines.map((line) => line.join(' ')).join('\n');
  return { response, pages, lines, text };
}

/** The lines of the section headed `title`, up to the next section in `titles`. */
function section(lines: PdfLine[], title: string, titles: string[]): PdfLine[] {
  const start = lines.findIndex((line) => line.join(' ') === title);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((line, index) => index > start && titles.includes(line.join(' ')));
  return lines.slice(start + 1, end === -1 ? undefined : end);
}

/** The cells after the name in the row named `name`. */
function row(lines: PdfLine[], name: string): string[] {
  const found = lines.filter((line) => line[0] === name);
  expect({ name, rows: found.length }).toEqual({ name, rows: 1 });
  return found[0].slice(1);
}

const percent = (ratio: number | null, separator = '.', sign = '%') =>
  ratio === null ? '—' : `${(ratio * 100).toFixed(1).replace('.', separator)}${sign}`;
const count = (cell: string) => Number(plain(cell));

const en = REPORT_LABELS.en;
const kk = REPORT_LABELS.kk;
const TITLES = (labels: typeof en) => Object.values(labels.sections);

describe('the report of a regional manager', () => {
  const query = { from: FROM, to: TO, lang: 'en' };

  it('is a PDF attachment named for the period', async () => {
    const response = await fetchReport(query, manager.token);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="adaldesk-report-${FROM}-${TO}.pdf"`);
    expect((response.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('prints the dashboard’s key figures, open appeals by SLA state and backlog by age', async () => {
    const { lines, text } = await report(query, manager.token);
    const overview = await stats('overview', manager.token, { from: FROM, to: TO });
    expect(overview.received).toBeGreaterThanOrEqual(4);
    expect(text).toContain(en.title);
    expect(text).toContain(`${en.region}: ${REGION.en}`);
    expect(text).toContain(`${en.period}: ${FROM} — ${TO}`);
    expect(text).toContain('(Asia/Almaty)');

    const kpi = section(lines, en.sections.kpi, TITLES(en));
    expect(row(kpi, en.kpi.received).map(count)).toEqual([overview.received]);
    expect(row(kpi, en.kpi.decided).map(count)).toEqual([overview.decided]);
    expect(row(kpi, en.kpi.resolutionRate)).toEqual([percent(overview.resolutionRate)]);
    expect(row(kpi, en.kpi.slaCompliance)).toEqual([percent(overview.slaCompliance)]);
    expect(row(kpi, en.kpi.medianWorkingDays)).toEqual([String(overview.medianWorkingDaysToDecision)]);
    expect(row(kpi, en.kpi.forwarded).map(count)).toEqual([overview.forwarded]);
    expect(row(kpi, en.kpi.openTotal).map(count)).toEqual([overview.open.total]);

    const open = section(lines, en.sections.openBySla, TITLES(en));
    for (const state of ['on_track', 'at_risk', 'breached', 'paused'] as const) {
      expect(row(open, en.slaState[state]).map(count)).toEqual([overview.open[state]]);
    }
    expect(row(open, en.total).map(count)).toEqual([overview.open.total]);
    const backlog = section(lines, en.sections.backlog, TITLES(en));
    for (const bucket of overview.backlogByAge) {
      expect(row(backlog, bucket.bucket.replace('-', '–')).map(count)).toEqual([bucket.count]);
    }
  });

  it('prints the trend, the top categories and organisations as the dashboard gives them', async () => {
    const { lines } = await report(query, manager.token);
    const trend = await stats('trend', manager.token, { from: FROM, to: TO });
    const months = section(lines, en.sections.trend, TITLES(en));
    for (const month of trend.months) {
      const name = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
        new Date(`${month.month}-01T00:00:00Z`),
      );
      const [received, decided, resolutionRate, slaCompliance, forwarded] = row(months, name);
      expect([count(received), count(decided), resolutionRate, slaCompliance, count(forwarded)]).toEqual([
        month.received,
        month.decided,
        percent(month.resolutionRate),
        percent(month.slaCompliance),
        month.forwarded,
      ]);
    }

    for (const [dimension, title] of [
      ['category', en.sections.categories],
      ['organisation', en.sections.organisations],
    ] as const) {
      const breakdown = await stats('breakdown', manager.token, { dimension, from: FROM, to: TO });
      const printed = section(lines, title, TITLES(en));
      const names = breakdown.rows.map((figures: { key: string | null; label: string; labels?: { en: string } }) =>
        figures.key === null ? en.none : (figures.labels?.en ?? figures.label),
      );
      expect(names.length).toBeGreaterThanOrEqual(1);
      // At most ten rows, the largest first, under the header.
      expect(printed.slice(printed.findIndex((line) => line[0] === names[0])).map((line) => line[0])).toEqual(
        names.slice(0, 10),
      );
      for (const [index, figures] of breakdown.rows.slice(0, 10).entries()) {
        const name = names[index];
        const [received, decided, resolutionRate, open] = row(printed, name);
        expect([count(received), count(decided), resolutionRate, count(open)]).toEqual([
          figures.received,
          figures.decided,
          percent(figures.resolutionRate),
          figures.open,
        ]);
      }
    }
  });

  it('prints findings by kind with exact tenge amounts, and the referral funnel', async () => {
    const { lines } = await report(query, manager.token);
    const findings = await stats('findings', manager.token, { from: FROM, to: TO });
    expect(findings.total.amount).toBe('46234568.04');
    const printed = section(lines, en.sections.findings, TITLES(en));
    for (const kind of findings.kinds) {
      const [found, amount] = row(printed, en.findingKind[kind.kind as keyof typeof en.findingKind]);
      expect([count(found), plain(amount)]).toEqual([kind.count, kind.amount]);
    }
    const [total, amount] = row(printed, en.total);
    expect([count(total), plain(amount)]).toEqual([findings.total.count, findings.total.amount]);
    // Digits grouped by (thin) spaces, never a float's rounding.
    expect(amount).toMatch(/^46\s234\s568\.04$/);

    const funnel = await stats('referral-funnel', manager.token, { from: FROM, to: TO });
    expect(funnel.counts).toMatchObject({ referred: 3, caseOpened: 1, refused: 1 });
    const steps = section(lines, en.sections.funnel, TITLES(en));
    for (const [step, label] of Object.entries(en.funnel)) {
      expect(row(steps, label).map(count)).toEqual([funnel.counts[step]]);
    }
    expect(row(steps, en.damagesRecovered).map(plain)).toEqual([funnel.damagesRecovered]);
    expect(funnel.damagesRecovered).toBe('1500000.50');
  });

  it('has no region comparison and names no other region', async () => {
    // The time zone is named after the city, not the region.
    const text = (await report(query, manager.token)).text.replaceAll('(Asia/Almaty)', '');
    expect(text).not.toContain(en.sections.regions);
    expect(text).not.toContain(en.national);
    const others: { en: string; kk: string; ru: string }[] = await t.dataSource.query(
      `SELECT name_en AS en, name_kk AS kk, name_ru AS ru FROM regions
        WHERE id <> $1 AND (code ~ '^KZ-[0-9]+$' OR id = $2)`,
      [regionId, otherRegionId],
    );
    expect(others.length).toBeGreaterThanOrEqual(17);
    for (const other of others) {
      for (const name of [other.en, other.kk, other.ru]) expect(text).not.toContain(name);
    }
  });

  it('keeps Kazakh letters in Kazakh: the region’s name, the labels, the category names', async () => {
    const { text, pages } = await report({ ...query, lang: 'kk' }, manager.token);
    expect(REGION.kk).toMatch(/[әқңһ]/);
    expect(text).toContain(`${kk.region}: ${REGION.kk}`);
    expect(text).toContain(kk.title);
    expect(text).toContain(kk.sections.findings);
    const [meals] = await t.dataSource.query(`SELECT name_kk FROM categories WHERE code = 'school_meals'`);
    expect(text).toContain(meals.name_kk);
    expect(text).toContain(kk.page(1, pages.length));
    for (const letter of ['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'і']) {
      expect({ letter, found: text.includes(letter) }).toEqual({ letter, found: true });
    }
  });

  it('numbers every page "page N of M", in Russian too', async () => {
    const { pages } = await report({ ...query, lang: 'ru' }, manager.token);
    pages.forEach((lines, index) => {
      const text = lines.map((line) => line.join(' ')).join('\n');
      expect(text).toContain(REPORT_LABELS.ru.page(index + 1, pages.length));
      expect(text).toContain(REGION.ru);
    });
    expect(pages[0].map((line) => line.join(' '))).toContain(REPORT_LABELS.ru.title);
  });
});

describe('the report of a national manager', () => {
  it('compares every region with the dashboard’s figures, in Kazakh', async () => {
    const query = { from: FROM, to: TO, lang: 'kk' };
    // Read first: other test files may add regions while this one runs.
    const all: { name_kk: string }[] = await t.dataSource.query(`SELECT name_kk FROM regions`);
    const { lines, text } = await report(query, nationalManager.token);
    expect(text).toContain(`${kk.region}: ${kk.national}`);
    const regions = await stats('breakdown', nationalManager.token, { dimension: 'region', from: FROM, to: TO });
    const printed = section(lines, kk.sections.regions, TITLES(kk));
    const figures = (id: string) => regions.rows.find((r: { key: string }) => r.key === id);
    for (const [id, name] of [
      [regionId, REGION.kk],
      [otherRegionId, OTHER_REGION.kk],
    ]) {
      // Any space as a plain one: pdf.js reads the thin space before % as one.
      const [received, decided, resolutionRate, slaCompliance, open] = row(printed, name).map((cell) =>
        cell.replace(/\s/g, ' '),
      );
      expect([count(received), count(decided), resolutionRate, slaCompliance, count(open)]).toEqual([
        figures(id).received,
        figures(id).decided,
        percent(figures(id).resolutionRate, ',', ' %'),
        percent(figures(id).slaCompliance, ',', ' %'),
        figures(id).open,
      ]);
    }
    // Every region, those with nothing in the period too.
    for (const region of all) expect(text).toContain(region.name_kk);
  });

  it('narrowed to one region, is that region’s report without the comparison', async () => {
    const query = { from: FROM, to: TO, regionId, lang: 'en' };
    const { lines, text } = await report(query, nationalManager.token);
    const overview = await stats('overview', nationalManager.token, { from: FROM, to: TO, regionId });
    const mine = await stats('overview', manager.token, { from: FROM, to: TO });
    expect(overview.received).toBe(mine.received);
    expect(row(section(lines, en.sections.kpi, TITLES(en)), en.kpi.received).map(count)).toEqual([overview.received]);
    expect(text).toContain(`${en.region}: ${REGION.en}`);
    expect(text).not.toContain(en.sections.regions);
  });
});

describe('who may print it, and with what', () => {
  it('refuses bad parameters with 400 naming them', async () => {
    const response = await fetchReport(
      { from: 'yesterday', to: TO, lang: 'de', size: 'big', regionId: 'x' },
      manager.token,
    );
    expect(response.status).toBe(400);
    const body = JSON.parse((response.body as Buffer).toString());
    expect(body.details.map((d: { field: string }) => d.field).sort()).toEqual(['from', 'lang', 'regionId', 'size']);
    for (const query of [{ from: '2026-02-30' }, { lang: 'KK' }, { dimension: 'region' }] as Record<string, string>[]) {
      expect((await fetchReport(query, manager.token)).status).toBe(400);
    }
  });

  it('refuses officers and another region with 403, and a caller without a token with 401', async () => {
    const officers = await fetchReport({ lang: 'en' }, officer.token);
    expect(officers.status).toBe(403);
    expect(JSON.parse((officers.body as Buffer).toString()).message).toMatch(/may not read statistics/);
    const foreign = await fetchReport({ regionId: almatyId, lang: 'en' }, manager.token);
    expect(foreign.status).toBe(403);
    expect(JSON.parse((foreign.body as Buffer).toString()).message).toMatch(/own region/);
    expect((await fetchReport({ regionId, lang: 'en' }, t.tokens.manager)).status).toBe(403);
    expect((await fetchReport({ lang: 'en' })).status).toBe(401);
  });
});

test('the OpenAPI document gives the report as a PDF with its parameters', async () => {
  const operation = (await t.http.get('/api/docs-json')).body.paths['/api/stats/report'].get;
  expect(Object.keys(operation.responses['200'].content)).toEqual(['application/pdf']);
  expect(operation.parameters.map((parameter: { name: string }) => parameter.name).sort()).toEqual([
    'from',
    'lang',
    'regionId',
    'to',
  ]);
});

describe('the layout', () => {
  /** A national report with 90 regions: the comparison runs over pages. */
  const long = (): StatsReport => {
    const figures = {
      received: 1_234_567,
      decided: 1_000_000,
      favourable: 800_000,
      resolutionRate: 0.8,
      decidedOnTime: 900_000,
      slaCompliance: 0.9,
      forwarded: 12,
      forwardedOnTime: 12,
    };
    const regions = Array.from({ length: 90 }, (_, index) => ({
      key: `region-${index}`,
      label: `Region ${index}`,
      labels: { en: `Region ${index}`, kk: `Өңір ${index}`, ru: `Регион ${index}` },
      ...figures,
      open: index,
    }));
    return {
      language: 'en',
      from: '2026-01-01',
      to: '2026-11-24',
      timeZone: 'Asia/Almaty',
      generatedAt: new Date(),
      asOf: new Date(),
      region: null,
      overview: {
        from: '2026-01-01',
        to: '2026-11-24',
        regionId: null,
        timeZone: 'Asia/Almaty',
        asOf: new Date(),
        ...figures,
        forwardingCompliance: 1,
        medianWorkingDaysToDecision: 7.5,
        open: { total: 10, on_track: 4, at_risk: 3, breached: 2, paused: 1 },
        backlogByAge: [{ bucket: '0-5', minWorkingDays: 0, maxWorkingDays: 5, count: 10 }],
      },
      trend: Array.from({ length: 11 }, (_, index) => ({
        month: `2026-${String(index + 1).padStart(2, '0')}`,
        ...figures,
      })),
      categories: [],
      organisations: [],
      regions,
      findings: {
        from: '2026-01-01',
        to: '2026-11-24',
        regionId: null,
        timeZone: 'Asia/Almaty',
        kinds: [{ kind: 'sanitary', count: 1, amount: '9007199254740993.01' }],
        total: { count: 1, amount: '9007199254740993.01' },
      },
      funnel: {
        from: '2026-01-01',
        to: '2026-11-24',
        regionId: null,
        agency: null,
        counts: {
          referred: 5,
          underReview: 4,
          caseOpened: 3,
          refused: 1,
          sentToCourt: 2,
          verdict: 1,
          convicted: 1,
          acquitted: 0,
          dismissed: 0,
        },
        current: { referred: 1, under_review: 1, case_opened: 1, refused: 1, sent_to_court: 0, verdict: 1 },
        conversion: {
          underReview: 0.8,
          caseOpened: 0.75,
          refused: 0.2,
          sentToCourt: 0.6667,
          verdict: 0.5,
          convicted: 1,
        },
        medianDays: {
          referredToReview: 1,
          reviewToCaseOpened: 2,
          referredToRefused: 3,
          caseOpenedToCourt: 4,
          courtToVerdict: 5,
        },
        damagesRecovered: '0.00',
      },
    };
  };

  it('runs a long table over pages with its header on each, whole rows only, and numbers the pages', async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of renderStatsReport(long())) chunks.push(chunk as Buffer);
    const pages = await pdfPages(Buffer.concat(chunks));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const header = [en.columns.region, en.columns.received, en.columns.decided];
    const regionPages = pages.filter((lines) => lines.some((line) => /^Region \d+$/.test(line[0])));
    expect(regionPages.length).toBeGreaterThanOrEqual(2);
    for (const lines of regionPages) {
      const first = lines.findIndex((line) => /^Region \d+$/.test(line[0]));
      // The table's header stands above the first region of every page.
      expect(lines.slice(0, first).some((line) => header.every((cell, index) => line[index] === cell))).toBe(true);
    }
    const printed = pages.flat().filter((line) => /^Region \d+$/.test(line[0]));
    // Each region once, on one line with all its figures.
    expect(printed.map((line) => line[0])).toEqual(Array.from({ length: 90 }, (_, index) => `Region ${index}`));
    for (const line of printed) expect(line).toHaveLength(6);
    pages.forEach((lines, index) => {
      expect(lines[lines.length - 1]).toContain(en.page(index + 1, pages.length));
    });
    // 2^53 + 1: a float would have printed ...992.
    expect(pages.flat().find((line) => line[0] === en.findingKind.sanitary)?.[2]).toMatch(
      /^9\s007\s199\s254\s740\s993\.01$/,
    );
  });
});
