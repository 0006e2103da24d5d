import { randomUUID } from 'node:crypto';
import { formatReferralNumber, type ReferralAgency, type ReferralStatus, type ReferralVerdict } from '@adaldesk/libs';
import type { EntityManager } from 'typeorm';
import { insertRows, Random } from './demo-appeals.js';

export interface DemoReferralsOptions {
  /** The demo's present: referrals are sent over the twelve months before it. */
  now: Date;
  /** Days a referral waits for an outcome before its owner is reminded (`REFERRAL_FOLLOW_UP_DAYS`). */
  followUpDays?: number;
  randomSeed?: number;
}

export interface DemoReferralsResult {
  ids: string[];
  caseOpened: number;
  sentToCourt: number;
}

/**
 * Where the demo's referrals stand, shaped like the seed figures: 192 criminal cases opened in twelve
 * months, 126 of them sent to court, beside materials still waiting, under review or refused.
 */
const FINAL_STAGES: Record<string, number> = {
  referred: 14,
  under_review: 26,
  refused_on_receipt: 20,
  refused_after_review: 38,
  case_opened: 66,
  sent_to_court: 40,
  convicted: 70,
  acquitted: 6,
  dismissed: 10,
};
const SPAN_DAYS = 364;
const MS_PER_DAY = 86_400_000;

const AGENCY_WEIGHTS: Record<ReferralAgency, number> = {
  anti_corruption: 58,
  prosecutor: 18,
  police: 13,
  financial_monitoring: 8,
  other: 3,
};
const AGENCY_UNITS: Record<ReferralAgency, readonly string[]> = {
  anti_corruption: ['Сыбайлас жемқорлыққа қарсы қызмет департаменті', 'Департамент Антикоррупционной службы'],
  prosecutor: ['Облыс прокуратурасы', 'Прокуратура района', 'Қалалық прокуратура'],
  police: ['Полиция департаменті, экономикалық тергеу басқармасы', 'Управление полиции города'],
  financial_monitoring: ['Экономикалық тергеу департаменті', 'Департамент экономических расследований'],
  other: ['Мемлекеттік кірістер департаменті', 'Департамент государственных доходов'],
};
const REGION_WEIGHTS: Record<string, number> = { 'KZ-75': 30, 'KZ-71': 9, 'KZ-79': 7, 'KZ-61': 5, 'KZ-19': 4 };

const MATTERS = [
  'Мектептің күрделі жөндеуіне бөлінген қаражатты жымқыру',
  'Хищение средств, выделенных на капитальный ремонт школы',
  'Мектеп асханасына азық-түлік сатып алудағы алаяқтық',
  'Мошенничество при закупках продуктов для школьного питания',
  'Мемлекеттік сатып алудағы бағаны қасақана көтеру',
  'Завышение цен при государственных закупках медицинского оборудования',
  'Жер учаскесін бөлу үшін пара алу',
  'Получение взятки за выделение земельного участка',
  'Бюджет қаражатын жалған актілер арқылы игеру',
  'Освоение бюджетных средств по фиктивным актам выполненных работ',
  'Базар орындарын жалға беруде қызмет өкілеттігін теріс пайдалану',
  'Злоупотребление должностными полномочиями при сдаче торговых мест рынка',
  'Жол жөндеу жұмыстарының көлемін жалған көрсету',
  'Приписки объёмов работ по ремонту дорог',
];
const POSITIONS = [
  'мектеп директоры',
  'директор школы',
  'бас есепші',
  'главный бухгалтер',
  'аудан әкімінің орынбасары',
  'руководитель отдела закупок',
  'бөлім басшысы',
  'директор ТОО-поставщика',
  'базар әкімшілігінің директоры',
];
const SURNAMES = ['Әбенов', 'Сейітов', 'Жұмабаев', 'Ким', 'Нұрланов', 'Петров', 'Омаров', 'Бекова', 'Ахметова', 'Ли'];
const GIVEN = ['Қанат', 'Ерлан', 'Дәурен', 'Сергей', 'Айгүл', 'Гүлнар', 'Марат', 'Алия', 'Нұржан', 'Ольга'];
const REFUSALS = [
  'Қылмыс құрамы жоқ (ҚПК 35-бабы 1-бөлігінің 2) тармағы)',
  'Отсутствие состава уголовного правонарушения (п. 2 ч. 1 ст. 35 УПК)',
  'Материалдар әкімшілік құқық бұзушылық ретінде қаралуға жіберілді',
  'Ущерб возмещён до начала расследования, признаки преступления не подтвердились',
];
const SANCTIONS = [
  'Бас бостандығынан 5 жылға айыру, мемлекеттік қызметте болу құқығынан өмір бойы айыру',
  'Лишение свободы на 4 года с пожизненным запретом занимать государственные должности',
  'Штраф 10 000 АЕК, мүлкі тәркіленіп, қызмет атқару құқығынан 10 жылға айыру',
  'Ограничение свободы на 3 года, конфискация имущества',
  'Лишение свободы на 7 лет в учреждении средней безопасности, конфискация имущества',
];

