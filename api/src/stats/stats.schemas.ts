import {
  FINDING_KINDS,
  OPEN_SLA_STATES,
  REFERRAL_AGENCIES,
  REFERRAL_FUNNEL_STEPS,
  REFERRAL_STATUSES,
} from '@adaldesk/libs';
import { schema, type SchemaObject } from '../core/openapi/schema.js';

/** The OpenAPI schemas of `/api/stats/*`, as the services answer (checked on every test's answers). */
const ratio = () => schema.nullable(schema.number({ minimum: 0, maximum: 1 }));
const count = () => schema.integer({ minimum: 0 });
const tenge = () => schema.string({ pattern: '^-?[0-9]+(\\.[0-9]+)?$' });

const PERIOD = {
  from: schema.date(),
  to: schema.date(),
  regionId: schema.nullable(schema.uuid()),
  timeZone: schema.string(),
};

const DECISIONS = {
  received: count(),
  decided: count(),
  favourable: count(),
  resolutionRate: ratio(),
  decidedOnTime: count(),
  slaCompliance: ratio(),
  forwarded: count(),
  forwardedOnTime: count(),
};

const LABELS = schema.object({ en: schema.string(), kk: schema.string(), ru: schema.string() });

export const OVERVIEW_SCHEMA: SchemaObject = schema.object({
  ...PERIOD,
  asOf: schema.dateTime(),
  ...DECISIONS,
  forwardingCompliance: ratio(),
  medianWorkingDaysToDecision: schema.nullable(schema.number({ minimum: 0 })),
  open: schema.object(Object.fromEntries(['total', ...OPEN_SLA_STATES].map((state) => [state, count()]))),
  backlogByAge: schema.array(
    schema.object({
      bucket: schema.string(),
      minWorkingDays: count(),
      maxWorkingDays: schema.nullable(count()),
      registeredFrom: schema.nullable(schema.dateTime()),
      registeredBefore: schema.nullable(schema.dateTime()),
      count: count(),
    }),
  ),
});

export const BREAKDOWN_SCHEMA: SchemaObject = schema.object({
  ...PERIOD,
  dimension: schema.string(),
  asOf: schema.dateTime(),
  rows: schema.array(
    schema.object(
      { key: schema.nullable(schema.string()), label: schema.string(), labels: LABELS, ...DECISIONS, open: count() },
      ['labels'],
    ),
  ),
});

export const TREND_SCHEMA: SchemaObject = schema.object({
  ...PERIOD,
  asOf: schema.dateTime(),
  months: schema.array(schema.object({ month: schema.string({ pattern: '^[0-9]{4}-[0-9]{2}$' }), ...DECISIONS })),
});

const FINDING_FIGURES = { count: count(), amount: tenge() };

export const FINDING_STATS_SCHEMA: SchemaObject = schema.object({
  ...PERIOD,
  kinds: schema.array(schema.object({ kind: schema.enum(FINDING_KINDS), ...FINDING_FIGURES })),
  total: schema.object(FINDING_FIGURES),
});

const ratios = (names: string[]) => schema.object(Object.fromEntries(names.map((name) => [name, ratio()])));
const medians = (names: string[]) =>
  schema.object(Object.fromEntries(names.map((name) => [name, schema.nullable(schema.number({ minimum: 0 }))])));

export const REFERRAL_FUNNEL_SCHEMA: SchemaObject = schema.object({
  from: schema.date(),
  to: schema.date(),
  regionId: schema.nullable(schema.uuid()),
  agency: schema.nullable(schema.enum(REFERRAL_AGENCIES)),
  counts: schema.object(Object.fromEntries(['referred', ...REFERRAL_FUNNEL_STEPS].map((step) => [step, count()]))),
  current: schema.object(Object.fromEntries(REFERRAL_STATUSES.map((status) => [status, count()]))),
  conversion: ratios(['underReview', 'caseOpened', 'refused', 'sentToCourt', 'verdict', 'convicted']),
  medianDays: medians([
    'referredToReview',
    'reviewToCaseOpened',
    'referredToRefused',
    'caseOpenedToCourt',
    'courtToVerdict',
  ]),
  damagesRecovered: tenge(),
});
