import { AbilityBuilder, createMongoAbility, type ForcedSubject, type MongoAbility } from '@casl/ability';
import { APPLICANT_PERSONAL_FIELDS, type AppealAction } from '../domain/appeals.js';
import { REFERRAL_ACTIONS } from '../domain/referrals.js';
import type { Resource } from '../domain/resources.js';
import type { Actor } from '../domain/roles.js';

/**
 * CRUD actions, plus the workflow steps that are actions of their own (`POST /<resource>/:id/actions/<step>`).
 * `manage` means every action.
 */
export const CRUD_ACTIONS = ['read', 'create', 'update', 'delete'] as const;
export type CrudAction = (typeof CRUD_ACTIONS)[number];
export type Action = CrudAction | 'manage' | 'export' | (string & {});
export type Subject = Resource | 'all';
/** A record checked against the rules, tagged with its resource (CASL's `subject(resource, record)`). */
export type SubjectRecord = { [R in Resource]: ForcedSubject<R> & Record<string, unknown> }[Resource];

export type AppAbility = MongoAbility<[Action, Subject | SubjectRecord]>;

/** Workflow steps of the people who work an appeal (officers, and managers over their region). */
const APPEAL_WORK_STEPS: AppealAction[] = [
  'triage',
  'start',
  'request-info',
  'resume',
  'request-extension',
  'forward',
  'resolve',
];
/** Steps that need a head's decision: extending a legal deadline, closing, reopening. */
const APPEAL_HEAD_STEPS: AppealAction[] = ['approve-extension', 'close', 'reopen'];

/**
 * Referrals to law enforcement: worked by officers and managers of the region, every funnel step
 * included. Never deleted (they are part of the record), so nobody but an admin is even asked.
 */
const REFERRAL_WORK = ['read', 'create', 'update', 'export', ...REFERRAL_ACTIONS];

/** Reference data every signed-in user reads; only admins change it. */
const READ_BY_EVERYONE: Resource[] = ['regions', 'categories', 'calendar-days', 'sla-policies', 'organisations'];

/**
 * The one set of permission rules. The API turns their conditions into SQL; the admin UI uses them to
 * decide which menus, buttons and fields to show. Conditions only use equality on columns so both can.
 */
export function defineAbilityFor(actor: Actor): AppAbility {
  const { can, cannot, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  // A national user (no region) sees every region; a regional one only their own.
  const inRegion = actor.regionId === null ? {} : { regionId: actor.regionId };

  can(['read', 'export'], READ_BY_EVERYONE);
  can('read', 'notifications', { userId: actor.id });
  can('update', 'notifications', { userId: actor.id });

  switch (actor.role) {
    case 'admin':
      can('manage', 'all');
      // The audit trail is append-only for everyone, admins included.
      cannot(['create', 'update', 'delete'], 'audit-events');
      break;

    case 'manager':
      can('read', 'users', inRegion);
      can(['create', 'update'], 'organisations', inRegion);
      can(['read', 'export'], 'audit-events', inRegion);
      can(['read', 'create', 'update', 'export', ...APPEAL_WORK_STEPS, ...APPEAL_HEAD_STEPS], 'appeals', inRegion);
      can(REFERRAL_WORK, 'referrals', inRegion);
      break;

    case 'officer':
      can('read', 'users', inRegion);
      can('create', 'organisations', inRegion);
      can('create', 'appeals', inRegion);
      // A confidential appeal is seen only by the officer who registered it and its assignee.
      for (const scope of [{ confidential: false }, { registeredById: actor.id }, { assigneeId: actor.id }]) {
        can(['read', 'update', 'export', ...APPEAL_WORK_STEPS], 'appeals', { ...inRegion, ...scope });
      }
      can(REFERRAL_WORK, 'referrals', inRegion);
      break;

    case 'inspector':
      can('read', 'users', inRegion);
      can('create', 'organisations', inRegion);
      can('read', 'appeals', { ...inRegion, confidential: false });
      // Inspectors refer what their inspections find; the funnel itself is worked by the office.
      can(['read', 'create'], 'referrals', inRegion);
      break;

    case 'auditor':
      can('read', 'users', inRegion);
      can(['read', 'export'], 'audit-events', inRegion);
      can(['read', 'export'], 'appeals', { ...inRegion, confidential: false });
      can(['read', 'export'], 'referrals', inRegion);
      break;
  }

  if (actor.role === 'inspector' || actor.role === 'auditor') {
    cannot(['read', 'export'], 'appeals', [...APPLICANT_PERSONAL_FIELDS]);
  }

  return build();
}

/**
 * Fields of `resource` the rules hide from this user whatever the record (e.g. applicants' identity
 * for inspectors and auditors), for values shown out of their record such as the audit trail's.
 */
export function fieldsHiddenFrom(ability: AppAbility, action: Action, resource: Resource): string[] {
  // `rulesFor` without a field leaves out inverted field rules; `possibleRulesFor` keeps every rule.
  return ability
    .possibleRulesFor(action, resource)
    .filter((rule) => rule.inverted && !rule.conditions && rule.fields)
    .flatMap((rule) => rule.fields ?? []);
}
