import { unsafeInputProblem } from './safe-input.js';

describe('unsafeInputProblem', () => {
  test('plain JSON passes, Kazakh and emoji included', () => {
    expect(unsafeInputProblem({ name: 'Қазақстан 🇰🇿', ids: ['a', 'b'], nested: { n: 1, ok: true } }, '')).toBeNull();
  });

  test('a NUL character is named by its path', () => {
    expect(unsafeInputProblem({ a: { b: ['x', 'y\u0000'] } }, '')).toEqual({
      field: 'a.b[1]',
      message: expect.stringMatching(/NUL/),
    });
  });

  test.each(['\uD800', 'a\uDBFFb', '\uDC00', 'x\uDFFF'])('a lone surrogate in %j is refused', (text) => {
    expect(unsafeInputProblem({ text }, '')).toEqual({ field: 'text', message: expect.stringMatching(/surrogate/) });
  });

  test('built-in names as keys are refused, also deep down', () => {
    expect(unsafeInputProblem({ email: { constructor: 1 } }, '')?.field).toBe('email.constructor');
    expect(unsafeInputProblem(JSON.parse('{"__proto__": {"admin": true}}'), 'filter')?.field).toBe('filter.__proto__');
    expect(unsafeInputProblem({ prototype: 1 }, '')?.field).toBe('prototype');
  });

  test('keys with NUL are refused', () => {
    expect(unsafeInputProblem({ 'a\u0000': 1 }, 'filter')?.field).toBe('filter');
  });

  test('nesting deeper than the bound is refused without walking it all', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(unsafeInputProblem({ deep }, '')?.message).toMatch(/nested too deeply/);
    expect(unsafeInputProblem([[1]], 'filter', 1)?.field).toBe('filter[0]');
  });
});
