import 'reflect-metadata';
import type { StepBody, StepField, StepFields, WorkflowStep } from '@adaldesk/libs';
import type { ClassConstructor } from 'class-transformer';
import { IsInt, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { apply, CivilDate, OneOf, optional, TengeAmount } from '../validation/fields.js';
import { VersionDto } from '../validation/versioned.js';

/** The fields a step declares, none when it declares no `fields`. */
type FieldsOf<Step> = Step extends { readonly fields: infer F extends StepFields } ? F : Record<never, never>;

/** The body class of each step, typed as the body its declared fields make. */
export type StepBodyClasses<Steps> = {
  [A in keyof Steps]: ClassConstructor<VersionDto & StepBody<FieldsOf<Steps[A]>>>;
};

/** Decorators of the field types a domain validates its own way (a checklist's nested answers). */
export type NestedFieldRules = Partial<Record<'checklist', () => PropertyDecorator>>;

/**
 * The body class of every step of a workflow, built from the fields libs declares for it with the
 * same class-validator rules a hand-written DTO would carry: `validateBody` checks requests with it,
 * and the OpenAPI document publishes it as one component schema per step body. A step without fields
 * takes `VersionDto`; the others a class named after the step (`open-case` → `OpenCaseDto`).
 */
export function stepBodies<Steps extends Readonly<Record<string, WorkflowStep<string>>>>(
  workflow: { readonly steps: Steps },
  nested: NestedFieldRules = {},
): StepBodyClasses<Steps> {
  return Object.fromEntries(
    Object.entries(workflow.steps).map(([step, { fields = {} }]) => [step, bodyClass(step, fields, nested)]),
  ) as StepBodyClasses<Steps>;
}

function bodyClass(step: string, fields: StepFields, nested: NestedFieldRules): ClassConstructor<VersionDto> {
  if (Object.keys(fields).length === 0) return VersionDto;
  class StepBodyDto extends VersionDto {}
  Object.defineProperty(StepBodyDto, 'name', { value: `${pascalCase(step)}Dto` });
  for (const [name, field] of Object.entries(fields)) {
    // The type a compiled property declaration records, which the OpenAPI schema of a custom rule reads.
    Reflect.defineMetadata('design:type', DESIGN_TYPES[field.type], StepBodyDto.prototype, name);
    const rules = apply(...rulesOf(field, nested, name));
    (field.optional ? optional(rules) : rules)(StepBodyDto.prototype, name);
  }
  return StepBodyDto;
}

function rulesOf(field: StepField, nested: NestedFieldRules, name: string): PropertyDecorator[] {
  switch (field.type) {
    case 'text':
      return [
        IsString(field.what ? { message: `is required: ${field.what}` } : undefined),
        ...(field.min ? [MinLength(field.min, { message: `must be at least ${field.min} characters long` })] : []),
        MaxLength(field.max),
      ];
    case 'id':
      return [IsUUID('all', { message: `must be ${field.of} id (UUID)` })];
    case 'date':
      return [CivilDate()];
    case 'integer':
      // The integer rule last: its schema type is the one that stands (Min and Max say "number").
      return [Max(field.max), Min(field.min), IsInt({ message: `must be a whole number of ${field.unit}` })];
    case 'choice':
      return [OneOf(field.values)];
    case 'amount':
      return [TengeAmount()];
    case 'checklist': {
      const rules = nested.checklist;
      if (!rules) throw new Error(`The step field "${name}" is a checklist, and no rules for checklists were given`);
      return [rules()];
    }
  }
}

const DESIGN_TYPES: Record<StepField['type'], unknown> = {
  text: String,
  id: String,
  date: String,
  integer: Number,
  choice: String,
  amount: String,
  checklist: Array,
};

const pascalCase = (step: string) =>
  step.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase());