interface RegionRow {
  id: string;
  code: string;
}

/**
 * Demo referrals over the last twelve months, from demo appeals reporting corruption where there are
 * some, each with the dated steps, register numbers, sanctions and damages in tenge its final stage
 * implies; one audit event per step, so their timelines read as if the office had recorded them.
 */
export async function seedDemoReferrals(
  manager: EntityManager,
  options: DemoReferralsOptions,
): Promise<DemoReferralsResult> {
  const random = new Random(options.randomSeed ?? 1964);
  const followUpDays = options.followUpDays ?? 30;
  const regions: RegionRow[] = await manager.query(`SELECT id, code FROM regions ORDER BY code`);
  const staff: { id: string; regionId: string | null }[] = await manager.query(
    `SELECT id, region_id AS "regionId" FROM users WHERE active AND role IN ('officer', 'manager', 'admin') ORDER BY email`,
  );
  const organisations: { id: string; regionId: string }[] = await manager.query(
    `SELECT id, region_id AS "regionId" FROM organisations WHERE region_id IS NOT NULL ORDER BY name`,
  );
  const reports: { id: string; regionId: string; organisationId: string | null; receivedOn: string }[] =
    await manager.query(
      `SELECT id, region_id AS "regionId", organisation_id AS "organisationId",
              to_char(received_at AT TIME ZONE 'Asia/Almaty', 'YYYY-MM-DD') AS "receivedOn"
         FROM appeals WHERE kind = 'report' AND NOT confidential ORDER BY received_at`,
    );
  if (regions.length === 0 || staff.length === 0) return { ids: [], caseOpened: 0, sentToCourt: 0 };
  const today = Math.floor(options.now.getTime() / MS_PER_DAY);
  const day = (epochDay: number) => new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
  const usedReports = new Set<string>();

  const finals = Object.entries(FINAL_STAGES).flatMap(([stage, count]) => Array<string>(count).fill(stage));
  const plans = finals.map((final) => {
    // Days each step took, as such cases take: review within weeks, investigation for months.
    const steps: [ReferralStatus, number][] = [['referred', 0]];
    const reviewed = !['referred', 'refused_on_receipt'].includes(final);
    if (reviewed) steps.push(['under_review', random.int(2, 15)]);
    if (final.startsWith('refused')) steps.push(['refused', random.int(10, 40)]);
    const opened = ['case_opened', 'sent_to_court', 'convicted', 'acquitted', 'dismissed'].includes(final);
    if (opened) steps.push(['case_opened', random.int(5, 30)]);
    if (['sent_to_court', 'convicted', 'acquitted', 'dismissed'].includes(final))
      steps.push(['sent_to_court', random.int(40, 110)]);
    if (['convicted', 'acquitted', 'dismissed'].includes(final)) steps.push(['verdict', random.int(20, 90)]);
    const span = steps.reduce((sum, [, days]) => sum + days, 0);
    const referredAgo = span + random.int(0, Math.max(0, SPAN_DAYS - span - 1));
    let at = today - Math.min(referredAgo, SPAN_DAYS - 1);
    const dates = new Map<ReferralStatus, string>();
    for (const [status, days] of steps) {
      at = Math.min(at + days, today);
      dates.set(status, day(at));
    }
    return { final, steps, dates };
  });
  plans.sort((a, b) => a.dates.get('referred')!.localeCompare(b.dates.get('referred')!));

  const numbers: { n: string }[] = await manager.query(
    `SELECT nextval('referral_number_seq') AS n FROM generate_series(1, $1)`,
    [plans.length],
  );
  const rows: unknown[][] = [];
  const events: unknown[][] = [];
  for (const [index, plan] of plans.entries()) {
    const referredOn = plan.dates.get('referred')!;
    const candidates = reports.filter((appeal) => !usedReports.has(appeal.id) && appeal.receivedOn <= referredOn);
    const report = candidates.length > 0 && random.chance(0.6) ? random.pick(candidates) : undefined;
    if (report) usedReports.add(report.id);
    const region = report
      ? regions.find((r) => r.id === report.regionId)!
      : random.weighted(regions, (r) => REGION_WEIGHTS[r.code] ?? 2);
    const inRegion = organisations.filter((organisation) => organisation.regionId === region.id);
    const organisationId = report?.organisationId ?? (inRegion.length > 0 ? random.pick(inRegion).id : null);
    const regional = staff.filter((person) => person.regionId === region.id);
    const owner = regional.length > 0 ? random.pick(regional) : staff.find((person) => person.regionId === null)!;
    const agency = random.weightedKey(AGENCY_WEIGHTS);
    const status = plan.steps[plan.steps.length - 1][0];
    const verdict = (['convicted', 'acquitted', 'dismissed'] as const).find((v) => v === plan.final) ?? null;
    const last = plan.dates.get(status)!;
    const lastOutcomeAt = new Date(`${last}T06:00:00Z`);
    const open = status !== 'refused' && status !== 'verdict';
    // The office has kept chasing: an overdue follow-up was reminded of and falls due again within a period.
    const due = lastOutcomeAt.getTime() + followUpDays * MS_PER_DAY;
    const overdue = due <= options.now.getTime();
    const followUpDueAt = !open
      ? null
      : overdue
        ? new Date(options.now.getTime() + random.int(1, followUpDays) * MS_PER_DAY)
        : new Date(due);
    const remindedAt =
      open && overdue && followUpDueAt ? new Date(followUpDueAt.getTime() - followUpDays * MS_PER_DAY) : null;
    const year = referredOn.slice(2, 4);
    const id = randomUUID();
    const regionDigits = region.code.replace(/\D/g, '').padStart(2, '0');
    const damages = damagesFor(random, verdict);
    rows.push([
      id,
      formatReferralNumber(Number(referredOn.slice(0, 4)), Number(numbers[index].n)),
      agency,
      random.chance(0.5) || agency === 'other' ? random.pick(AGENCY_UNITS[agency]) : null,
      report?.id ?? null,
      region.id,
      organisationId,
      owner.id,
      random.pick(MATTERS),
      JSON.stringify(
        Array.from({ length: random.int(1, 3) }, () => ({
          fullName: `${random.pick(GIVEN)} ${random.pick(SURNAMES)}`,
          position: random.pick(POSITIONS),
          organisation: null,
        })),
      ),
      status,
      referredOn,
      plan.dates.get('under_review') ?? null,
      plan.dates.get('case_opened') ?? null,
      plan.dates.get('refused') ?? null,
      plan.dates.get('sent_to_court') ?? null,
      plan.dates.get('verdict') ?? null,
      plan.dates.has('case_opened') ? `${year}${regionDigits}${random.digits(4)}03${random.digits(5)}` : null,
      status === 'refused' ? random.pick(REFUSALS) : null,
      verdict,
      verdict === 'convicted' ? random.pick(SANCTIONS) : null,
      damages,
      lastOutcomeAt,
      followUpDueAt,
      remindedAt,
      plan.steps.length,
    ]);
    for (const [step] of plan.steps) {
      events.push([
        new Date(`${plan.dates.get(step)}T06:00:00Z`),
        step === 'referred' ? 'create' : ACTION_OF[step],
        'referrals',
        id,
        region.id,
        JSON.stringify({ status: step }),
      ]);
    }
  }
  await insertRows(manager, 'referrals', REFERRAL_COLUMNS, rows);
  await insertRows(
    manager,
    'audit_events',
    ['occurred_at', 'action', 'entity_type', 'entity_id', 'region_id', 'after'],
    events,
  );
  return {
    ids: rows.map((row) => row[0] as string),
    caseOpened: plans.filter((plan) => plan.dates.has('case_opened')).length,
    sentToCourt: plans.filter((plan) => plan.dates.has('sent_to_court')).length,
  };
}

