import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject, OperationObject, ParameterObject } from '@nestjs/swagger';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import { DataSource } from 'typeorm';
import type { FilterSpec } from '../crud/list-query.js';
import { MAX_PAGE_SIZE } from '../crud/list-query.js';
import { crudServices } from './crud-services.js';
import { schema, type SchemaObject } from './schema.js';

/** The one shape every error answer has (`HttpExceptionFilter`). */
const ERROR_SCHEMA = schema.object(
  {
    statusCode: schema.integer({ minimum: 400, maximum: 599 }),
    error: schema.string(),
    message: schema.string(),
    details: schema.any(),
  },
  ['details'],
);

/** One entry of a record's history (`GET /api/<resource>/{id}/timeline`). */
const TIMELINE_ENTRY_SCHEMA = schema.object({
  id: schema.string({ pattern: '^[0-9]+$' }),
  occurredAt: schema.dateTime(),
  actorId: schema.nullable(schema.uuid()),
  actorEmail: schema.nullable(schema.string()),
  actorRole: schema.nullable(schema.string()),
  action: schema.string(),
  before: schema.nullable(schema.map(schema.any())),
  after: schema.nullable(schema.map(schema.any())),
});

/** The errors operations answer with, each a shared response of the document, by status. */
const ERRORS: Record<string, { name: string; description: string }> = {
  '400': { name: 'Invalid', description: 'Invalid input: `details` names every field at fault' },
  '401': { name: 'Unauthenticated', description: 'No valid sign-in' },
  '403': { name: 'Forbidden', description: 'The caller may not do this' },
  '404': { name: 'NotFound', description: 'No such record in the caller’s scope' },
  '405': { name: 'NeverDeleted', description: 'The resource is never deleted: `message` says what to do instead' },
  '409': {
    name: 'Conflict',
    description: 'Someone changed the record first (`details.currentVersion`), or a value must be unique',
  },
  '422': {
    name: 'IllegalStep',
    description: 'The record’s status does not allow the step: `details.allowed` names those it does',
  },
  default: {
    name: 'Failure',
    description: 'Any other failure: 413 too large, 429 too many attempts, 503 the database is away',
  },
};

/**
 * Writes into the OpenAPI document what each operation answers: every CRUD resource's record schema
 * (read off its entity's columns, with the fields its service computes), list parameters and the
 * `Content-Range` header, CSV exports, timelines, and the error shape on every operation. Handlers
 * outside the CRUD routes declare their own with `@ApiOkResponse` next to the code.
 */
export function addResponseSchemas(app: INestApplication, document: OpenAPIObject): void {
  const schemas = (document.components!.schemas ??= {});
  schemas.Error = ERROR_SCHEMA;
  schemas.TimelineEntry = TIMELINE_ENTRY_SCHEMA;
  document.components!.responses = Object.fromEntries(
    Object.values(ERRORS).map(({ name, description }) => [
      name,
      { description, content: { 'application/json': { schema: schema.ref('Error') } } },
    ]),
  );
  const dataSource = app.get(DataSource);

  for (const service of crudServices(app)) {
    const { resource, entity, computedFields, stepAnswerFields, filters, sortable, searchable } = service.spec;
    const name = entity.name;
    const columns = dataSource.getMetadata(entity).columns;
    schemas[name] = recordSchema(columns, computedFields ?? {});
    const record = { 'application/json': { schema: schema.ref(name) } };
    const base = `/api/${resource}`;
    for (const [path, methods] of Object.entries(document.paths)) {
      if (path !== base && !path.startsWith(`${base}/`)) continue;
      const rest = path.slice(base.length);
      for (const [method, operation] of Object.entries(methods) as [string, OperationObject][]) {
        if (typeof operation !== 'object' || !operation.responses) continue;
        operation.summary ??= crudSummary(resource, method, rest);
        const success = Object.keys(operation.responses).find((status) => status.startsWith('2'));
        if (!success || hasContent(operation.responses[success])) continue;
        const described = (content: object, description: string, headers?: object) => {
          operation.responses[success] = { description, content, ...(headers ? { headers } : {}) } as never;
        };
        if (rest === '' && method === 'get') {
          const page = { 'application/json': { schema: schema.array(schema.ref(name)) } };
          described(page, `A page of ${resource}`, PAGE_HEADERS);
          operation.parameters = [...withoutQuery(operation.parameters), ...listParameters(filters, sortable)];
          if (searchable) mentionSearch(operation);
        } else if (rest === '/export' && method === 'get') {
          described(
            { 'text/csv': { schema: schema.string() } },
            `Every ${resource} record the list would show, as CSV`,
          );
          operation.parameters = [
            ...withoutQuery(operation.parameters),
            ...listParameters(filters, sortable).filter((parameter) => parameter.name !== 'range'),
          ];
        } else if (rest === '/{id}/timeline' && method === 'get') {
          described({ 'application/json': { schema: schema.array(schema.ref('TimelineEntry')) } }, 'The history');
        } else if (stepAnswerFields?.[rest.replace('/{id}/actions/', '')] && rest.startsWith('/{id}/actions/')) {
          const step = rest.replace('/{id}/actions/', '');
          const answer = `${name}_${step.replace(/-(.)/g, (_, c: string) => c.toUpperCase())}Answer`;
          schemas[answer] = recordSchema(columns, { ...computedFields, ...stepAnswerFields[step] });
          described(
            { 'application/json': { schema: schema.ref(answer) } },
            `The record as stored, and what the step made`,
          );
        } else if (rest === '' || rest === '/{id}' || /^\/\{id\}\/actions\/[a-z-]+$/.test(rest)) {
          described(record, `The ${resource} record as stored`);
        }
      }
    }
  }
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods) as [string, OperationObject][]) {
      if (typeof operation !== 'object' || !operation.responses) continue;
      addErrors(path, method, operation);
      // A route open to all (`@Public()`: health, signing in) says so rather than leaving it unsaid.
      operation.security ??= [];
    }
  }
  dropUnusedSchemas(document);
}

