import type { components, operations } from './schema';

/**
 * The API's answers as its published contract (`docs/openapi.json`) says them. `schema.ts` is
 * generated from the contract by `npm run contract`; these names only pick from it.
 */
export type ApiSchema<Name extends keyof components['schemas']> = components['schemas'][Name];

/** The JSON body of an operation's 200 answer, by its operation id. */
export type ApiAnswer<Operation extends keyof operations> = operations[Operation] extends {
  responses: { 200: { content: { 'application/json': infer Body } } };
}
  ? Body
  : never;

/**
 * A record as a reader sees it: every field the contract lists, those in `MaybeHidden` only for
 * readers who may see them (the contract promises no field but the id, as permissions trim them).
 */
export type Shown<Record, MaybeHidden extends keyof Record> = Required<Omit<Record, MaybeHidden>> &
  Partial<Pick<Record, MaybeHidden>>;
