import type { ChecklistAnswer } from '../domain/inspections.js';

/**
 * The fields a workflow step takes, declared as plain data beside its status machine: the API builds
 * the step's body validation and its published schema from them, and the admin's step dialog asks for
 * them. Every step's body also carries the `version` the client read, which is not declared here.
 * A field is required unless it is `optional` (then it may be absent or null).
 */
export type StepField = TextField | IdField | DateField | IntegerField | ChoiceField | AmountField | ChecklistField;

interface FieldRule {
  readonly optional?: true;
}

/** Text of at most `max` characters (and at least `min`); `what` names it when it is missing. */
export interface TextField extends FieldRule {
  readonly type: 'text';
  readonly min?: number;
  readonly max: number;
  /** Said when the text is missing: "is required: <what>". */
  readonly what?: string;
}

/** The id (UUID) of a record, which `of` names with its article: "a category", "an organisation". */
export interface IdField extends FieldRule {
  readonly type: 'id';
  readonly of: string;
}

/** A civil date, `YYYY-MM-DD`. */
export interface DateField extends FieldRule {
  readonly type: 'date';
}

/** A whole number of `unit` ("working days") from `min` to `max`. */
export interface IntegerField extends FieldRule {
  readonly type: 'integer';
  readonly unit: string;
  readonly min: number;
  readonly max: number;
}

/** One of `values`. */
export interface ChoiceField extends FieldRule {
  readonly type: 'choice';
  readonly values: readonly string[];
}

/** An amount in tenge, as an exact decimal string (`TENGE_AMOUNT`). */
export interface AmountField extends FieldRule {
  readonly type: 'amount';
}

/** Answers to an inspection's checklist items, `{ code, answer, note }` each. */
export interface ChecklistField extends FieldRule {
  readonly type: 'checklist';
}

export type StepFields = Readonly<Record<string, StepField>>;

/** One checklist answer as a step's body carries it. */
export interface ChecklistAnswerInput {
  code: string;
  answer: ChecklistAnswer | null;
  note?: string | null;
}

/** The value a field of this declaration holds. */
export type StepFieldValue<F extends StepField> = F extends IntegerField
  ? number
  : F extends { type: 'choice'; values: readonly (infer V)[] }
    ? V
    : F extends ChecklistField
      ? ChecklistAnswerInput[]
      : string;

type OptionalFieldNames<F extends StepFields> = {
  [K in keyof F]: F[K] extends { optional: true } ? K : never;
}[keyof F];

/** The body a step with these fields takes (besides `version`), as a type. */
export type StepBody<F extends StepFields> = {
  -readonly [K in Exclude<keyof F, OptionalFieldNames<F>>]: StepFieldValue<F[K]>;
} & {
  -readonly [K in OptionalFieldNames<F>]?: StepFieldValue<F[K]> | null;
};
