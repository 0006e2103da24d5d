import type { FindingKind } from '@adaldesk/libs';
import type { OpenSlaState } from '@adaldesk/libs';
import type { FunnelCounts } from '../referral-funnel.service.js';

export const REPORT_LANGUAGES = ['en', 'kk', 'ru'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/**
 * Every word the printed period report shows, in one language. The terms are the glossary's
 * (`docs/glossary.md`) and the admin UI's (`admin/src/i18n`), so the paper reads like the screen.
 */
export interface ReportLabels {
  /** The locale month names are written in. */
  locale: string;
  decimalSeparator: string;
  /** A civil date `YYYY-MM-DD` as people of this language write it. */
  date(civil: string): string;
  /** "Page N of M". */
  page(number: number, count: number): string;
  percentSign: string;
  title: string;
  region: string;
  national: string;
  period: string;
  generatedAt: string;
  dataAsOf: string;
  none: string;
  total: string;
  noData: string;
  sections: {
    kpi: string;
    openBySla: string;
    backlog: string;
    trend: string;
    categories: string;
    organisations: string;
    regions: string;
    findings: string;
    funnel: string;
  };
  kpi: {
    received: string;
    decided: string;
    resolutionRate: string;
    slaCompliance: string;
    medianWorkingDays: string;
    forwarded: string;
    openTotal: string;
  };
  columns: {
    indicator: string;
    value: string;
    slaState: string;
    appeals: string;
    age: string;
    month: string;
    received: string;
    decided: string;
    resolutionRate: string;
    slaCompliance: string;
    forwarded: string;
    open: string;
    category: string;
    organisation: string;
    region: string;
    findingKind: string;
    findings: string;
    amount: string;
    step: string;
    referrals: string;
  };
  slaState: Record<OpenSlaState, string>;
  findingKind: Record<FindingKind, string>;
  funnel: Record<keyof FunnelCounts, string>;
  damagesRecovered: string;
}

const dotted = (civil: string) => `${civil.slice(8, 10)}.${civil.slice(5, 7)}.${civil.slice(0, 4)}`;

export const REPORT_LABELS: Record<ReportLanguage, ReportLabels> = {
  en: {
    locale: 'en-GB',
    decimalSeparator: '.',
    date: (civil) => civil,
    page: (number, count) => `Page ${number} of ${count}`,
    percentSign: '%',
    title: 'Period report: appeals, inspections, referrals',
    region: 'Region',
    national: 'National (all regions)',
    period: 'Period',
    generatedAt: 'Generated',
    dataAsOf: 'Data as of',
    none: 'Not set',
    total: 'Total',
    noData: 'Nothing in the period',
    sections: {
      kpi: 'Key figures',
      openBySla: 'Open appeals by deadline state',
      backlog: 'Backlog by age',
      trend: 'Month by month',
      categories: 'Top 10 categories',
      organisations: 'Top 10 organisations',
      regions: 'Regions compared',
      findings: 'Inspection findings by kind',
      funnel: 'Referrals to law enforcement',
    },
    kpi: {
      received: 'Appeals received',
      decided: 'Appeals decided',
      resolutionRate: 'Resolution rate',
      slaCompliance: 'SLA compliance (decided on time)',
      medianWorkingDays: 'Median working days to decision',
      forwarded: 'Forwarded to the competent body',
      openTotal: 'Open appeals now',
    },
    columns: {
      indicator: 'Indicator',
      value: 'Value',
      slaState: 'Deadline state',
      appeals: 'Appeals',
      age: 'Age, working days',
      month: 'Month',
      received: 'Received',
      decided: 'Decided',
      resolutionRate: 'Resolution rate',
      slaCompliance: 'SLA compliance',
      forwarded: 'Forwarded',
      open: 'Open',
      category: 'Category',
      organisation: 'Organisation',
      region: 'Region',
      findingKind: 'Kind of violation',
      findings: 'Findings',
      amount: 'Amount, tenge',
      step: 'Step',
      referrals: 'Referrals',
    },
    slaState: { on_track: 'On track', at_risk: 'At risk', breached: 'Overdue', paused: 'Paused' },
    findingKind: {
      capital_repair_funds_misuse: 'Misuse of capital-repair funds',
      repair_not_done: 'Repair paid but not done',
      procurement_violation: 'Procurement violation',
      school_meals_violation: 'School-meals violation',
      price_gouging: 'Price gouging',
      sanitary: 'Sanitary violation',
      other: 'Other',
    },
    funnel: {
      referred: 'Referred',
      underReview: 'Under review',
      caseOpened: 'Criminal case opened',
      refused: 'Case refused',
      sentToCourt: 'Sent to court',
      verdict: 'Verdict',
      convicted: 'Convicted',
      acquitted: 'Acquitted',
      dismissed: 'Case dismissed',
    },
    damagesRecovered: 'Damages recovered, tenge',
  },
  kk: {
    locale: 'kk',
    decimalSeparator: ',',
    date: dotted,
    page: (number, count) => `${number}-бет, барлығы ${count}`,
    percentSign: '\u202F%',
    title: 'Кезең бойынша есеп: өтініштер, тексерулер, жолдаулар',
    region: 'Өңір',
    national: 'Республика бойынша (барлық өңірлер)',
    period: 'Кезең',
    generatedAt: 'Жасалған уақыты',
    dataAsOf: 'Деректер жағдайы',
    none: 'Көрсетілмеген',
    total: 'Барлығы',
    noData: 'Кезеңде деректер жоқ',
    sections: {
      kpi: 'Негізгі көрсеткіштер',
      openBySla: 'Қаралудағы өтініштер мерзім жағдайы бойынша',
      backlog: 'Қаралудағы өтініштер ұзақтығы бойынша',
      trend: 'Ай бойынша',
      categories: 'Ең көп 10 санат',
      organisations: 'Ең көп 10 ұйым',
      regions: 'Өңірлерді салыстыру',
      findings: 'Анықталған бұзушылықтар түрі бойынша',
      funnel: 'Құқық қорғау органдарына жолдау',
    },
    kpi: {
      received: 'Түскен өтініштер',
      decided: 'Шешім қабылданған өтініштер',
      resolutionRate: 'Шешілу үлесі',
      slaCompliance: 'Мерзімді сақтау (мерзімінде шешілгені)',
      medianWorkingDays: 'Шешімге дейінгі жұмыс күндерінің медианасы',
      forwarded: 'Құзыретті органға жолданды',
      openTotal: 'Қазір қаралудағы өтініштер',
    },
    columns: {
      indicator: 'Көрсеткіш',
      value: 'Мәні',
      slaState: 'Мерзім жағдайы',
      appeals: 'Өтініштер',
      age: 'Ұзақтығы, жұмыс күні',
      month: 'Ай',
      received: 'Түсті',
      decided: 'Шешілді',
      resolutionRate: 'Шешілу үлесі',
      slaCompliance: 'Мерзімді сақтау',
      forwarded: 'Жолданды',
      open: 'Қаралуда',
      category: 'Санат',
      organisation: 'Ұйым',
      region: 'Өңір',
      findingKind: 'Бұзушылық түрі',
      findings: 'Бұзушылықтар',
      amount: 'Сомасы, теңге',
      step: 'Кезең',
      referrals: 'Жолдаулар',
    },
    slaState: { on_track: 'Мерзімінде', at_risk: 'Мерзімі таяу', breached: 'Мерзімі өткен', paused: 'Тоқтатылған' },
    findingKind: {
      capital_repair_funds_misuse: 'Күрделі жөндеу қаражатын мақсатсыз пайдалану',
      repair_not_done: 'Төленген жөндеу орындалмаған',
      procurement_violation: 'Сатып алу тәртібін бұзу',
      school_meals_violation: 'Мектептегі тамақтандырудағы бұзушылық',
      price_gouging: 'Бағаны негізсіз көтеру',
      sanitary: 'Санитариялық бұзушылық',
      other: 'Басқа',
    },
    funnel: {
      referred: 'Жолданды',
      underReview: 'Қаралуда',
      caseOpened: 'Қылмыстық іс қозғалды',
      refused: 'Іс қозғаудан бас тартылды',
      sentToCourt: 'Сотқа жіберілді',
      verdict: 'Үкім шығарылды',
      convicted: 'Айыптау үкімі',
      acquitted: 'Ақтау үкімі',
      dismissed: 'Іс тоқтатылды',
    },
    damagesRecovered: 'Өтелген залал, теңге',
  },
  ru: {
    locale: 'ru',
    decimalSeparator: ',',
    date: dotted,
    page: (number, count) => `Страница ${number} из ${count}`,
    percentSign: '\u202F%',
    title: 'Отчёт за период: обращения, проверки, направления',
    region: 'Регион',
    national: 'По республике (все регионы)',
    period: 'Период',
    generatedAt: 'Сформирован',
    dataAsOf: 'Данные по состоянию на',
    none: 'Не указано',
    total: 'Итого',
    noData: 'За период данных нет',
    sections: {
      kpi: 'Основные показатели',
      openBySla: 'Обращения на рассмотрении по состоянию срока',
      backlog: 'Обращения на рассмотрении по давности',
      trend: 'По месяцам',
      categories: '10 основных категорий',
      organisations: '10 основных организаций',
      regions: 'Сравнение регионов',
      findings: 'Выявленные нарушения по видам',
      funnel: 'Направления в правоохранительные органы',
    },
    kpi: {
      received: 'Поступило обращений',
      decided: 'Рассмотрено обращений',
      resolutionRate: 'Доля решённых',
      slaCompliance: 'Соблюдение сроков (решено в срок)',
      medianWorkingDays: 'Медиана рабочих дней до решения',
      forwarded: 'Перенаправлено в компетентный орган',
      openTotal: 'На рассмотрении сейчас',
    },
    columns: {
      indicator: 'Показатель',
      value: 'Значение',
      slaState: 'Состояние срока',
      appeals: 'Обращений',
      age: 'Давность, рабочих дней',
      month: 'Месяц',
      received: 'Поступило',
      decided: 'Рассмотрено',
      resolutionRate: 'Доля решённых',
      slaCompliance: 'Соблюдение сроков',
      forwarded: 'Перенаправлено',
      open: 'На рассмотрении',
      category: 'Категория',
      organisation: 'Организация',
      region: 'Регион',
      findingKind: 'Вид нарушения',
      findings: 'Нарушений',
      amount: 'Сумма, тенге',
      step: 'Этап',
      referrals: 'Направлений',
    },
    slaState: { on_track: 'В срок', at_risk: 'Срок истекает', breached: 'Просрочено', paused: 'Приостановлено' },
    findingKind: {
      capital_repair_funds_misuse: 'Нецелевое использование средств на капремонт',
      repair_not_done: 'Оплаченный ремонт не выполнен',
      procurement_violation: 'Нарушение при закупках',
      school_meals_violation: 'Нарушение в школьном питании',
      price_gouging: 'Необоснованное завышение цен',
      sanitary: 'Санитарное нарушение',
      other: 'Другое',
    },
    funnel: {
      referred: 'Направлено',
      underReview: 'На рассмотрении',
      caseOpened: 'Возбуждено уголовное дело',
      refused: 'Отказано в возбуждении дела',
      sentToCourt: 'Направлено в суд',
      verdict: 'Вынесен приговор',
      convicted: 'Обвинительный приговор',
      acquitted: 'Оправдательный приговор',
      dismissed: 'Дело прекращено',
    },
    damagesRecovered: 'Возмещённый ущерб, тенге',
  },
};
