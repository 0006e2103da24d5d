import type { INestApplication } from '@nestjs/common';
import { ApiBody, type OpenAPIObject } from '@nestjs/swagger';
import type { ClassConstructor } from 'class-transformer';
import { targetConstructorToSchema, validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { crudServices } from './crud-services.js';

type Operation = Record<string, unknown> & { parameters?: { name: string; in: string }[]; operationId?: string };

/**
 * Writes into the OpenAPI document what each operation takes, from the same class-validator DTOs
 * that validate the requests: every DTO becomes a component schema, each resource's create and
 * update name theirs, and the generic `POST …/{id}/actions/{action}` becomes one operation per step
 * with its own body (the steps a resource declares in its `stepDtos`). The document and the
 * validation cannot drift apart: they are read off the same classes.
 */
export function addRequestSchemas(app: INestApplication, document: OpenAPIObject): void {
  // openapi3-ts's schema type and Nest's describe the same JSON.
  const schemas = validationMetadatasToSchemas({ refPointerPrefix: '#/components/schemas/' }) as Record<
    string,
    NonNullable<OpenAPIObject['components']>['schemas'] extends infer S ? S[keyof S] : never
  >;
  document.components = { ...document.components, schemas: { ...schemas, ...document.components?.schemas } };
  const body = (dto: ClassConstructor<object>) => {
    // A DTO made with mapped types (UpdateDtoOf, OmitType) has its rules on the classes it is made
    // of: its own schema gathers them.
    if (!schemas[dto.name]) {
      schemas[dto.name] = targetConstructorToSchema(dto, { refPointerPrefix: '#/components/schemas/' }) as never;
    }
    const schema = schemas[dto.name] as { properties?: object };
    // A class without a field (a resource nobody creates through the API) takes no body.
    if (Object.keys(schema.properties ?? {}).length === 0) return undefined;
    document.components!.schemas![dto.name] = schema as never;
    return {
      required: true,
      content: { 'application/json': { schema: { $ref: `#/components/schemas/${dto.name}` } } },
    };
  };

  for (const service of crudServices(app)) {
    const { resource, createDto, updateDto, stepDtos } = service.spec;
    const base = `/api/${resource}`;
    const create = document.paths[base]?.post as Operation | undefined;
    if (create) create.requestBody = body(createDto);
    const update = document.paths[`${base}/{id}`]?.put as Operation | undefined;
    if (update) update.requestBody = body(updateDto);

    const genericPath = `${base}/{id}/actions/{action}`;
    const generic = document.paths[genericPath]?.post as Operation | undefined;
    for (const [step, dto] of Object.entries(stepDtos ?? {})) {
      const path = `${base}/{id}/actions/${step}`;
      const explicit = document.paths[path]?.post as Operation | undefined;
      if (explicit) {
        explicit.requestBody = body(dto);
        continue;
      }
      if (!generic) continue;
      document.paths[path] = {
        post: {
          ...generic,
          operationId: `${generic.operationId ?? resource}_${step}`,
          summary: `The "${step}" step of ${resource}`,
          parameters: (generic.parameters ?? []).filter((parameter) => parameter.name !== 'action'),
          requestBody: body(dto),
        },
      } as OpenAPIObject['paths'][string];
    }
    if (generic && stepDtos) delete document.paths[genericPath];
  }
  document.components.schemas = withoutBuiltInReferences(document.components.schemas) as typeof schemas;
}

/**
 * A nested property whose class the metadata does not name (`@ValidateNested()` over a plain object or
 * array) comes out as a reference to "Object" or "Array": said as the JSON type it is.
 */
function withoutBuiltInReferences(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutBuiltInReferences);
  if (schema === null || typeof schema !== 'object') return schema;
  const { $ref } = schema as { $ref?: unknown };
  if ($ref === '#/components/schemas/Object') return { type: 'object' };
  if ($ref === '#/components/schemas/Array') return { type: 'array', items: {} };
  return Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, withoutBuiltInReferences(value)]));
}

/**
 * Names in the contract the DTO a handler validates its `@Body()` with, outside the CRUD services
 * (signing in, bulk steps): its schema is the same class-validator one.
 */
export const RequestDto = (dto: ClassConstructor<object>) =>
  ApiBody({ required: true, schema: { $ref: `#/components/schemas/${dto.name}` } });

/** A multipart upload: `file` and, where a handler takes them, text fields beside it. */
export const MultipartBody = (fields: Record<string, string> = {}) =>
  ApiBody({
    required: true,
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary' },
        ...Object.fromEntries(
          Object.entries(fields).map(([name, description]) => [name, { type: 'string', description }]),
        ),
      },
    },
  });
