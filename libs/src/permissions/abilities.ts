import { AbilityBuilder, createMongoAbility, type ForcedSubject, type MongoAbility } from '@casl/ability';
import { APPLICANT_PERSONAL_FIELDS, appealWorkflow } from '../domain/appeals.js';
import { referralWorkflow } from '../domain/referrals.js';
import { PRICE_OBSERVATION_ACTIONS } from '../domain/prices.js';
import { inspectionWorkflow } from '../domain/inspections.js';
import { correctiveActionWorkflow } from '../domain/corrective-actions.js';
import type { Resource } from '../domain/resources.js';
import type { Actor } from '../domain/roles.js';

/**
 * CRUD actions, plus the workflow steps that are actions of their own (`POST /<resource>/:id/actions/<step>`).
 * `manage` means every action.
 */
export const CRUD_ACTIONS = ['read', 'create', 'update', 'delete'] as const;
export type CrudAction = (typeof CRUD_ACTIONS)[number];
export type Action = CrudAction | 'manage' | 'export' | (string & {});
export type Subject = Resource | typeof STATS_SUBJECT | 'all';
/** A record checked against the rules, tagged with its resource (CASL's `subject(resource, record)`). */
export type SubjectRecord = { [R in Resource]: ForcedSubject<R> & Record<string, unknown> }[Resource];

export type AppAbility = MongoAbility<[Action, Subject | SubjectRecord]>;

/**
 * Referrals to law enforcement: worked by officers and managers of the region, with the funnel steps
 * the workflow gives them. Never deleted (they are part of the record), so nobody but an admin is even asked.
 */
const REFERRAL_WORK = ['read', 'create', 'update', 'export'];

/** What inspectors do with the prices they observe: record and correct them, and open findings. */
const PRICE_OBSERVATION_WORK = ['read', 'create', 'update', 'delete', 'export', ...PRICE_OBSERVATION_ACTIONS];
/**
 * Dashboards' statistics (`/api/stats/*`): not a resource of its own but a right to read figures.
 * What the figures count is still the caller's scope on the records behind them (appeals, referrals).
 */
export const STATS_SUBJECT = 'stats';

/**
 * Records that are part of the record: nobody deletes them, admins included, and each says what to do
 * instead. The rule stands in the abilities, so the admin hides "Delete" for the reason the API refuses
 * it (405 to whom nothing else would stop, 403 to the rest).
 */
