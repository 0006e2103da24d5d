import { randomUUID } from 'node:crypto';
import {
  APPEAL_STATUSES,
  computeDueAt,
  DUPLICATE_WINDOW_DAYS,
  formatAppealNumber,
  slaState,
  withCheckDigit,
  WorkingCalendar,
  type AppealChannel,
  type AppealKind,
  type AppealOutcome,
  type AppealStatus,
  type CalendarException,
  type OrganisationType,
  type SlaPause,
  type SlaPolicyTerms,
  type SlaState,
} from '@adaldesk/libs';
import type { EntityManager } from 'typeorm';
import type { ExtensionRequest, StoredPause } from '../appeals/appeal.entity.js';
import { hashPassword } from '../auth/auth.service.js';
import {
  ANONYMOUS_NOT_CONSIDERED,
  EXTENSION_REASONS,
  type Language,
  MATTERS,
  NAMES,
  OPENINGS,
  PRODUCTS,
  REGION_CENTRES,
  REMEDIES,
  REQUESTS,
  RESOLUTIONS,
  SLOT_VALUES,
  STREETS,
  toLatin,
} from './demo-appeal-texts.js';
import { DEMO_PASSWORD, REGIONS } from './reference-data.js';

export interface DemoAppealsOptions {
  count: number;
  /** The demo's present: appeals are received over the ten months before it. */
  now: Date;
  timeZone: string;
  workdayStart: string;
  workdayEnd: string;
  /** Only these regions (default all 20), e.g. to keep a test's rows apart from other tests. */
  regionCodes?: readonly string[];
  /** The same seed gives the same appeals (ids and numbers aside). */
  randomSeed?: number;
}

export interface DemoAppealsResult {
  appeals: number;
  organisations: number;
  officers: number;
}

const SPAN_DAYS = 300;
const DEMO_OFFICER_EMAIL = 'officer@demo.adaldesk.kz';
const MS_PER_DAY = 86_400_000;
/** PostgreSQL takes at most 65 535 parameters per statement. */
const MAX_PARAMETERS = 60_000;

/** Almaty city, where the demo users work, gets the most; then the big cities and the populous south. */
const REGION_WEIGHTS: Record<string, number> = {
  'KZ-75': 30,
  'KZ-71': 9,
  'KZ-79': 7,
  'KZ-61': 5,
  'KZ-19': 4,
  'KZ-35': 4,
  'KZ-63': 3,
  'KZ-31': 3,
};
const OTHER_REGION_WEIGHT = 2.5;

const CHANNEL_WEIGHTS: Record<AppealChannel, number> = {
  front_office: 22,
  call_center_109: 20,
  portal: 25,
  social_media: 8,
  reception: 9,
  live_broadcast: 3,
  email: 8,
  letter: 5,
};
/** Channels that only work in office hours on working days. */
const IN_PERSON_CHANNELS: readonly AppealChannel[] = ['front_office', 'reception', 'live_broadcast', 'letter'];

const KIND_WEIGHTS: Record<AppealKind, number> = { complaint: 63, request: 22, proposal: 9, report: 6 };

const CATEGORY_WEIGHTS: Record<string, number> = {
  school_repairs: 10,
  school_meals: 9,
  public_procurement: 9,
  market_prices: 7,
  land_relations: 11,
  housing_utilities: 16,
  healthcare: 9,
  social_support: 9,
  roads_transport: 8,
  budget_spending: 5,
  corruption_report: 3,
  other: 4,
};
const REPORT_CATEGORY_WEIGHTS: Record<string, number> = {
  corruption_report: 60,
  public_procurement: 20,
  budget_spending: 10,
  school_meals: 5,
  land_relations: 5,
};

/** Gives a resolution rate near 80 % over resolved and closed appeals. */
const OUTCOME_WEIGHTS: Record<AppealOutcome, number> = {
  satisfied: 61,
  partially_satisfied: 22,
  explained: 11,
  rejected: 6,
};

/** The kinds of organisation an appeal of a category is usually about, most likely first. */
const SUBJECT_TYPES: Record<string, readonly OrganisationType[]> = {
  school_repairs: ['school', 'state_body', 'akimat'],
  school_meals: ['school', 'state_body', 'akimat'],
  public_procurement: ['akimat', 'state_body', 'school', 'healthcare'],
  market_prices: ['market', 'akimat'],
  land_relations: ['akimat'],
  housing_utilities: ['utility', 'akimat'],
  healthcare: ['healthcare', 'akimat'],
  social_support: ['akimat', 'state_body'],
  roads_transport: ['akimat'],
  budget_spending: ['akimat', 'state_body', 'school'],
  corruption_report: ['akimat', 'healthcare', 'school', 'state_body', 'market'],
  other: ['akimat', 'state_body', 'healthcare', 'utility'],
};
const COMPETENT_BODY_TYPES: readonly OrganisationType[] = ['state_body', 'healthcare', 'utility', 'akimat'];

