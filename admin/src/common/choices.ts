import {
  BASELINE_SOURCES,
  PRODUCT_UNITS,
  APPEAL_CHANNELS,
  CHECKLIST_ANSWERS,
  DISCIPLINARY_OUTCOMES,
  FINDING_KINDS,
  FINDING_SEVERITIES,
  INSPECTION_STATUSES,
  INSPECTION_TYPES,
  APPEAL_KINDS,
  APPEAL_OUTCOMES,
  APPEAL_STATUSES,
  CALENDAR_DAY_KINDS,
  ORGANISATION_TYPES,
  REFERRAL_AGENCIES,
  REFERRAL_STATUSES,
  REFERRAL_VERDICTS,
  REGION_KINDS,
  ROLES,
  SLA_STATES,
  SLA_UNITS,
  CORRECTIVE_ACTION_STATUSES,
} from '@adaldesk/libs';
import { NOTIFICATION_KINDS } from '../notifications/notificationKinds';

/** The enums of libs, each with the message group that labels its values (`enums.<group>.<value>`). */
export const ENUMS = {
  role: ROLES,
  regionKind: REGION_KINDS,
  organisationType: ORGANISATION_TYPES,
  calendarDayKind: CALENDAR_DAY_KINDS,
  slaUnit: SLA_UNITS,
  appealChannel: APPEAL_CHANNELS,
  appealKind: APPEAL_KINDS,
  appealStatus: APPEAL_STATUSES,
  appealOutcome: APPEAL_OUTCOMES,
  slaState: SLA_STATES,
  notificationKind: NOTIFICATION_KINDS,
  referralAgency: REFERRAL_AGENCIES,
  referralStatus: REFERRAL_STATUSES,
  referralVerdict: REFERRAL_VERDICTS,
  productUnit: PRODUCT_UNITS,
  baselineSource: BASELINE_SOURCES,
  inspectionType: INSPECTION_TYPES,
  inspectionStatus: INSPECTION_STATUSES,
  checklistAnswer: CHECKLIST_ANSWERS,
  findingKind: FINDING_KINDS,
  findingSeverity: FINDING_SEVERITIES,
  disciplinaryOutcome: DISCIPLINARY_OUTCOMES,
  correctiveActionStatus: CORRECTIVE_ACTION_STATUSES,
} as const;

export type EnumGroup = keyof typeof ENUMS;

/** Choices for a SelectInput or SelectField; react-admin translates each name key. */
export const enumChoices = (group: EnumGroup) =>
  ENUMS[group].map((value) => ({ id: value, name: `enums.${group}.${value}` }));