/** What a CRUD route does, in a line. */
function crudSummary(resource: string, method: string, rest: string): string | undefined {
  if (rest === '') return method === 'get' ? `List ${resource}` : `Create a ${resource} record`;
  if (rest === '/export') return `Export the ${resource} list as CSV`;
  if (rest === '/{id}/timeline') return `The history of a ${resource} record`;
  if (rest.startsWith('/{id}/actions/')) return `The "${rest.slice('/{id}/actions/'.length)}" step of ${resource}`;
  if (rest === '/{id}') {
    return {
      get: `Read a ${resource} record`,
      put: `Change a ${resource} record`,
      delete: `Delete a ${resource} record`,
    }[method];
  }
  return undefined;
}

/**
 * Drops the component schemas nothing refers to (DTOs class-validator knows of that no operation
 * takes), until none is left: a schema only an unused one referred to goes too.
 */
function dropUnusedSchemas(document: OpenAPIObject): void {
  const schemas = document.components?.schemas ?? {};
  for (;;) {
    const text = JSON.stringify(document);
    const unused = Object.keys(schemas).filter((name) => {
      const reference = `"#/components/schemas/${name}"`;
      const own = JSON.stringify(schemas[name]).split(reference).length - 1;
      return text.split(reference).length - 1 === own;
    });
    if (unused.length === 0) return;
    for (const name of unused) delete schemas[name];
  }
}

const PAGE_HEADERS = {
  'Content-Range': {
    description: '`<resource> <first>-<last>/<total>`; the total is `*` when counting stopped (see X-Total-At-Least)',
    schema: schema.string(),
  },
  'X-Total-At-Least': {
    description: 'When the total is `*`: how many matches were counted before counting stopped',
    schema: schema.string({ pattern: '^[0-9]+$' }),
  },
};

/** react-admin's `filter`, `sort` and `range`, each a JSON value in the query string. */
function listParameters(filters: Record<string, FilterSpec>, sortable: readonly string[]): ParameterObject[] {
  const filterProperties = Object.fromEntries(
    Object.entries(filters).map(([name, spec]) => [name, filterValueSchema(spec)]),
  );
  const json = (name: string, description: string, value: SchemaObject): ParameterObject => ({
    name,
    in: 'query',
    required: false,
    description,
    content: { 'application/json': { schema: value } },
  });
  return [
    json(
      'filter',
      'Filters, all of which must hold; an `eq` filter also takes an array (any of). `_gte`/`_lte` bound a range, `_null` asks for no value (true) or a value (false).',
      { type: 'object', properties: filterProperties, additionalProperties: false },
    ),
    json('sort', '`[field, order]`', {
      type: 'array',
      items: {},
      minItems: 2,
      maxItems: 2,
      example: [sortable[0] ?? 'id', 'ASC'],
    }),
    json('range', `\`[first, last]\`, zero-based and inclusive; at most ${MAX_PAGE_SIZE} records`, {
      type: 'array',
      items: { type: 'integer', minimum: 0 },
      minItems: 2,
      maxItems: 2,
      example: [0, 24],
    }),
  ];
}