interface RegionRow {
  id: string;
  code: string;
}
interface CategoryRow {
  id: string;
  code: string;
  slaPolicyId: string;
}
interface PolicyRow extends SlaPolicyTerms {
  id: string;
  code: string;
}
interface OrganisationRow {
  id: string;
  name: string;
  type: OrganisationType;
  regionId: string;
}
interface StaffRow {
  id: string;
  email: string;
  regionId: string | null;
}

/** Who wrote, about what and whom: what a duplicate repeats of its original. */
interface Identity {
  region: RegionRow;
  kind: AppealKind;
  category: CategoryRow;
  organisation: OrganisationRow | null;
  anonymous: boolean;
  applicant: Applicant | null;
  language: Language;
}

interface Applicant {
  name: string;
  iin: string | null;
  bin: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
}

interface AppealRow {
  id: string;
  number: string;
  channel: AppealChannel;
  kind: AppealKind;
  receivedAt: Date;
  registeredAt: Date;
  registeredById: string;
  regionId: string;
  organisationId: string | null;
  categoryId: string | null;
  assigneeId: string | null;
  description: string;
  anonymous: boolean;
  confidential: boolean;
  applicant: Applicant | null;
  status: AppealStatus;
  outcome: AppealOutcome | null;
  resolutionText: string | null;
  forwardedToId: string | null;
  duplicateOfId: string | null;
  slaPolicyId: string;
  slaStartedAt: Date;
  slaPauses: StoredPause[];
  pausedSince: Date | null;
  extensionDays: number;
  extensionRequest: ExtensionRequest | null;
  dueAt: Date;
  warningAt: Date;
  decidedAt: Date | null;
  slaState: SlaState;
  warnedAt: Date | null;
  breachedAt: Date | null;
  version: number;
  updatedAt: Date;
}

/**
 * Demo appeals with their whole SLA picture: a few thousand spread over the last ten months across
 * the regions (most in Almaty city, where the demo users work), most of them decided, the recent ones
 * open at every step of the workflow, some at risk or breached, a few paused, extended, reopened or
 * duplicated. Registration, deadlines and SLA state come from the same library code as the API's.
 * Also adds regional organisations and one or more officers per region (who register the appeals).
 * One `create` audit event per appeal. Multi-row inserts: 3000 appeals take a few seconds.
 */
export async function seedDemoAppeals(manager: EntityManager, options: DemoAppealsOptions): Promise<DemoAppealsResult> {
  if (options.count <= 0) return { appeals: 0, organisations: 0, officers: 0 };
  const random = new Random(options.randomSeed ?? 2026);
  const regionCodes = options.regionCodes ?? REGIONS.map((region) => region.code);
  const regions: RegionRow[] = await manager.query(`SELECT id, code FROM regions WHERE code = ANY($1) ORDER BY code`, [
    regionCodes,
  ]);
  if (regions.length === 0) throw new Error(`seedDemoAppeals: none of the regions ${regionCodes.join(', ')} exist`);

  const organisations = await ensureOrganisations(manager, regions);
  const officers = await ensureOfficers(manager, regions);
  const context: SeedContext = {
    random,
    now: options.now,
    calendar: new WorkingCalendar(await calendarExceptions(manager), {
      timeZone: options.timeZone,
      workdayStart: options.workdayStart,
      workdayEnd: options.workdayEnd,
    }),
    categories: await manager.query(
      `SELECT id, code, sla_policy_id AS "slaPolicyId" FROM categories WHERE active ORDER BY code`,
    ),
    policies: await manager.query(
      `SELECT id, code, goal_amount AS "goalAmount", goal_unit AS "goalUnit", warning_percent AS "warningPercent",
              max_extension_days AS "maxExtensionDays"
         FROM sla_policies`,
    ),
    organisations: organisations.all,
    staff: await manager.query(
      `SELECT id, email, region_id AS "regionId" FROM users
        WHERE active AND (role = 'admin' AND region_id IS NULL OR role = 'officer' AND region_id = ANY($1))
        ORDER BY email`,
      [regions.map((region) => region.id)],
    ),
  };

  const receipts = Array.from({ length: options.count }, () => {
    const region = random.weighted(regions, (r) => REGION_WEIGHTS[r.code] ?? OTHER_REGION_WEIGHT);
    const channel = random.weightedKey(CHANNEL_WEIGHTS);
    return { region, channel, receivedAt: receivedAt(context, channel) };
  }).sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());

  const numbers: { n: string }[] = await manager.query(
    `SELECT nextval('appeal_number_seq') AS n FROM generate_series(1, $1)`,
    [options.count],
  );
  const sequence = numbers.map((row) => Number(row.n)).sort((a, b) => a - b);

  const drawn: DrawnAppeal[] = [];
  for (const receipt of receipts) {
    const original = random.chance(0.02) ? duplicateCandidate(random, drawn, receipt.receivedAt) : null;
    const identity = original ? original.identity : newIdentity(context, receipt.region, receipt.channel);
    drawn.push({ ...buildAppeal(context, identity, receipt.channel, receipt.receivedAt, original), identity });
  }
  completeTheWorkflow(context, regions, drawn);
  drawn.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
  const appeals = drawn.map((appeal, index) => {
    const year = Number(context.calendar.localDate(appeal.registeredAt).slice(0, 4));
    return { ...appeal, number: formatAppealNumber(year, sequence[index]) };
  });

  await insertRows(manager, 'appeals', APPEAL_COLUMNS, appeals.map(appealValues));
  await insertRows(
    manager,
    'audit_events',
    ['occurred_at', 'action', 'entity_type', 'entity_id', 'region_id', 'after'],
    appeals.map((appeal) => [
      appeal.receivedAt,
      'create',
      'appeals',
      appeal.id,
      appeal.regionId,
      JSON.stringify({ number: appeal.number, status: 'registered' }),
    ]),
  );
  return { appeals: appeals.length, organisations: organisations.created, officers: officers.created };
}

