import {
  BASELINE_SOURCES,
  PRICE_OBSERVATION_ACTIONS,
  PRODUCT_UNITS,
  APPEAL_ACTIONS,
  APPEAL_CHANNELS,
  CHECKLIST_ANSWERS,
  DISCIPLINARY_OUTCOMES,
  FINDING_KINDS,
  FINDING_SEVERITIES,
  INSPECTION_ACTIONS,
  INSPECTION_STATUSES,
  INSPECTION_TYPES,
  APPEAL_KINDS,
  APPEAL_OUTCOMES,
  APPEAL_STATUSES,
  CALENDAR_DAY_KINDS,
  ORGANISATION_TYPES,
  REFERRAL_ACTIONS,
  REFERRAL_AGENCIES,
  REFERRAL_STATUSES,
  REFERRAL_VERDICTS,
  REGION_KINDS,
  RESOURCES,
  ROLES,
  SLA_STATES,
  SLA_UNITS,
  CORRECTIVE_ACTION_ACTIONS,
  CORRECTIVE_ACTION_STATUSES,
} from '@adaldesk/libs';
import englishMessages from 'ra-language-english';
import { ENUMS, enumChoices, type EnumGroup } from '../common/choices';
import { NOTIFICATION_KINDS } from '../notifications/notificationKinds';
import { ERROR_MESSAGE_KEYS } from '../providers/apiErrors';
import { en } from './en';
import { LOCALES, MESSAGES } from './index';

type Messages = Record<string, unknown>;

/** Every leaf of a message tree as `[dotted.key, value]`. */
function leaves(messages: Messages, prefix = ''): Array<[string, unknown]> {
  return Object.entries(messages).flatMap(([key, value]) =>
    value !== null && typeof value === 'object'
      ? leaves(value as Messages, `${prefix}${key}.`)
      : [[`${prefix}${key}`, value] as [string, unknown]],
  );
}

const keysOf = (messages: Messages) =>
  leaves(messages)
    .map(([key]) => key)
    .sort();
const lookup = (messages: Messages, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Messages | undefined)?.[part], messages);
const placeholders = (text: string) => new Set(text.match(/%\{\w+\}/g) ?? []);

const locales = Object.entries(MESSAGES) as Array<[string, Messages]>;

describe('interface languages', () => {
  it('offers Kazakh, Russian and English, each named in itself', () => {
    expect(LOCALES).toEqual([
      { locale: 'kk', name: 'Қазақша' },
      { locale: 'ru', name: 'Русский' },
      { locale: 'en', name: 'English' },
    ]);
    expect(Object.keys(MESSAGES).sort()).toEqual(['en', 'kk', 'ru']);
  });

  it('covers every message react-admin itself has', () => {
    const missing = keysOf(englishMessages).filter((key) => !keysOf(en).includes(key));
    expect(missing).toEqual([]);
  });

  it.each(locales)('%s has exactly the keys of en', (_, messages) => {
    expect(keysOf(messages)).toEqual(keysOf(en));
  });

  it.each(locales)('%s has no blank message', (_, messages) => {
    // react-admin shows an unknown boolean as a blank on purpose.
    const blank = leaves(messages).filter(
      ([key, value]) => key !== 'ra.boolean.null' && (typeof value !== 'string' || value.trim() === ''),
    );
    expect(blank).toEqual([]);
  });

  it.each(locales)('%s only uses placeholders the English message gets', (_, messages) => {
    const unknown = leaves(messages).flatMap(([key, value]) => {
      const allowed = placeholders(String(lookup(en, key)));
      return [...placeholders(String(value))].filter((token) => !allowed.has(token)).map((token) => `${key}: ${token}`);
    });
    expect(unknown).toEqual([]);
  });
});

describe('labels for the shared vocabulary', () => {
  const libsEnums: Record<EnumGroup, readonly string[]> = {
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
  };

  it('offers every value of every libs enum as a choice', () => {
    expect(ENUMS).toEqual(libsEnums);
  });

  const enumCases = locales.flatMap(([locale, messages]) =>
    (Object.keys(libsEnums) as EnumGroup[]).map((group): [string, EnumGroup, Messages] => [locale, group, messages]),
  );

  it.each(enumCases)('%s labels every value of %s', (_, group, messages) => {
    const unlabelled = enumChoices(group)
      .filter(({ name }) => typeof lookup(messages, name) !== 'string')
      .map(({ id }) => id);
    expect(unlabelled).toEqual([]);
  });

  it.each(locales)('%s names every resource, in the singular and the plural', (_, messages) => {
    const unnamed = RESOURCES.filter((resource) => {
      const name = lookup(messages, `resources.${resource}.name`);
      return typeof name !== 'string' || !name.includes('||||');
    });
    expect(unnamed).toEqual([]);
  });

  it.each(locales)('%s names every workflow step of an appeal, as a button and in the history', (_, messages) => {
    const unnamed = APPEAL_ACTIONS.filter(
      (action) =>
        typeof lookup(messages, `app.appeals.actions.${action}`) !== 'string' ||
        typeof lookup(messages, `enums.auditAction.${action}`) !== 'string',
    );
    expect(unnamed).toEqual([]);
  });

  it.each(locales)('%s names every funnel step of a referral, as a button and in the history', (_, messages) => {
    const unnamed = REFERRAL_ACTIONS.filter(
      (action) =>
        typeof lookup(messages, `app.referrals.actions.${action}`) !== 'string' ||
        typeof lookup(messages, `enums.auditAction.${action}`) !== 'string',
    );
    expect(unnamed).toEqual([]);
  });

  it.each(locales)('%s names every workflow step of an inspection, as a button and in the history', (_, messages) => {
    const unnamed = INSPECTION_ACTIONS.filter(
      (action) =>
        typeof lookup(messages, `app.inspections.actions.${action}`) !== 'string' ||
        typeof lookup(messages, `enums.auditAction.${action}`) !== 'string',
    );
    expect(unnamed).toEqual([]);
  });

  it.each(locales)('%s names every step of a corrective action, as a button and in the history', (_, messages) => {
    const unnamed = CORRECTIVE_ACTION_ACTIONS.filter(
      (action) =>
        typeof lookup(messages, `app.correctiveActions.actions.${action}`) !== 'string' ||
        typeof lookup(messages, `enums.auditAction.${action}`) !== 'string',
    );
    expect(unnamed).toEqual([]);
  });

  it.each(locales)('%s has every message the data provider answers errors with', (_, messages) => {
    const missing = Object.values(ERROR_MESSAGE_KEYS).filter((key) => typeof lookup(messages, key) !== 'string');
    expect(missing).toEqual([]);
  });

  it.each(locales)('%s names the price steps in the history: an import and an opened finding', (_, messages) => {
    const unnamed = ['import', ...PRICE_OBSERVATION_ACTIONS].filter(
      (action) => typeof lookup(messages, `enums.auditAction.${action}`) !== 'string',
    );
    expect(unnamed).toEqual([]);
  });
});
