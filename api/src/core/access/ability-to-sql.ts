import { rulesToAST } from '@casl/ability/extra';
import type { Action, AppAbility, Subject } from '@adaldesk/libs';
import {
  Brackets,
  type EntityMetadata,
  type ObjectLiteral,
  type SelectQueryBuilder,
  type WhereExpressionBuilder,
} from 'typeorm';

type Condition = NonNullable<ReturnType<typeof rulesToAST>>;

interface FieldCondition {
  operator: string;
  field: string;
  value: unknown;
}
interface CompoundCondition {
  operator: 'and' | 'or' | 'not';
  value: Condition[];
}

const COMPARISONS: Record<string, string> = { eq: '=', ne: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' };

/**
 * Turns the permission rules' conditions for (action, subject) into a SQL WHERE on the query, so that
 * counts and pages only ever include rows in the caller's scope. Returns false when no rule allows
 * anything at all (the caller should have answered 403 before).
 */
export function applyAbility<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  ability: AppAbility,
  action: Action,
  subject: Subject,
): boolean {
  const condition = abilityCondition(ability, action, subject, query.expressionMap.mainAlias!.metadata, query.alias);
  if (condition === null) {
    query.andWhere('1 = 0');
    return false;
  }
  if (condition.sql !== 'TRUE') {
    query.andWhere(
      new Brackets((where: WhereExpressionBuilder) => {
        where.where(condition.sql, condition.params);
      }),
    );
  }
  return true;
}

/**
 * The rules' conditions for (action, subject) as SQL over the table `metadata` describes under
 * `alias`, with named parameters starting with `prefix` (so a condition can sit inside another
 * query's, e.g. "the linked appeal is one the caller may read"). `TRUE` when every row is allowed,
 * null when none is.
 */
export function abilityCondition(
  ability: AppAbility,
  action: Action,
  subject: Subject,
  metadata: EntityMetadata,
  alias: string,
  prefix = 'ability',
): SqlPart | null {
  const ast = rulesToAST(ability, action, subject);
  if (ast === null) return null;
  let counter = 0;
  return toSql(ast as Condition, (field, operator, value) => {
    const column = columnOf(metadata, field);
    const name = `${prefix}_${counter++}`;
    // On an array column (an inspection's team) equality means "contains", as CASL reads it; written
    // as @> so that a GIN index on the column serves it.
    const arrayColumn = metadata.findColumnWithPropertyName(field);
    if (arrayColumn?.isArray && operator === 'eq') {
      return {
        sql: `${alias}.${column} @> ARRAY[:${name}]::${String(arrayColumn.type)}[]`,
        params: { [name]: value },
      };
    }
    if (value === null) {
      if (operator === 'eq') return { sql: `${alias}.${column} IS NULL`, params: {} };
      if (operator === 'ne') return { sql: `${alias}.${column} IS NOT NULL`, params: {} };
    }
    if (operator === 'in') return { sql: `${alias}.${column} = ANY(:${name})`, params: { [name]: value } };
    if (operator === 'nin') return { sql: `NOT (${alias}.${column} = ANY(:${name}))`, params: { [name]: value } };
    const comparison = COMPARISONS[operator];
    if (!comparison) throw new Error(`Permission condition operator "${operator}" has no SQL translation`);
    return { sql: `${alias}.${column} ${comparison} :${name}`, params: { [name]: value } };
  });
}

export interface SqlPart {
  sql: string;
  params: Record<string, unknown>;
}

function toSql(condition: Condition, leaf: (field: string, operator: string, value: unknown) => SqlPart): SqlPart {
  const node = condition as unknown as CompoundCondition | FieldCondition;
  if (node.operator === 'and' || node.operator === 'or') {
    const parts = (node as CompoundCondition).value.map((child) => toSql(child, leaf));
    if (parts.length === 0) return { sql: node.operator === 'and' ? 'TRUE' : 'FALSE', params: {} };
    const joined = parts.map((p) => `(${p.sql})`).join(node.operator === 'and' ? ' AND ' : ' OR ');
    return { sql: joined, params: Object.assign({}, ...parts.map((p) => p.params)) };
  }
  if (node.operator === 'not') {
    const inner = (node as CompoundCondition).value.map((child) => toSql(child, leaf));
    const joined = inner.map((p) => `(${p.sql})`).join(' AND ');
    return { sql: `NOT (${joined || 'TRUE'})`, params: Object.assign({}, ...inner.map((p) => p.params)) };
  }
  const field = node as FieldCondition;
  return leaf(field.field, field.operator, field.value);
}

function columnOf(metadata: EntityMetadata, property: string): string {
  const column = metadata.findColumnWithPropertyName(property);
  if (!column) throw new Error(`Permission condition names "${property}", which ${metadata.name} does not have`);
  return `"${column.databaseName}"`;
}