type DrawnAppeal = Omit<AppealRow, 'number'> & { identity: Identity };

/** What a demo shows whatever its date: every status, and open appeals in every SLA state. */
const SHOWCASE: readonly { name: string; holds: (appeal: Omit<AppealRow, 'number'>) => boolean }[] = [
  ...APPEAL_STATUSES.map((status) => ({
    name: status,
    holds: (appeal: { status: AppealStatus }) => appeal.status === status,
  })),
  ...(['on_track', 'at_risk', 'breached', 'paused'] as const).map((state) => ({
    name: `open and ${state}`,
    holds: (appeal: { decidedAt: Date | null; slaState: SlaState }) =>
      appeal.decidedAt === null && appeal.slaState === state,
  })),
];
/** How far back an appeal drawn for the showcase may be received: past a warning point of 15 working days. */
const SHOWCASE_SPAN_DAYS = 40;
const SHOWCASE_ATTEMPTS = 5000;

/**
 * Chance alone leaves some steps empty on some dates: on a Saturday nothing has just been triaged, and
 * a reopened appeal is rare. For each case of the showcase that no appeal shows, recent appeals are
 * drawn until one does, and it takes the place of a closed appeal that no duplicate points at.
 */
function completeTheWorkflow(context: SeedContext, regions: readonly RegionRow[], appeals: DrawnAppeal[]): void {
  const { random } = context;
  for (const showcase of SHOWCASE) {
    if (appeals.some(showcase.holds)) continue;
    const pointedAt = new Set(appeals.map((appeal) => appeal.duplicateOfId));
    const replaceable = appeals.findLastIndex(
      (appeal) => appeal.status === 'closed' && appeal.duplicateOfId === null && !pointedAt.has(appeal.id),
    );
    if (replaceable < 0) return;
    for (let attempt = 0; attempt < SHOWCASE_ATTEMPTS; attempt++) {
      const region = random.weighted(regions, (r) => REGION_WEIGHTS[r.code] ?? OTHER_REGION_WEIGHT);
      const channel = random.weightedKey(CHANNEL_WEIGHTS);
      const identity = newIdentity(context, region, channel);
      const received = receivedAt(context, channel, SHOWCASE_SPAN_DAYS);
      const appeal = buildAppeal(context, identity, channel, received, null);
      if (!showcase.holds(appeal)) continue;
      appeals[replaceable] = { ...appeal, identity };
      break;
    }
  }
}

interface SeedContext {
  random: Random;
  now: Date;
  calendar: WorkingCalendar;
  categories: CategoryRow[];
  policies: PolicyRow[];
  organisations: OrganisationRow[];
  staff: StaffRow[];
}