function mentionSearch(operation: OperationObject): void {
  const filter = operation.parameters?.find((parameter) => 'name' in parameter && parameter.name === 'filter') as
    (ParameterObject & { content: Record<string, { schema: SchemaObject }> }) | undefined;
  if (!filter) return;
  filter.content['application/json'].schema.properties!.q = schema.string({
    description: 'Words to search for',
    maxLength: 200,
  });
}

function filterValueSchema(spec: FilterSpec): SchemaObject {
  if (spec.operator === 'isNull') return schema.boolean();
  const one: SchemaObject = {
    uuid: schema.uuid(),
    integerId: schema.string({ pattern: '^[0-9]+$' }),
    text: schema.string(),
    boolean: schema.boolean(),
    date: schema.date(),
    datetime: schema.dateTime(),
    integer: schema.integer(),
  }[spec.type];
  return spec.operator === 'eq' ? { oneOf: [one, schema.array(one)] } : one;
}

function withoutQuery(parameters: OperationObject['parameters']): NonNullable<OperationObject['parameters']> {
  return (parameters ?? []).filter((parameter) => !('in' in parameter) || parameter.in !== 'query');
}

function hasContent(response: unknown): boolean {
  return typeof response === 'object' && response !== null && 'content' in response;
}

/**
 * A record's schema from its entity's columns: the API answers with the stored record, less the
 * fields the caller may not read, so no field but the id is promised and no field not listed may
 * appear. `computed` adds what the service works out (an SLA state).
 */
export function recordSchema(columns: ColumnMetadata[], computed: Record<string, SchemaObject>): SchemaObject {
  const properties: Record<string, SchemaObject> = {};
  for (const column of columns) {
    if (!column.isSelect || column.isVirtual) continue;
    const base = columnSchema(column);
    const value = column.isArray ? schema.array(base) : base;
    properties[column.propertyPath] = column.isNullable ? schema.nullable(value) : value;
  }
  Object.assign(properties, computed);
  const required = columns.filter((column) => column.isPrimary).map((column) => column.propertyPath);
  return { type: 'object', properties, required, additionalProperties: false };
}

function columnSchema(column: ColumnMetadata): SchemaObject {
  const designType = Reflect.getMetadata(
    'design:type',
    column.target instanceof Function ? column.target.prototype : {},
    column.propertyName,
  ) as unknown;
  const type = typeof column.type === 'string' ? column.type : (column.type as { name?: string }).name?.toLowerCase();
  switch (type) {
    case 'uuid':
      return schema.uuid();
    case 'text':
    case 'varchar':
    case 'string':
      return schema.string();
    case 'int':
    case 'integer':
    case 'smallint':
    case 'int2':
    case 'int4':
    case 'number':
      return schema.integer();
    case 'bigint':
    case 'int8':
      // Read as text unless the entity turns it into a number.
      return designType === Number ? schema.integer() : schema.string({ pattern: '^-?[0-9]+$' });
    case 'numeric':
      // Exact decimals travel as text, so no amount is rounded on the way.
      return schema.string({ pattern: '^-?[0-9]+(\\.[0-9]+)?$' });
    case 'boolean':
      return schema.boolean();
    case 'timestamptz':
    case 'timestamp with time zone':
      return schema.dateTime();
    case 'date':
      return schema.date();
    case 'jsonb':
      return designType === Array ? schema.array(schema.any()) : designType === Object ? schema.map(schema.any()) : {};
    default:
      throw new Error(`No OpenAPI schema for the column type "${String(type)}" of ${column.propertyPath}`);
  }
}

/** The errors an operation can answer with, as specific as its path and method allow, and the rest. */
function addErrors(path: string, method: string, operation: OperationObject): void {
  const secured = (operation.security ?? []).length > 0;
  const applies: Record<string, boolean> = {
    '400': true,
    '401': secured,
    '403': secured,
    '404': path.includes('{'),
    '405': method === 'delete',
    '409': ['post', 'put', 'delete'].includes(method),
    '422': path.includes('/actions/'),
    default: true,
  };
  for (const [status, { name }] of Object.entries(ERRORS)) {
    if (applies[status] && !operation.responses[status]) {
      operation.responses[status] = { $ref: `#/components/responses/${name}` };
    }
  }
}
