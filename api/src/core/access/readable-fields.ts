import type { Action, AppAbility, Resource, SubjectRecord } from '@adaldesk/libs';

/** Fields whose rules are the same list: one check of the first answers for all of them. */
interface FieldGroup {
  probe: string;
  fields: string[];
}

const groupsByAbility = new WeakMap<AppAbility, Map<string, FieldGroup[]>>();

/**
 * The fields of `record` (in the order given) the ability lets the caller `action`, as `ability.can(action, record, field)`
 * would say field by field, with one check per group of fields that share their rules instead of one
 * per field: CASL decides a field by the first of its relevant rules whose conditions the record meets,
 * so fields with the same relevant rules get the same answer. A page of 25 appeals with 40 fields
 * needs 50 checks, not 1 000.
 */
export function readableFields(
  ability: AppAbility,
  action: Action,
  resource: Resource,
  record: SubjectRecord,
  fields: string[],
): string[] {
  const denied = new Set<string>();
  for (const group of fieldGroups(ability, action, resource, fields)) {
    if (!ability.can(action, record, group.probe)) for (const field of group.fields) denied.add(field);
  }
  return denied.size === 0 ? fields : fields.filter((field) => !denied.has(field));
}

function fieldGroups(ability: AppAbility, action: Action, resource: Resource, fields: string[]): FieldGroup[] {
  let cache = groupsByAbility.get(ability);
  if (!cache) {
    cache = new Map();
    groupsByAbility.set(ability, cache);
  }
  const key = `${action}\u0000${resource}\u0000${fields.join('\u0000')}`;
  let groups = cache.get(key);
  if (!groups) {
    const possible = ability.possibleRulesFor(action, resource);
    const byRules = new Map<string, FieldGroup>();
    for (const field of fields) {
      const rules = ability.rulesFor(action, resource, field);
      const signature = rules.map((rule) => possible.indexOf(rule)).join(',');
      const group = byRules.get(signature);
      if (group) group.fields.push(field);
      else byRules.set(signature, { probe: field, fields: [field] });
    }
    groups = [...byRules.values()];
    cache.set(key, groups);
  }
  return groups;
}