export async function calendarExceptions(manager: EntityManager): Promise<CalendarException[]> {
  return manager.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date, kind FROM calendar_days ORDER BY date`);
}

/** When an appeal came in: in-person channels in office hours of working days, the others at any time. */
function receivedAt(context: SeedContext, channel: AppealChannel, spanDays = SPAN_DAYS): Date {
  const { calendar, random, now } = context;
  const today = Date.parse(`${calendar.localDate(now)}T00:00:00Z`);
  const [startHour, endHour] = [calendar.workdayStart, calendar.workdayEnd].map((time) => Number(time.slice(0, 2)));
  for (;;) {
    // Slightly more in recent months: the offices became better known.
    const date = new Date(today - Math.floor(spanDays * random.next() ** 1.15) * MS_PER_DAY).toISOString().slice(0, 10);
    let hour: number;
    if (IN_PERSON_CHANNELS.includes(channel)) {
      if (!calendar.isWorkingDay(date)) continue;
      hour = random.int(startHour, endHour - 1);
    } else if (channel === 'call_center_109') {
      hour = random.int(8, 21);
    } else {
      hour = random.chance(0.8) ? random.int(8, 22) : random.int(0, 23);
    }
    const time = `${String(hour).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}`;
    const instant = calendar.localDateTime(date, time);
    if (instant.getTime() <= now.getTime()) return instant;
  }
}

/** A recent appeal of a named applicant about an organisation, within the duplicate window. */
function duplicateCandidate(random: Random, earlier: readonly DrawnAppeal[], receivedAt: Date): DrawnAppeal | null {
  const windowStart = receivedAt.getTime() - DUPLICATE_WINDOW_DAYS * MS_PER_DAY;
  const candidates = [];
  for (let index = earlier.length - 1; index >= 0 && earlier[index].receivedAt.getTime() > windowStart; index--) {
    const appeal = earlier[index];
    if (appeal.organisationId && (appeal.applicant?.iin || appeal.applicant?.bin) && !appeal.duplicateOfId) {
      candidates.push(appeal);
    }
  }
  return candidates.length > 0 ? random.pick(candidates) : null;
}

function newIdentity(context: SeedContext, region: RegionRow, channel: AppealChannel): Identity {
  const { random } = context;
  const kind = random.weightedKey(KIND_WEIGHTS);
  const categoryCode = random.weightedKey(kind === 'report' ? REPORT_CATEGORY_WEIGHTS : CATEGORY_WEIGHTS);
  const category = context.categories.find((c) => c.code === categoryCode) ?? random.pick(context.categories);
  // Anonymous appeals are considered only when they report a crime; a few others come in all the same.
  const anonymous = kind === 'report' ? random.chance(0.35) : random.chance(0.025);
  const applicant = anonymous ? null : newApplicant(random, region.code, channel);
  const language: Language = random.chance(applicant && isRussianName(applicant) ? 0.92 : 0.35) ? 'ru' : 'kk';
  return {
    region,
    kind,
    category,
    organisation: random.chance(0.93) ? subjectOrganisation(context, region, category.code) : null,
    anonymous,
    applicant,
    language,
  };
}

const RUSSIAN_SURNAMES = new Set<string>(NAMES.russian.surnames.flatMap((surname) => [surname, `${surname}а`]));
const isRussianName = (applicant: Applicant) => RUSSIAN_SURNAMES.has(applicant.name.split(' ')[0]);

function subjectOrganisation(context: SeedContext, region: RegionRow, categoryCode: string): OrganisationRow | null {
  const inRegion = context.organisations.filter((organisation) => organisation.regionId === region.id);
  for (const type of SUBJECT_TYPES[categoryCode] ?? COMPETENT_BODY_TYPES) {
    const matching = inRegion.filter((organisation) => organisation.type === type);
    if (matching.length > 0 && context.random.chance(0.85)) return context.random.pick(matching);
  }
  return inRegion.length > 0 ? context.random.pick(inRegion) : null;
}

function forwardTarget(context: SeedContext, identity: Identity, crime: boolean): string {
  const inRegion = context.organisations.filter(
    (organisation) => organisation.regionId === identity.region.id && organisation.id !== identity.organisation?.id,
  );
  const preferred = inRegion.filter((organisation) =>
    crime ? organisation.type === 'law_enforcement' : COMPETENT_BODY_TYPES.includes(organisation.type),
  );
  const pool = preferred.length > 0 ? preferred : inRegion.length > 0 ? inRegion : context.organisations;
  return context.random.pick(pool).id;
}

function newApplicant(random: Random, regionCode: string, channel: AppealChannel): Applicant {
  const centre = REGION_CENTRES[regionCode] ?? REGION_CENTRES['KZ-75'];
  const language: Language = random.chance(0.5) ? 'kk' : 'ru';
  const address =
    language === 'kk'
      ? `${centre.kk} қ., ${random.pick(STREETS.kk)}, ${random.int(1, 180)}-үй, ${random.int(1, 160)}-пәтер`
      : `г. ${centre.ru}, ${random.pick(STREETS.ru)}, д. ${random.int(1, 180)}, кв. ${random.int(1, 160)}`;
  const phone = `+7 ${random.pick(['701', '702', '705', '707', '747', '771', '775', '777', '778'])} ${random.digits(3)} ${random.digits(2)} ${random.digits(2)}`;
  const wantsEmail = channel === 'portal' || channel === 'email' ? random.chance(0.85) : random.chance(0.15);
  if (random.chance(0.04)) {
    const name = random.pick(NAMES.companies);
    return {
      name,
      iin: null,
      bin: randomNumber(() => `${random.digits(2)}${String(random.int(1, 12)).padStart(2, '0')}4${random.digits(6)}`),
      phone,
      email: wantsEmail ? `info@${toLatin(name.replace(/ЖШС|ТОО/, '')) || 'company'}.kz` : null,
      address: random.chance(0.8) ? address : null,
    };
  }
  const person = newPerson(random);
  const birthYear = random.int(1946, 2007);
  const birth = `${String(birthYear % 100).padStart(2, '0')}${String(random.int(1, 12)).padStart(2, '0')}${String(random.int(1, 28)).padStart(2, '0')}`;
  const centuryAndSex = (birthYear >= 2000 ? 5 : 3) + (person.female ? 1 : 0);
  return {
    name: person.fullName,
    iin: randomNumber(() => `${birth}${centuryAndSex}${random.digits(4)}`),
    bin: null,
    phone: random.chance(0.85) ? phone : null,
    email: wantsEmail ? `${person.latin}${random.int(1, 99)}@mail.kz` : null,
    address: random.chance(channel === 'letter' || channel === 'front_office' ? 0.9 : 0.5) ? address : null,
  };
}

function newPerson(random: Random): { fullName: string; latin: string; female: boolean } {
  const female = random.chance(0.55);
  if (random.chance(0.72)) {
    const names = NAMES.kazakh;
    const first = random.pick(female ? names.female : names.male);
    const surname = random.pick(names.surnames) + (female ? 'а' : '');
    const father = random.pick(names.fathers) + (female ? 'қызы' : 'ұлы');
    return { fullName: `${surname} ${first} ${father}`, latin: `${toLatin(first)}.${toLatin(surname)}`, female };
  }
  const names = NAMES.russian;
  const first = random.pick(female ? names.female : names.male);
  const surname = random.pick(names.surnames) + (female ? 'а' : '');
  const patronymic = random.pick(names.patronymics)[female ? 1 : 0];
  return { fullName: `${surname} ${first} ${patronymic}`, latin: `${toLatin(first)}.${toLatin(surname)}`, female };
}

/** 11 random digits completed by their check digit; redrawn in the rare case no check digit exists. */
function randomNumber(first11: () => string): string {
  for (;;) {
    const number = withCheckDigit(first11());
    if (number) return number;
  }
}

function description(context: SeedContext, identity: Identity, receivedAt: Date): string {
  const { random } = context;
  const language = identity.language;
  const organisationName = identity.organisation?.name ?? null;
  const matters = MATTERS[identity.category.code] ?? MATTERS.other;
  const usable = matters[language].filter((template) => organisationName !== null || !template.includes('{org}'));
  const product = random.pick(PRODUCTS);
  const oldPrice = Math.round((product.basePrice * (0.95 + random.next() * 0.1)) / 10) * 10;
  const tenge = language === 'kk' ? 'теңге' : 'тенге';
  const slots: Record<string, string> = {
    org: organisationName ?? '',
    amount: `${(1.5 + random.next() * 45).toFixed(1).replace('.', ',')} млн ${tenge}`,
    year: String(Number(context.calendar.localDate(receivedAt).slice(0, 4)) - random.int(0, 2)),
    count: String(random.int(120, 640)),
    product: language === 'kk' ? product.kk : product.ru,
    productAccusative: product.ruAccusative,
    oldPrice: String(oldPrice),
    price: String(Math.round((oldPrice * (1.15 + random.next() * 0.45)) / 10) * 10),
    street: random.pick(STREETS[language]),
    house: String(random.int(1, 120)),
    months: String(random.int(5, 11)),
    hours: String(random.int(2, 4)),
    bribe: random.pick(['50 000', '100 000', '150 000', '300 000', '500 000']),
  };
  for (const [slot, values] of Object.entries(SLOT_VALUES)) slots[slot] = random.pick(values[language]);
  const fill = (template: string) => template.replace(/\{(\w+)\}/g, (_, slot: string) => slots[slot] ?? slot);
  return [random.pick(OPENINGS[language]), fill(random.pick(usable)), random.pick(REQUESTS[identity.kind][language])]
    .filter(Boolean)
    .join(' ');
}

const REPEAT_PREFIX: Record<Language, string> = {
  kk: 'Қайталап жазып отырмын, жауап әлі жоқ.',
  ru: 'Пишу повторно, ответа до сих пор нет.',
};

/**
 * One appeal's life so far. Its steps are planned in working time after registration (a working day
 * is `day` ms of it), then cut at `now`: what lies before is done, which gives the status; the
 * deadline, warning point and SLA state are then computed exactly as the API does.
 */
function buildAppeal(
  context: SeedContext,
  identity: Identity,
  channel: AppealChannel,
  received: Date,
  original: Omit<AppealRow, 'number'> | null,
): Omit<AppealRow, 'number'> {
  const { random, calendar, now } = context;
  const day = calendar.workingDayMillis;
  const { registeredAt } = calendar.registration(received);
  const at = (offset: number) => calendar.addWorkingMillis(registeredAt, offset);
  // Appeals older than four months are long settled; this spares walking the calendar day by day.
  const nowOffset =
    now.getTime() - registeredAt.getTime() > 120 * MS_PER_DAY
      ? Number.MAX_SAFE_INTEGER
      : calendar.workingMillisBetween(registeredAt, now);
  const happened = (offset: number) => offset <= nowOffset;

  const crime = identity.kind === 'report' || identity.category.code === 'corruption_report';
  const notConsidered = identity.anonymous && !crime;
  const forwardOffset = crime
    ? random.chance(0.92)
      ? random.between(0.05, 1.3) * day
      : null
    : !notConsidered && random.chance(0.03)
      ? (random.chance(0.9) ? random.between(0.2, 2.9) : random.between(3.1, 4.5)) * day
      : null;

  const regionStaff = context.staff.filter((user) => user.regionId === identity.region.id);
  const pickOfficer = () => {
    if (regionStaff.length === 0) return context.staff.find((user) => user.regionId === null)!.id;
    const demoOfficer = regionStaff.find((user) => user.email === DEMO_OFFICER_EMAIL);
    return demoOfficer && random.chance(0.45) ? demoOfficer.id : random.pick(regionStaff).id;
  };
  const registeredById = pickOfficer();
  const assignee = pickOfficer();

  const standardPolicy = context.policies.find((policy) => policy.id === identity.category.slaPolicyId)!;
  const policyNamed = (code: string) => context.policies.find((policy) => policy.code === code) ?? standardPolicy;
  let policy = crime ? policyNamed('crime_report') : standardPolicy;

  let status: AppealStatus;
  let version = 1;
  let lastChange = registeredAt;
  let outcome: AppealOutcome | null = null;
  let resolutionText: string | null = null;
  let forwardedToId: string | null = null;
  let decidedAt: Date | null = null;
  let assigneeId: string | null = null;
  let slaStartedAt = registeredAt;
  let pauses: SlaPause[] = [];
  let extensionDays = 0;
  let extensionRequest: ExtensionRequest | null = null;
  const step = (offset: number) => {
    version += 1;
    lastChange = at(offset);
  };

  if (forwardOffset !== null) {
    const triageOffset = crime ? null : forwardOffset * random.between(0.3, 0.8);
    if (triageOffset !== null && happened(triageOffset)) step(triageOffset);
    if (happened(forwardOffset)) {
      step(forwardOffset);
      status = 'forwarded';
      decidedAt = lastChange;
      forwardedToId = forwardTarget(context, identity, crime);
      if (!crime) policy = policyNamed('appeal_forward');
    } else {
      status = triageOffset !== null && happened(triageOffset) ? 'triaged' : 'registered';
    }
    if (status !== 'registered') assigneeId = assignee;
  } else if (notConsidered) {
    const closeOffset = random.between(0.3, 2.5) * day;
    status = happened(closeOffset) ? 'closed' : 'registered';
    if (status === 'closed') {
      step(closeOffset);
      step(closeOffset);
      decidedAt = lastChange;
      assigneeId = assignee;
      outcome = 'explained';
      resolutionText = ANONYMOUS_NOT_CONSIDERED[identity.language];
    }
  } else {
    const triageOffset = random.between(0.02, 1.2) * day;
    const startOffset = triageOffset + random.between(0.02, 1) * day;
    const extension = policy.maxExtensionDays >= 5 && random.chance(0.04) ? random.pick([5, 10]) : 0;
    const roll = random.next();
    const handlingDays =
      roll < 0.01
        ? Infinity // stuck: still open months later, long breached
        : extension > 0
          ? random.between(12, policy.goalAmount + extension - 0.5)
          : roll < 0.62
            ? random.between(3, 12)
            : roll < 0.9
              ? random.between(12, 14.9)
              : random.between(15, 24);
    let decisionOffset = Math.max(startOffset + 0.1 * day, handlingDays * day);
    let pause: { from: number; to: number } | null = null;
    if (random.chance(0.15)) {
      const from = Number.isFinite(decisionOffset)
        ? random.between(startOffset, decisionOffset - 0.1 * day)
        : startOffset + random.between(1, 10) * day;
      const length = Number.isFinite(decisionOffset) || random.chance(0.6) ? random.between(2, 8) * day : Infinity;
      pause = { from, to: from + length };
      decisionOffset += length;
    }

    if (happened(triageOffset)) {
      step(triageOffset);
      assigneeId = assignee;
    }
    if (happened(startOffset)) step(startOffset);
    if (pause && happened(pause.from)) {
      step(pause.from);
      const resumed = happened(pause.to);
      if (resumed) step(pause.to);
      pauses = [{ from: at(pause.from), to: resumed ? at(pause.to) : null }];
    }
    const extensionOffset = 11 * day;
    if (extension > 0 && happened(extensionOffset) && extensionOffset < decisionOffset) {
      step(extensionOffset);
      step(extensionOffset + 0.3 * day);
      extensionDays = extension;
    }

    if (happened(decisionOffset)) {
      step(decisionOffset);
      decidedAt = lastChange;
      outcome = random.weightedKey(OUTCOME_WEIGHTS);
      resolutionText = random
        .pick(RESOLUTIONS[outcome][identity.language])
        .replace('{remedy}', (REMEDIES[identity.category.code] ?? REMEDIES.other)[identity.language]);
      const closeOffset = decisionOffset + random.between(1, 8) * day;
      status = happened(closeOffset) && random.chance(0.96) ? 'closed' : 'resolved';
      if (status === 'closed') step(closeOffset);
      const sinceDecision = nowOffset - decisionOffset;
      if (sinceDecision > day && sinceDecision < 15 * day && random.chance(0.06)) {
        const reopenOffset = decisionOffset + random.between(0.5, Math.min(sinceDecision, 10 * day) / day) * day;
        step(reopenOffset);
        status = 'reopened';
        slaStartedAt = lastChange;
        pauses = [];
        extensionDays = 0;
        decidedAt = null;
        outcome = null;
        resolutionText = null;
      }
    } else if (pauses.length > 0 && pauses[0].to === null) {
      status = 'awaiting_info';
    } else if (happened(startOffset)) {
      status = 'in_progress';
    } else {
      status = happened(triageOffset) ? 'triaged' : 'registered';
    }

    const requestOffset = 10.5 * day;
    if (
      (status === 'in_progress' || status === 'awaiting_info') &&
      extensionDays === 0 &&
      policy.maxExtensionDays >= 5 &&
      happened(requestOffset) &&
      random.chance(0.3)
    ) {
      step(requestOffset);
      extensionRequest = {
        days: 5,
        reason: EXTENSION_REASONS[identity.language],
        requestedById: assignee,
        requestedAt: at(requestOffset).toISOString(),
      };
    }
  }

  const { dueAt, warningAt } = computeDueAt({
    calendar,
    policy,
    registeredAt: slaStartedAt,
    pauses,
    extensionDays,
  });
  const pausedSince = status === 'awaiting_info' ? pauses[0].from : null;
  const stoppedAt = decidedAt ?? pausedSince ?? now;
  const applicant = identity.applicant;
  let text = description(context, identity, received);
  if (original) text = `${REPEAT_PREFIX[identity.language]} ${original.description}`;
  const categoryKnown = status !== 'registered' || crime || random.chance(0.5);
  return {
    id: randomUUID(),
    channel,
    kind: identity.kind,
    receivedAt: received,
    registeredAt,
    registeredById,
    regionId: identity.region.id,
    organisationId: identity.organisation?.id ?? null,
    categoryId: categoryKnown ? identity.category.id : null,
    assigneeId,
    description: text,
    anonymous: identity.anonymous,
    confidential: crime ? random.chance(0.5) : random.chance(0.03),
    applicant,
    status,
    outcome,
    resolutionText,
    forwardedToId,
    duplicateOfId: original?.id ?? null,
    slaPolicyId: policy.id,
    slaStartedAt,
    slaPauses: pauses.map((pause) => ({ from: pause.from.toISOString(), to: pause.to?.toISOString() ?? null })),
    pausedSince,
    extensionDays,
    extensionRequest,
    dueAt,
    warningAt,
    decidedAt,
    slaState: slaState({ now, dueAt, warningAt, pausedSince, decidedAt }),
    warnedAt: warningAt <= stoppedAt ? warningAt : null,
    breachedAt: dueAt < stoppedAt ? dueAt : null,
    version,
    updatedAt: lastChange,
  };
}

const APPEAL_COLUMNS = [
  'id',
  'number',
  'channel',
  'kind',
  'received_at',
  'registered_at',
  'registered_by_id',
  'region_id',
  'organisation_id',
  'category_id',
  'assignee_id',
  'description',
  'anonymous',
  'confidential',
  'applicant_name',
  'applicant_iin',
  'applicant_bin',
  'applicant_phone',
  'applicant_email',
  'applicant_address',
  'status',
  'outcome',
  'resolution_text',
  'forwarded_to_id',
  'duplicate_of_id',
  'sla_policy_id',
  'sla_started_at',
  'sla_pauses',
  'paused_since',
  'extension_days',
  'extension_request',
  'due_at',
  'warning_at',
  'decided_at',
  'sla_state',
  'warned_at',
  'breached_at',
  'version',
  'created_at',
  'updated_at',
] as const;

function appealValues(appeal: AppealRow): unknown[] {
  const applicant = appeal.applicant;
  return [
    appeal.id,
    appeal.number,
    appeal.channel,
    appeal.kind,
    appeal.receivedAt,
    appeal.registeredAt,
    appeal.registeredById,
    appeal.regionId,
    appeal.organisationId,
    appeal.categoryId,
    appeal.assigneeId,
    appeal.description,
    appeal.anonymous,
    appeal.confidential,
    applicant?.name ?? null,
    applicant?.iin ?? null,
    applicant?.bin ?? null,
    applicant?.phone ?? null,
    applicant?.email ?? null,
    applicant?.address ?? null,
    appeal.status,
    appeal.outcome,
    appeal.resolutionText,
    appeal.forwardedToId,
    appeal.duplicateOfId,
    appeal.slaPolicyId,
    appeal.slaStartedAt,
    JSON.stringify(appeal.slaPauses),
    appeal.pausedSince,
    appeal.extensionDays,
    appeal.extensionRequest ? JSON.stringify(appeal.extensionRequest) : null,
    appeal.dueAt,
    appeal.warningAt,
    appeal.decidedAt,
    appeal.slaState,
    appeal.warnedAt,
    appeal.breachedAt,
    appeal.version,
    appeal.receivedAt,
    appeal.updatedAt,
  ];
}

/** Multi-row INSERTs, as many rows per statement as PostgreSQL's parameter limit allows. */
export async function insertRows(
  manager: EntityManager,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
  suffix = '',
): Promise<Record<string, unknown>[]> {
  const inserted: Record<string, unknown>[] = [];
  const batchSize = Math.floor(MAX_PARAMETERS / columns.length);
  for (let start = 0; start < rows.length; start += batchSize) {
    const parameters: unknown[] = [];
    const tuples = rows.slice(start, start + batchSize).map((row) => {
      const placeholders = row.map((value) => `$${parameters.push(value)}`);
      return `(${placeholders.join(', ')})`;
    });
    const result = await manager.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ${suffix}`,
      parameters,
    );
    if (suffix) inserted.push(...(result as Record<string, unknown>[]));
  }
  return inserted;
}

