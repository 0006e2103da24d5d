import type { AppAbility, Resource } from '@adaldesk/libs';
import type { DataSource, EntityManager } from 'typeorm';
import { Appeal } from '../../appeals/appeal.entity.js';
import { AppError, ErrorCode } from '../errors/app-error.js';
import { abilityCondition, applyAbility, type SqlPart } from './ability-to-sql.js';

/** A field of another record that holds an appeal's id, and what travels with it (text copied from the appeal). */
export interface AppealLink {
  field: string;
  column: string;
  copied: readonly string[];
}

/**
 * Records that link to appeals. Each keeps its own visibility, but a caller who may not read the
 * linked appeal (a confidential one, or one of another region) gets the record without the link and
 * without the text copied from the appeal: left out of the JSON, the export, the search and the audit
 * trail, and a filter on the link matches nothing for them.
 */
export const APPEAL_LINKS: Partial<Record<Resource, { table: string; links: readonly AppealLink[] }>> = {
  // A possible repeat by the same applicant about the same organisation.
  appeals: { table: 'appeals', links: [{ field: 'duplicateOfId', column: 'duplicate_of_id', copied: [] }] },
  // A referral made from an appeal: its summary and description retell the appeal.
  referrals: {
    table: 'referrals',
    links: [{ field: 'appealId', column: 'appeal_id', copied: ['summary', 'description'] }],
  },
  // The appeal that led to the finding, and the one registered from it (its number in the audit trail).
  findings: {
    table: 'findings',
    links: [
      { field: 'appealId', column: 'appeal_id', copied: [] },
      { field: 'openedAppealId', column: 'opened_appeal_id', copied: ['appealNumber'] },
    ],
  },
};

export const appealLinksOf = (resource: string): readonly AppealLink[] =>
  APPEAL_LINKS[resource as Resource]?.links ?? [];

/**
 * SQL that holds when the appeal whose id is `appealIdSql` is one the caller may read: the appeals
 * list's own rules (`defineAbilityFor`, turned into SQL), asked of the linked row. Parameters are
 * named from `prefix`, so several can sit in one query.
 */
export function readableAppealSql(
  dataSource: DataSource,
  ability: AppAbility,
  appealIdSql: string,
  prefix: string,
): SqlPart {
  const alias = `${prefix}_appeal`;
  const condition = abilityCondition(ability, 'read', 'appeals', dataSource.getMetadata(Appeal), alias, prefix);
  if (condition === null) return { sql: 'FALSE', params: {} };
  // Every appeal readable (an admin): the foreign key already says the linked one exists.
  if (condition.sql === 'TRUE') return { sql: 'TRUE', params: {} };
  return {
    sql: `EXISTS (SELECT 1 FROM appeals ${alias} WHERE ${alias}.id = ${appealIdSql} AND (${condition.sql}))`,
    params: condition.params,
  };
}

/** The ids among `ids` of appeals the caller may read, by the same rules in SQL as the appeals list. */
export async function readableAppealIds(
  manager: EntityManager,
  ability: AppAbility,
  ids: Iterable<unknown>,
): Promise<Set<string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => typeof id === 'string' && UUID.test(id)))];
  if (wanted.length === 0) return new Set();
  const query = manager
    .getRepository(Appeal)
    .createQueryBuilder('record')
    .select('record.id', 'id')
    .where('record.id = ANY(:ids)', { ids: wanted });
  applyAbility(query, ability, 'read', 'appeals');
  const rows: { id: string }[] = await query.getRawMany();
  return new Set(rows.map((row) => row.id));
}

/**
 * The fields of a record of `resource` to leave out for a caller who may read only the appeals in
 * `readable`: each link to another appeal, with the text copied from it. `values` are the record's
 * (or an audit event's before/after); `currentLink` gives a link's value when `values` lack it (an
 * audit event of a change that did not touch the link).
 */
export function hiddenLinkFields(
  resource: string,
  values: Record<string, unknown>,
  readable: ReadonlySet<string>,
  currentLink: (link: AppealLink) => unknown = () => undefined,
): string[] {
  return appealLinksOf(resource).flatMap((link) => {
    const id = link.field in values ? values[link.field] : currentLink(link);
    return typeof id === 'string' && !readable.has(id) ? [link.field, ...link.copied] : [];
  });
}

/**
 * Refuses a change to what `hiddenLinkFields` hides from the caller (a link to an appeal they may not
 * read, or the text copied from it): they do not see it, so they may not overwrite it blind. `changed`
 * are the fields the request would change.
 */
export async function assertMayWriteLinkedFields(
  manager: EntityManager,
  ability: AppAbility,
  resource: string,
  record: Record<string, unknown>,
  changed: readonly string[],
): Promise<void> {
  const linked = appealLinksOf(resource).map((link) => record[link.field]);
  if (!linked.some((id) => typeof id === 'string')) return;
  const hidden = hiddenLinkFields(resource, record, await readableAppealIds(manager, ability, linked));
  const refused = changed.filter((field) => hidden.includes(field));
  if (refused.length > 0) {
    throw new AppError(
      ErrorCode.Forbidden,
      `This ${resource} record retells an appeal you may not read: ${refused.join(', ')} are not yours to change`,
      refused.map((field) => ({ field, message: 'may be changed only by those who may read the appeal' })),
    );
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