const ACTION_OF: Partial<Record<ReferralStatus, string>> = {
  under_review: 'start-review',
  case_opened: 'open-case',
  refused: 'refuse',
  sent_to_court: 'send-to-court',
  verdict: 'record-verdict',
};

/** Tenge recovered: most convictions recover something, sometimes in the tens of millions. */
function damagesFor(random: Random, verdict: ReferralVerdict | null): string | null {
  if (verdict === 'acquitted' || verdict === null) return null;
  if (verdict === 'dismissed' && !random.chance(0.5)) return null;
  const tenge = Math.round(10 ** random.between(5.5, 8.2));
  const tiyn = random.chance(0.3) ? random.int(1, 99) : 0;
  return `${tenge}.${String(tiyn).padStart(2, '0')}`;
}

const REFERRAL_COLUMNS = [
  'id',
  'number',
  'agency',
  'agency_name',
  'appeal_id',
  'region_id',
  'organisation_id',
  'owner_id',
  'summary',
  'persons',
  'status',
  'referred_on',
  'review_started_on',
  'case_opened_on',
  'refused_on',
  'sent_to_court_on',
  'verdict_on',
  'register_number',
  'refusal_reason',
  'verdict',
  'sanctions',
  'damages_recovered',
  'last_outcome_at',
  'follow_up_due_at',
  'reminded_at',
  'version',
];