interface OrganisationSeed {
  name: string;
  type: OrganisationType;
  regionId: string;
  address: string;
  bin: string;
}

/** An akimat, a school and the anti-corruption department per region; markets, clinics, utilities in cities. */
async function ensureOrganisations(
  manager: EntityManager,
  regions: readonly RegionRow[],
): Promise<{ all: OrganisationRow[]; created: number }> {
  const seeds: OrganisationSeed[] = [];
  for (const region of regions) {
    const reference = REGIONS.find((r) => r.code === region.code);
    const centre = REGION_CENTRES[region.code];
    if (!reference || !centre) continue;
    const regionNumber = region.code.slice(3);
    const add = (name: string, type: OrganisationType, street: string) => {
      const serial = seeds.filter((seed) => seed.regionId === region.id).length;
      seeds.push({
        name,
        type,
        regionId: region.id,
        address: `${centre.kk} қ., ${street}`,
        bin: binFor(regionNumber, serial),
      });
    };
    const schoolNumber = 10 + ((Number(regionNumber) * 7) % 90);
    add(`${reference.nameKk} әкімдігі`, 'akimat', 'Тәуелсіздік алаңы, 1');
    add(`${centre.kk} қаласының № ${schoolNumber} мектеп-гимназиясы`, 'school', 'Абай даңғылы, 25');
    add(
      `Сыбайлас жемқорлыққа қарсы іс-қимыл агенттігінің ${reference.nameKk} бойынша департаменті`,
      'law_enforcement',
      'Бейбітшілік көшесі, 8',
    );
    if (centre.market) add(`«${centre.market}» базары`, 'market', 'Райымбек даңғылы, 120');
    if (reference.kind === 'city') {
      add(`${centre.kk} қаласының № ${schoolNumber - 5} қалалық емханасы`, 'healthcare', 'Төле би көшесі, 60');
      add(`«${centre.kk} жылу желілері» МКК`, 'utility', 'Сейфуллин көшесі, 310');
    }
  }
  const inserted = await insertRows(
    manager,
    'organisations',
    ['name', 'bin', 'type', 'region_id', 'address'],
    seeds.map((seed) => [seed.name, seed.bin, seed.type, seed.regionId, seed.address]),
    'ON CONFLICT (bin) DO NOTHING RETURNING id',
  );
  const all: OrganisationRow[] = await manager.query(
    `SELECT id, name, type, region_id AS "regionId" FROM organisations WHERE region_id = ANY($1) ORDER BY bin`,
    [regions.map((region) => region.id)],
  );
  return { all, created: inserted.length };
}

