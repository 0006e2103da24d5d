/** Every resource of the API, named as its route (`/api/<name>`) and its react-admin resource. */
export const RESOURCES = [
  'appeals',
  'inspections',
  'findings',
  'corrective-actions',
  'price-observations',
  'referrals',
  'users',
  'regions',
  'organisations',
  'categories',
  'calendar-days',
  'sla-policies',
  'audit-events',
  'notifications',
  'products',
  'price-baselines',
  'evidence-files',
] as const;
export type Resource = (typeof RESOURCES)[number];

/** Reference data maintained by admins and read by everyone. */
export const REFERENCE_RESOURCES = ['regions', 'categories', 'calendar-days', 'sla-policies'] as const;

export const ORGANISATION_TYPES = [
  'state_body',
  'akimat',
  'school',
  'market',
  'law_enforcement',
  'healthcare',
  'utility',
  'company',
  'other',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const REGION_KINDS = ['oblast', 'city'] as const;
export type RegionKind = (typeof REGION_KINDS)[number];

export const CALENDAR_DAY_KINDS = ['holiday', 'day_off', 'working_day'] as const;
/**
 * `holiday`: a non-working holiday; `day_off`: a weekday made non-working (a holiday moved off a
 * weekend or a decreed transfer); `working_day`: a weekend day made working by decree.
 */
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

export const SLA_UNITS = ['working_days', 'working_hours'] as const;
export type SlaUnit = (typeof SLA_UNITS)[number];
