import { defineWorkflow } from '../workflow/workflow.js';
/** Monitoring visits: to a school (its finances, repair funds, meals) or to a market (its prices). */
export const INSPECTION_TYPES = ['school', 'market'] as const;
export type InspectionType = (typeof INSPECTION_TYPES)[number];

export const INSPECTION_STATUSES = ['planned', 'in_progress', 'completed', 'closed', 'cancelled'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

/** Statuses in which nothing about the inspection or its findings changes any more. */
export const FINAL_INSPECTION_STATUSES: readonly InspectionStatus[] = ['closed', 'cancelled'];

/** Statuses an inspector still has the inspection on their desk: "today's inspections". */
export const OPEN_INSPECTION_STATUSES: readonly InspectionStatus[] = ['planned', 'in_progress'];

/** The inspectors of the visit (its lead and team, as the permission rules scope them) and the region's managers. */
const INSPECTION_WORKERS = ['inspector', 'manager'] as const;
/** The actual day of `start` or `complete`: today unless given, never in the future. */
const ACTUAL_DAY = { type: 'date', optional: true } as const;

/**
 * The workflow steps, `POST /api/inspections/:id/actions/<action>`: the statuses each starts from and
 * the status it leads to, who takes it and what it asks.
 * - `plan` (re)schedules a planned inspection: new planned dates, the status stays `planned`.
 * - `start` records the actual start day; `complete` the actual end day, once every checklist item
 *   is answered.
 * - `close` is the head's sign-off on a completed inspection; `cancel` needs a reason.
 */
export const inspectionWorkflow = defineWorkflow<InspectionStatus>()({
  plan: {
    from: ['planned'],
    to: 'planned',
    by: INSPECTION_WORKERS,
    fields: {
      plannedStartOn: { type: 'date' },
      plannedEndOn: { type: 'date' },
      /** Why the dates moved, kept in the audit trail. */
      reason: { type: 'text', max: 2_000, optional: true },
    },
  },
  start: { from: ['planned'], to: 'in_progress', by: INSPECTION_WORKERS, fields: { on: ACTUAL_DAY } },
  complete: {
    from: ['in_progress'],
    to: 'completed',
    by: INSPECTION_WORKERS,
    fields: {
      on: ACTUAL_DAY,
      summary: { type: 'text', max: 20_000, optional: true },
      /** The last answers may come with the step itself. */
      checklist: { type: 'checklist', optional: true },
    },
  },
  close: { from: ['completed'], to: 'closed', by: ['manager'] },
  cancel: {
    from: ['planned', 'in_progress'],
    to: 'cancelled',
    by: INSPECTION_WORKERS,
    fields: { reason: { type: 'text', min: 5, max: 5_000, what: 'why the inspection is cancelled' } },
  },
});
export const INSPECTION_WORKFLOW = inspectionWorkflow.steps;

export type InspectionAction = keyof typeof INSPECTION_WORKFLOW;
export const INSPECTION_ACTIONS = inspectionWorkflow.actions as InspectionAction[];
export const isInspectionAction = inspectionWorkflow.isAction;
/** The actions the workflow allows from `status` (permissions aside). */
export const inspectionActionsFrom = inspectionWorkflow.actionsFrom;
/** The status `action` leads to from `status`, or the actions allowed from there. */
export const nextInspectionStatus = inspectionWorkflow.next;

/** `IN-2026-000123`: the year of the planned start and a number from one sequence. */
export function formatInspectionNumber(year: number, sequence: number): string {
  return `IN-${year}-${String(sequence).padStart(6, '0')}`;
}

/** `FN-2026-000123`: the year the finding was logged and a number from one sequence. */
export function formatFindingNumber(year: number, sequence: number): string {
  return `FN-${year}-${String(sequence).padStart(6, '0')}`;
}

// ---------------------------------------------------------------------------------------------------
// Checklists

export const CHECKLIST_ANSWERS = ['ok', 'violation', 'not_checked'] as const;
export type ChecklistAnswer = (typeof CHECKLIST_ANSWERS)[number];

/** One item of a checklist template, named in the three languages of the interface. */
export interface ChecklistItemTemplate {
  code: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
}

/** One item as answered on an inspection; `answer` is null until the inspector has answered it. */
export interface ChecklistEntry {
  code: string;
  answer: ChecklistAnswer | null;
  note: string | null;
}

/** What an inspector checks, per type of inspection. Data, so a new item is one line here. */
export const CHECKLIST_TEMPLATES: Record<InspectionType, readonly ChecklistItemTemplate[]> = {
  school: [
    {
      code: 'financial_activity',
      nameKk: 'Қаржы-шаруашылық қызметі',
      nameRu: 'Финансово-хозяйственная деятельность',
      nameEn: 'Financial and economic activity',
    },
    {
      code: 'capital_repair_funds',
      nameKk: 'Күрделі жөндеуге бөлінген қаражат',
      nameRu: 'Средства на капитальный ремонт',
      nameEn: 'Capital-repair funds',
    },
    {
      code: 'repair_works_done',
      nameKk: 'Жөндеу жұмыстарының нақты орындалуы',
      nameRu: 'Фактическое выполнение ремонтных работ',
      nameEn: 'Repair works actually done',
    },
    {
      code: 'school_meals_procurement',
      nameKk: 'Мектептегі тамақтандыруды сатып алу',
      nameRu: 'Закупки школьного питания',
      nameEn: 'School-meals procurement',
    },
    {
      code: 'school_meals_quality',
      nameKk: 'Тамақтың сапасы мен мөлшері',
      nameRu: 'Качество и объём питания',
      nameEn: 'Quality and portions of meals',
    },
    {
      code: 'public_procurement',
      nameKk: 'Мемлекеттік сатып алу',
      nameRu: 'Государственные закупки',
      nameEn: 'Public procurement',
    },
  ],
  market: [
    {
      code: 'price_display',
      nameKk: 'Баға белгілерінің болуы',
      nameRu: 'Наличие ценников',
      nameEn: 'Price display',
    },
    {
      code: 'socially_significant_prices',
      nameKk: 'Әлеуметтік маңызы бар азық-түлік бағасы',
      nameRu: 'Цены на социально значимые продукты',
      nameEn: "Socially significant products' prices",
    },
    {
      code: 'sanitary',
      nameKk: 'Санитариялық талаптар',
      nameRu: 'Санитарные требования',
      nameEn: 'Sanitary requirements',
    },
    {
      code: 'weights_and_measures',
      nameKk: 'Таразы мен өлшем құралдары',
      nameRu: 'Весы и средства измерений',
      nameEn: 'Weights and measures',
    },
    {
      code: 'trader_registration',
      nameKk: 'Сатушылардың тіркелуі',
      nameRu: 'Регистрация торговцев',
      nameEn: 'Traders registered',
    },
  ],
};

/** A fresh, unanswered checklist for an inspection of `type`. */
export function emptyChecklist(type: InspectionType): ChecklistEntry[] {
  return CHECKLIST_TEMPLATES[type].map(({ code }) => ({ code, answer: null, note: null }));
}

/** The codes of the template of `type` still unanswered in `checklist`. */
export function unansweredChecklistItems(type: InspectionType, checklist: readonly ChecklistEntry[]): string[] {
  const answered = new Set(checklist.filter((entry) => entry.answer !== null).map((entry) => entry.code));
  return CHECKLIST_TEMPLATES[type].map(({ code }) => code).filter((code) => !answered.has(code));
}

// ---------------------------------------------------------------------------------------------------
// Findings

export const FINDING_KINDS = [
  'capital_repair_funds_misuse',
  'repair_not_done',
  'procurement_violation',
  'school_meals_violation',
  'price_gouging',
  'sanitary',
  'other',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const FINDING_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

/** What happened to an official held responsible; `pending` until the employer decides. */
export const DISCIPLINARY_OUTCOMES = [
  'dismissed',
  'severe_reprimand',
  'reprimanded',
  'warning',
  'none',
  'pending',
] as const;
export type DisciplinaryOutcome = (typeof DISCIPLINARY_OUTCOMES)[number];

/** An official held responsible for a finding. */
export interface ResponsibleOfficial {
  fullName: string;
  position: string | null;
  outcome: DisciplinaryOutcome;
}

/** Findings may be written while their inspection is open or completed, never once closed or cancelled. */
export const isInspectionWritable = (status: InspectionStatus): boolean => !FINAL_INSPECTION_STATUSES.includes(status);

// ---------------------------------------------------------------------------------------------------
// Evidence files

/** The kinds of evidence file accepted, recognised by their first bytes, never by the declared type. */
export const EVIDENCE_CONTENT_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'application/pdf',
] as const;
export type EvidenceContentType = (typeof EVIDENCE_CONTENT_TYPES)[number];

export const EVIDENCE_STORAGES = ['local', 's3'] as const;
export type EvidenceStorage = (typeof EVIDENCE_STORAGES)[number];