/** A BIN of a resident legal entity: YYMM, 4, 0, the region number and a serial, then the check digit. */
function binFor(regionNumber: string, serial: number): string {
  for (let attempt = 0; ; attempt++) {
    const bin = withCheckDigit(
      `0${serial % 10}${String(1 + ((Number(regionNumber) + serial) % 12)).padStart(2, '0')}40${regionNumber}` +
        String(101 + serial + attempt * 100).padStart(3, '0'),
    );
    if (bin) return bin;
  }
}

/** One officer per region, and three more in Almaty city, the demo office; they share the demo password. */
async function ensureOfficers(manager: EntityManager, regions: readonly RegionRow[]): Promise<{ created: number }> {
  const seeds: { email: string; fullName: string; regionId: string }[] = [];
  for (const region of regions) {
    const extra = region.code === 'KZ-75' ? 3 : 1;
    for (let k = 0; k < extra; k++) {
      const index = REGIONS.findIndex((r) => r.code === region.code) * 3 + k;
      const female = index % 2 === 1;
      const names = NAMES.kazakh;
      const first = (female ? names.female : names.male)[index % names.male.length];
      const surname = names.surnames[index % names.surnames.length] + (female ? 'а' : '');
      seeds.push({
        email: `${toLatin(first)}.${toLatin(surname)}.${region.code.toLowerCase()}@demo.adaldesk.kz`,
        fullName: `${surname} ${first}`,
        regionId: region.id,
      });
    }
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const created = await insertRows(
    manager,
    'users',
    ['email', 'full_name', 'role', 'region_id', 'password_hash'],
    seeds.map((seed) => [seed.email, seed.fullName, 'officer', seed.regionId, passwordHash]),
    `ON CONFLICT ((lower(email))) DO NOTHING
     RETURNING id, email, full_name AS "fullName", role, region_id AS "regionId", active, created_at AS "createdAt"`,
  );
  await insertRows(
    manager,
    'audit_events',
    ['action', 'entity_type', 'entity_id', 'region_id', 'after'],
    created.map((user) => ['create', 'users', user.id, user.regionId, JSON.stringify(user)]),
  );
  return { created: created.length };
}

/** A small seeded generator (mulberry32): demo data that looks random but is the same every time. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  digits(count: number): string {
    return Array.from({ length: count }, () => this.int(0, 9)).join('');
  }

  weighted<T>(items: readonly T[], weight: (item: T) => number): T {
    const total = items.reduce((sum, item) => sum + weight(item), 0);
    let roll = this.next() * total;
    for (const item of items) {
      roll -= weight(item);
      if (roll < 0) return item;
    }
    return items[items.length - 1];
  }

  weightedKey<K extends string>(weights: Record<K, number>): K {
    return this.weighted(Object.keys(weights) as K[], (key) => weights[key]);
  }
}
