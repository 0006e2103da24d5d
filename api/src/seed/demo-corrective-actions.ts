import { randomUUID } from 'node:crypto';
import {
  CORRECTIVE_ACTION_POLICY_CODE,
  type CorrectiveActionStatus,
  correctiveActionDeadline,
  formatCorrectiveActionNumber,
  type SlaPolicyTerms,
  type SlaState,
  WorkingCalendar,
} from '@adaldesk/libs';
import type { EntityManager } from 'typeorm';
import { calendarExceptions, insertRows, Random } from './demo-appeals.js';

export interface DemoCorrectiveActionsOptions {
  /** The demo's present: actions were issued in the months before it. */
  now: Date;
  timeZone?: string;
  workdayStart?: string;
  workdayEnd?: string;
  /** Only these findings (a test's own); every finding of a started inspection by default. */
  findingIds?: string[];
  randomSeed?: number;
}

/**
 * Where a demo action stands, and when it was issued (working days before today) with what term: one
 * of each state the follow-up list shows, then again for the next finding.
 */
interface Scenario {
  name: string;
  issuedDaysAgo: number;
  termWorkingDays: number;
  extensionDays?: number;
  /** Working days after issue the body reported the fix; absent while it has not. */
  reportedAfter?: number;
  /** Working days after the report the inspector checked it. */
  verifiedAfter?: number;
  rejected?: boolean;
  cancelled?: boolean;
}

const SCENARIOS: Scenario[] = [
  { name: 'on track', issuedDaysAgo: 3, termWorkingDays: 30 },
  { name: 'at risk', issuedDaysAgo: 27, termWorkingDays: 30 },
  { name: 'overdue', issuedDaysAgo: 38, termWorkingDays: 30 },
  { name: 'reported, awaiting verification', issuedDaysAgo: 18, termWorkingDays: 30, reportedAfter: 15 },
  { name: 'verified in time', issuedDaysAgo: 55, termWorkingDays: 30, reportedAfter: 24, verifiedAfter: 3 },
  { name: 'verified late', issuedDaysAgo: 70, termWorkingDays: 20, reportedAfter: 31, verifiedAfter: 5 },
  { name: 'report rejected', issuedDaysAgo: 22, termWorkingDays: 30, reportedAfter: 12, rejected: true },
  { name: 'extended', issuedDaysAgo: 33, termWorkingDays: 30, extensionDays: 10 },
  { name: 'cancelled', issuedDaysAgo: 25, termWorkingDays: 30, cancelled: true },
];

const MEASURES = [
  'Мектеп шатырын жөндеу жұмыстарын толық аяқтап, қабылдау актісін ұсыну',
  'Завершить ремонт кровли школы и представить акт приёмки работ',
  'Мақсатсыз жұмсалған қаражатты бюджетке қайтару',
  'Возместить в бюджет средства, использованные не по назначению',
  'Мектеп асханасына азық-түлік жеткізу шартын заңнамаға сәйкес қайта жасау',
  'Перезаключить договор поставки продуктов для школьной столовой в соответствии с законом',
  'Базардағы әлеуметтік маңызы бар тауарлардың бағасын шекті деңгейге дейін төмендету',
  'Снизить цены на социально значимые товары до предельного уровня',
  'Санитарлық талаптарды бұзушылықтарды жою және зертханалық қорытынды ұсыну',
  'Устранить нарушения санитарных требований и представить заключение лаборатории',
];
const PERSONS = [
  ['Серік Ахметов', 'Мектеп директоры'],
  ['Гүлмира Нұрланова', 'Бас бухгалтер'],
  ['Андрей Ким', 'Директор рынка'],
  ['Айнұр Серікбаева', 'Директор школы'],
  ['Ержан Қасымов', 'Шаруашылық бөлімінің меңгерушісі'],
] as const;
const REPORTS = [
  'Жұмыстар аяқталды, қабылдау актісі мен фотосуреттер қоса беріледі',
  'Работы завершены, акт приёмки и фотографии приложены',
  'Қаражат бюджетке қайтарылды, төлем тапсырмасы қоса беріледі',
  'Средства возвращены в бюджет, платёжное поручение приложено',
];
const VERIFICATIONS = [
  'Орнына барып тексерілді: жұмыс толық әрі сапалы орындалған',
  'Проверено на месте: работы выполнены полностью и качественно',
];
const REJECTIONS = [
  'Шатырдың бір бөлігі ғана жөнделген, акт толық емес',
  'Отремонтирована только часть кровли, акт неполный',
];
const CANCELLATIONS = ['Нысан жабылды, шара қажет емес болды', 'Объект закрыт, мера утратила актуальность'];

