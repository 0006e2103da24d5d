import { hasLoneSurrogate } from '@adaldesk/libs';
import type { NextFunction, Request, Response } from 'express';
import { AppError, type FieldProblem } from '../errors/app-error.js';

/** Deeper than any body or filter the API takes; a walk never goes further, so never overflows. */
export const MAX_INPUT_DEPTH = 32;

/**
 * Names that reach into JavaScript's own objects (`obj.constructor`, `obj.__proto__`) when a library
 * looks a key up: no field of the API is called so, so a key with one of these names is refused.
 */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Why `text` cannot be stored: U+0000, which PostgreSQL text cannot hold, or a lone surrogate. */
function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (hasLoneSurrogate(text)) return 'must not contain a lone surrogate character (invalid Unicode)';
  return null;
}

const fieldOf = (prefix: string, key: string | number) =>
  typeof key === 'number' ? `${prefix}[${key}]` : prefix ? `${prefix}.${key}` : key;

/**
 * The first thing in `value` (parsed JSON, or a parsed query string) that no handler should ever
 * see: text with NUL or a lone surrogate, a key naming one of JavaScript's built-in properties, or
 * nesting deeper than `maxDepth`. Named by its path from `field`.
 */
export function unsafeInputProblem(value: unknown, field: string, maxDepth = MAX_INPUT_DEPTH): FieldProblem | null {
  const visit = (current: unknown, path: string, depth: number): FieldProblem | null => {
    if (typeof current === 'string') {
      const message = textProblem(current);
      return message ? { field: path || '(body)', message } : null;
    }
    if (current === null || typeof current !== 'object') return null;
    if (depth >= maxDepth) {
      return { field: path || '(body)', message: `is nested too deeply (at most ${maxDepth} levels)` };
    }
    if (Array.isArray(current)) {
      for (let index = 0; index < current.length; index++) {
        const problem = visit(current[index], fieldOf(path, index), depth + 1);
        if (problem) return problem;
      }
      return null;
    }
    for (const key of Object.keys(current)) {
      const keyProblem = textProblem(key);
      if (keyProblem) return { field: path || '(body)', message: `a key ${keyProblem}` };
      if (RESERVED_KEYS.has(key)) {
        return { field: fieldOf(path, key), message: 'is not a field of this API (a reserved name)' };
      }
      const problem = visit((current as Record<string, unknown>)[key], fieldOf(path, key), depth + 1);
      if (problem) return problem;
    }
    return null;
  };
  return visit(value, field, 0);
}

/**
 * Refuses, before any route runs, a request whose query string or JSON body holds what
 * `unsafeInputProblem` finds: one check in front of every endpoint instead of one per handler.
 */
export function rejectUnsafeInput(req: Request, _res: Response, next: NextFunction): void {
  const problem = unsafeInputProblem(req.query, '', 2) ?? unsafeInputProblem(req.body, '');
  next(problem ? AppError.validation([problem]) : undefined);
}
