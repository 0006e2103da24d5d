import { subject } from '@casl/ability';
import {
  type Action,
  type Actor,
  type AppAbility,
  defineAbilityFor,
  type Resource,
  RESOURCES,
  STATS_SUBJECT,
  type SubjectRecord,
} from '@adaldesk/libs';

/** What react-admin asks `authProvider.canAccess()`. */
export interface AccessRequest {
  /** A resource (`users`), or a field of one (`users.role`) for field-level checks. */
  resource: string;
  action: string;
  record?: object;
}

/** react-admin's names for its views and buttons, in the words of the shared permission rules. */
const RULE_ACTIONS: Record<string, Action> = {
  list: 'read',
  show: 'read',
  edit: 'update',
  create: 'create',
  clone: 'create',
  delete: 'delete',
  export: 'export',
};

const isResource = (name: string): name is Resource => (RESOURCES as readonly string[]).includes(name);

// Building an ability is cheap but react-admin asks many times per page for the same person.
let cached: { key: string; ability: AppAbility } | null = null;

function abilityFor(user: Actor): AppAbility {
  const key = `${user.id}|${user.role}|${user.regionId ?? ''}`;
  if (cached?.key !== key) cached = { key, ability: defineAbilityFor(user) };
  return cached.ability;
}

/**
 * Whether `user` may do `action` on `resource` (and on `record`, when given), by the rules in libs.
 * Without a record the answer is "for some records": a manager may edit organisations, yet only those
 * of their region, which the record-level check then decides.
 * Any action react-admin does not name (a workflow step such as `triage`) is passed on unchanged.
 */
export function canAccess(user: Actor | null | undefined, { resource, action, record }: AccessRequest): boolean {
  if (!user) return false;
  const [resourceName, field] = splitField(resource);
  if (!isResource(resourceName)) return false;
  const ability = abilityFor(user);
  const ruleAction = RULE_ACTIONS[action] ?? action;
  if (!record) return ability.can(ruleAction, resourceName, field);
  // Tagged on a copy: CASL marks the object it is given. The cast narrows a union of resources to one.
  return ability.can(ruleAction, subject(resourceName, { ...record }) as SubjectRecord, field);
}

function splitField(resource: string): [string, string | undefined] {
  const dot = resource.indexOf('.');
  return dot === -1 ? [resource, undefined] : [resource.slice(0, dot), resource.slice(dot + 1)];
}

/** Whether `user` may read the dashboards' statistics (`/api/stats/*`). */
export function canReadStats(user: Actor | null | undefined): boolean {
  return !!user && abilityFor(user).can('read', STATS_SUBJECT);
}