/**
 * Corrective actions on the demo findings, in every state the follow-up list shows (on track, at
 * risk, overdue, reported, verified in time and late, rejected, extended, cancelled), each with the
 * audit events of its steps and the warning and breach flags its timers would have set, so starting
 * the demo sends no burst of old warnings. Nothing when there are no findings yet.
 */
export async function seedDemoCorrectiveActions(
  manager: EntityManager,
  options: DemoCorrectiveActionsOptions,
): Promise<{ ids: string[]; byState: Record<string, number> }> {
  const random = new Random(options.randomSeed ?? 2026);
  const [policy]: (SlaPolicyTerms & { id: string })[] = await manager.query(
    `SELECT id, goal_amount AS "goalAmount", goal_unit AS "goalUnit", warning_percent AS "warningPercent",
            max_extension_days AS "maxExtensionDays", warning_days_before AS "warningDaysBefore"
       FROM sla_policies WHERE code = $1`,
    [CORRECTIVE_ACTION_POLICY_CODE],
  );
  const findings: {
    id: string;
    inspectionId: string;
    regionId: string;
    organisationId: string;
    leadId: string;
    leadEmail: string;
  }[] = await manager.query(
    `SELECT f.id, f.inspection_id AS "inspectionId", f.region_id AS "regionId", i.organisation_id AS "organisationId",
            i.lead_inspector_id AS "leadId", u.email AS "leadEmail"
       FROM findings f JOIN inspections i ON i.id = f.inspection_id JOIN users u ON u.id = i.lead_inspector_id
      WHERE i.status IN ('in_progress', 'completed', 'closed') AND ($1::uuid[] IS NULL OR f.id = ANY($1))
      ORDER BY f.created_at, f.id`,
    [options.findingIds ?? null],
  );
  if (!policy || findings.length === 0) return { ids: [], byState: {} };
  const calendar = new WorkingCalendar(await calendarExceptions(manager), {
    timeZone: options.timeZone,
    workdayStart: options.workdayStart,
    workdayEnd: options.workdayEnd,
  });
  const { now } = options;
  const today = calendar.localDate(now);
  const workingDaysAgo = (n: number) => {
    let day = today;
    for (let counted = 0; counted < n;) {
      day = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      if (calendar.isWorkingDay(day)) counted++;
    }
    return day;
  };
  const [{ sequence }] = await manager.query(`SELECT nextval('corrective_action_number_seq') AS sequence`);
  let next = Number(sequence);
  const rows: unknown[][] = [];
  const events: unknown[][] = [];
  const byState: Record<string, number> = {};

  findings.forEach((finding, index) => {
    const scenario = SCENARIOS[index % SCENARIOS.length];
    const id = randomUUID();
    const issuedOn = workingDaysAgo(scenario.issuedDaysAgo);
    const issuedAt = calendar.localDateTime(issuedOn, '10:00');
    const extensionDays = scenario.extensionDays ?? 0;
    const { dueAt, warningAt } = correctiveActionDeadline({
      calendar,
      policy,
      issuedAt,
      dueOn: null,
      termWorkingDays: scenario.termWorkingDays,
      extensionDays,
    });
    const dayAfterIssue = (n: number) => calendar.addWorkingDays(issuedOn, n);
    const at = (day: string, time: string) => calendar.localDateTime(day, time);
    const reportedOn = scenario.reportedAfter !== undefined ? dayAfterIssue(scenario.reportedAfter) : null;
    const verifiedOn =
      reportedOn && scenario.verifiedAfter !== undefined
        ? calendar.addWorkingDays(reportedOn, scenario.verifiedAfter)
        : null;
    const cancelledOn = scenario.cancelled ? dayAfterIssue(Math.min(10, scenario.issuedDaysAgo - 1)) : null;
    const status: CorrectiveActionStatus = scenario.cancelled
      ? 'cancelled'
      : verifiedOn
        ? 'verified'
        : reportedOn && !scenario.rejected
          ? 'reported_done'
          : 'open';
    const stoppedAt =
      status === 'cancelled'
        ? at(cancelledOn!, '11:00')
        : reportedOn && !scenario.rejected
          ? at(reportedOn, '11:00')
          : null;
    const clockAt = stoppedAt ?? now;
    const warned = clockAt >= warningAt;
    const breached = clockAt > dueAt;
    const slaState: SlaState =
      reportedOn && !scenario.rejected && status !== 'cancelled'
        ? at(reportedOn, calendar.workdayEnd) <= dueAt
          ? 'met'
          : 'missed'
        : breached
          ? 'breached'
          : warned
            ? 'at_risk'
            : 'on_track';
    byState[`${status}/${slaState}`] = (byState[`${status}/${slaState}`] ?? 0) + 1;
    const [personName, personPosition] = random.pick(PERSONS);
    const rejection = scenario.rejected ? random.pick(REJECTIONS) : null;
    const cancelReason = scenario.cancelled ? random.pick(CANCELLATIONS) : null;
    const reported = reportedOn ? random.pick(REPORTS) : null;
    const reportNote = scenario.rejected ? null : reported;
    const verificationNote = verifiedOn ? random.pick(VERIFICATIONS) : null;
    rows.push([
      id,
      formatCorrectiveActionNumber(Number(issuedOn.slice(0, 4)), next++),
      finding.id,
      finding.inspectionId,
      finding.regionId,
      finding.leadId,
      [finding.leadId],
      random.pick(MEASURES),
      finding.organisationId,
      personName,
      personPosition,
      status,
      policy.id,
      issuedAt,
      scenario.termWorkingDays,
      extensionDays,
      dueAt,
      warningAt,
      stoppedAt,
      slaState,
      warned ? warningAt : null,
      breached ? new Date(dueAt.getTime() + 1_000) : null,
      status === 'open' ? null : reportedOn,
      reportNote,
      verifiedOn,
      verificationNote,
      verifiedOn ? finding.leadId : null,
      rejection,
      cancelReason,
      finding.leadId,
      issuedAt,
    ]);
    // Steps are the lead inspector's; timers' events and the extension (a manager's, not named) the system's.
    const event = (when: Date, action: string, after: Record<string, unknown>, byLead = true) =>
      events.push([
        when,
        byLead ? finding.leadId : null,
        byLead ? finding.leadEmail : null,
        byLead ? 'inspector' : null,
        action,
        'corrective-actions',
        id,
        finding.regionId,
        JSON.stringify(after),
      ]);
    event(issuedAt, 'create', { status: 'open', dueAt, warningAt, termWorkingDays: scenario.termWorkingDays });
    if (extensionDays > 0) {
      event(at(dayAfterIssue(5), '15:00'), 'extend', { extensionDays, dueAt, reason: 'Мердігер ауыстырылды' }, false);
    }
    if (warned && !scenario.cancelled)
      event(warningAt, 'sla_warning', { slaState: 'at_risk', warningAt, dueAt }, false);
    if (breached && !stoppedAt)
      event(new Date(dueAt.getTime() + 1_000), 'sla_breach', { slaState: 'breached', dueAt }, false);
    if (reportedOn) {
      event(at(reportedOn, '11:00'), 'report-done', { status: 'reported_done', reportedOn, reportNote: reported });
      if (scenario.rejected) {
        event(at(calendar.addWorkingDays(reportedOn, 2), '12:00'), 'reject', { status: 'open', reason: rejection });
      }
    }
    if (verifiedOn) event(at(verifiedOn, '16:00'), 'verify', { status: 'verified', verifiedOn, verificationNote });
    if (cancelledOn) event(at(cancelledOn, '11:00'), 'cancel', { status: 'cancelled', reason: cancelReason });
  });
  await manager.query(`SELECT setval('corrective_action_number_seq', $1)`, [next - 1]);
  await insertRows(manager, 'corrective_actions', CORRECTIVE_ACTION_COLUMNS, rows);
  await insertRows(
    manager,
    'audit_events',
    [
      'occurred_at',
      'actor_id',
      'actor_email',
      'actor_role',
      'action',
      'entity_type',
      'entity_id',
      'region_id',
      'after',
    ],
    events,
  );
  return { ids: rows.map((row) => row[0] as string), byState };
}

const CORRECTIVE_ACTION_COLUMNS = [
  'id',
  'number',
  'finding_id',
  'inspection_id',
  'region_id',
  'lead_inspector_id',
  'inspector_ids',
  'description',
  'responsible_organisation_id',
  'responsible_person_name',
  'responsible_person_position',
  'status',
  'sla_policy_id',
  'issued_at',
  'term_working_days',
  'extension_days',
  'due_at',
  'warning_at',
  'decided_at',
  'sla_state',
  'warned_at',
  'breached_at',
  'reported_on',
  'report_note',
  'verified_on',
  'verification_note',
  'verified_by_id',
  'rejection_reason',
  'cancel_reason',
  'created_by_id',
  'created_at',
];