export const NEVER_DELETED: Partial<Record<Resource, string>> = {
  appeals: 'Appeals are never deleted: they are part of the legal record. Resolve or close them instead',
  referrals: 'Referrals are never deleted: they are part of the record. Record the refusal or the verdict instead',
  inspections: 'Inspections are never deleted: they are part of the record. Cancel the inspection instead',
  'corrective-actions': 'Corrective actions are never deleted: they are part of the record. Cancel the action instead',
  users: 'Users are never deleted, so the audit trail keeps naming them; set "active": false to deactivate',
};

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
      can(['read', 'create', 'update', 'export', ...appealWorkflow.actionsBy('manager')], 'appeals', inRegion);
      can([...REFERRAL_WORK, ...referralWorkflow.actionsBy('manager')], 'referrals', inRegion);
      can(['read', 'export', ...correctiveActionWorkflow.actionsBy('manager')], 'corrective-actions', inRegion);
      break;

    case 'officer':
      can('read', 'users', inRegion);
      can('create', 'organisations', inRegion);
      can('create', 'appeals', inRegion);
      // A confidential appeal is seen only by the officer who registered it and its assignee.
      for (const scope of [{ confidential: false }, { registeredById: actor.id }, { assigneeId: actor.id }]) {
        can(['read', 'update', 'export', ...appealWorkflow.actionsBy('officer')], 'appeals', { ...inRegion, ...scope });
      }
      can([...REFERRAL_WORK, ...referralWorkflow.actionsBy('officer')], 'referrals', inRegion);
      break;

    case 'inspector':
      can('read', 'users', inRegion);
      can('create', 'organisations', inRegion);
      can('read', 'appeals', { ...inRegion, confidential: false });
      // Inspectors refer what their inspections find; the funnel itself is worked by the office.
      can(['read', 'create'], 'referrals', inRegion);
      can(['read', 'export'], 'corrective-actions', inRegion);
      // Corrective actions are set and followed by the inspectors of the inspection (its lead and team).
      can(['create', 'update', ...correctiveActionWorkflow.actionsBy('inspector')], 'corrective-actions', {
        ...inRegion,
        inspectorIds: actor.id,
      });
      break;

    case 'auditor':
      can('read', 'users', inRegion);
      can(['read', 'export'], 'audit-events', inRegion);
      can(['read', 'export'], 'appeals', { ...inRegion, confidential: false });
      can(['read', 'export'], 'referrals', inRegion);
      can(['read', 'export'], 'corrective-actions', inRegion);
      break;
  }

  defineInspectionRules(actor, can, inRegion);

  if (actor.role === 'inspector' || actor.role === 'auditor') {
    cannot(['read', 'export'], 'appeals', [...APPLICANT_PERSONAL_FIELDS]);
    // The link to an earlier appeal of the same applicant groups appeals by applicant: identity by another road.
    cannot(['read', 'export'], 'appeals', ['duplicateOfId']);
  }

  // Market prices. Products and baselines are reference data everyone reads (admins manage them);
  // inspectors record prices in their region and open findings from flagged ones; the office reads.
  can(['read', 'export'], ['products', 'price-baselines']);
  if (actor.role === 'inspector') can(PRICE_OBSERVATION_WORK, 'price-observations', inRegion);
  if (actor.role === 'manager' || actor.role === 'officer' || actor.role === 'auditor') {
    can(['read', 'export'], 'price-observations', inRegion);
  }
  // Managers watch their region's figures, auditors check them; both count only what they may read.
  // Officers and inspectors work cases rather than dashboards (an officer's confidential appeals are
  // theirs one by one, which figures per region cannot respect).
  if (actor.role === 'manager' || actor.role === 'auditor') can('read', STATS_SUBJECT);

  for (const [resource, reason] of Object.entries(NEVER_DELETED))
    cannot('delete', resource as Resource).because(reason);

  return build();
}

/** What the people writing findings do with them and their evidence files. */
const FINDING_WORK = ['read', 'export', 'create', 'update', 'delete'];
/** The records an inspection produces, read wherever the inspection is. */
const INSPECTION_RECORDS: Resource[] = ['inspections', 'findings', 'evidence-files'];

/**
 * Inspections, their findings and evidence files. Inspectors act on the inspections they lead or are
 * on the team of, and read the others of their region; the findings service also requires that the
 * writer acts on the finding's inspection (a rule over two records, which CASL conditions on one row
 * cannot say). Managers run their region's inspections; officers and auditors read them.
 */
function defineInspectionRules(
  actor: Actor,
  can: AbilityBuilder<AppAbility>['can'],
  inRegion: Record<string, unknown>,
): void {
  switch (actor.role) {
    case 'inspector':
      can(['read', 'export'], INSPECTION_RECORDS, inRegion);
      for (const scope of [{ leadInspectorId: actor.id }, { teamIds: actor.id }]) {
        can(['create', 'update', ...inspectionWorkflow.actionsBy('inspector')], 'inspections', {
          ...inRegion,
          ...scope,
        });
      }
      can(FINDING_WORK, ['findings', 'evidence-files'], inRegion);
      break;
    case 'manager':
      can(['read', 'export', 'create', 'update', ...inspectionWorkflow.actionsBy('manager')], 'inspections', inRegion);
      can([...FINDING_WORK, 'open-appeal'], 'findings', inRegion);
      can(FINDING_WORK, 'evidence-files', inRegion);
      break;
    case 'officer':
      can(['read', 'export'], INSPECTION_RECORDS, inRegion);
      // Officers register appeals, so they may register one from a finding.
      can('open-appeal', 'findings', inRegion);
      break;
    case 'auditor':
      can(['read', 'export'], INSPECTION_RECORDS, inRegion);
      break;
  }
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
