import type { SchemaObject } from '@nestjs/swagger';

export type { SchemaObject };

/**
 * Short builders for the OpenAPI 3.0 schemas of responses the handlers write by hand (statistics,
 * the deadline preview, health). The integration tests check every response against them, so a
 * schema that says less or other than the handler returns fails a test.
 */
export const schema = {
  string: (extra: SchemaObject = {}): SchemaObject => ({ type: 'string', ...extra }),
  dateTime: (): SchemaObject => ({ type: 'string', format: 'date-time' }),
  /** A civil date, `YYYY-MM-DD`. */
  date: (): SchemaObject => ({ type: 'string', format: 'date' }),
  uuid: (): SchemaObject => ({ type: 'string', format: 'uuid' }),
  integer: (extra: SchemaObject = {}): SchemaObject => ({ type: 'integer', ...extra }),
  number: (extra: SchemaObject = {}): SchemaObject => ({ type: 'number', ...extra }),
  boolean: (): SchemaObject => ({ type: 'boolean' }),
  enum: (values: readonly string[]): SchemaObject => ({ type: 'string', enum: [...values] }),
  array: (items: SchemaObject): SchemaObject => ({ type: 'array', items }),
  /** Any JSON value. */
  any: (): SchemaObject => ({}),
  /** An object whose keys are data (a record of counts by state), each value `values`. */
  map: (values: SchemaObject): SchemaObject => ({ type: 'object', additionalProperties: values }),
  /** `of`, or null (an enum lists null too, as JSON Schema validators require). */
  nullable: (of: SchemaObject): SchemaObject => ({
    ...of,
    nullable: true,
    ...(of.enum ? { enum: [...of.enum, null] } : {}),
  }),
  ref: (name: string): SchemaObject => ({ $ref: `#/components/schemas/${name}` }) as SchemaObject,
  /**
   * An object with exactly these properties, every one required unless named in `optional`; nothing
   * else may appear.
   */
  object: (properties: Record<string, SchemaObject>, optional: readonly string[] = []): SchemaObject => {
    const required = Object.keys(properties).filter((name) => !optional.includes(name));
    return { type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false };
  },
};
