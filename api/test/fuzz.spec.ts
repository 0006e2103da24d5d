import { JwtService } from '@nestjs/jwt';
import fc from 'fast-check';
import { bearer, startTestApp, type TestApp } from './test-app.js';

/**
 * Every operation of the OpenAPI document, called with hostile input (NUL, lone surrogates, deep
 * nesting, JavaScript's built-in names as keys, absurd dates, huge numbers, wrong types) by every role
 * and by nobody: no answer may be a 5xx, none may hang, and the API answers its health check at once
 * afterwards. Only the in-process app is called. A fixed seed keeps a failure reproducible and the
 * run's length bounded.
 */
const SEED = 1_400_014;
/** Property runs per operation and caller; every run is one request. */
const RUNS_PER_CALLER = 3;
/** Longer than any answer should take on a busy machine, far shorter than a frozen server. */
const ANSWER_TIMEOUT_MS = 15_000;
const MISSING_ID = '00000000-0000-4000-8000-000000000000';

/** Operations that would end the demo users' sessions, which other test files share: nobody's token only. */
const SESSION_ENDING = new Set(['POST /api/auth/logout']);

interface Operation {
  method: 'get' | 'post' | 'put' | 'delete' | 'patch';
  path: string;
  queryNames: string[];
}

let t: TestApp;
let operations: Operation[];
/** A real record id per resource, so routes are also reached past their "not found". */
const realIds = new Map<string, string>();
let callers: [string, Record<string, string>][];

beforeAll(async () => {
  t = await startTestApp();
  const document = (await t.http.get('/api/docs-json')).body as {
    paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
  };
  operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => ['get', 'post', 'put', 'delete', 'patch'].includes(method))
      .map(([method, operation]) => ({
        method: method as Operation['method'],
        path,
        queryNames: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      })),
  );
  for (const resource of new Set(operations.map((op) => /^\/api\/([^/]+)\/\{id\}/.exec(op.path)?.[1]))) {
    if (!resource) continue;
    const list = await t.http.get(`/api/${resource}`).query({ range: '[0,0]' }).set(bearer(t.tokens.admin));
    if (list.status === 200 && list.body[0]?.id !== undefined) realIds.set(resource, String(list.body[0].id));
  }
  const jwt = t.app.get(JwtService, { strict: false });
  callers = [
    ...Object.entries(t.tokens).map(([role, token]): [string, Record<string, string>] => [role, bearer(token)]),
    ['nobody', {}],
    ['garbage token', { Authorization: 'Bearer \u00ff.not.a.token' }],
    ['token naming no user', bearer(await jwt.signAsync({ sub: 'constructor', role: 'admin', sv: 0 }))],
  ];
}, 120_000);
afterAll(() => t?.close());

const deepArray = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

const hostileText = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\uD800',
    'x\uDFFF',
    '\uDBFF\uDBFF',
    '2026-02-30',
    '0000-01-01',
    '9999-12-31',
    '+275760-09-13',
    '+275760-09-13T00:00:00.000Z',
    '-271821-04-20T00:00:00Z',
    '1 1',
    'constructor',
    '__proto__',
    'toString',
    "' OR '1'='1",
    MISSING_ID,
    '-1',
    '1e309',
    '99999999999999999999999',
    '',
    'ж'.repeat(300),
  ),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.date({ noInvalidDate: false }).map((date) => (Number.isNaN(date.getTime()) ? 'Invalid Date' : date.toISOString())),
);
const hostileKey = fc.oneof(
  fc.constantFrom(
    'constructor',
    '__proto__',
    'toString',
    'hasOwnProperty',
    'prototype',
    'id',
    'q',
    'code',
    'date',
    'date_gte',
    'createdAt_lte',
    'receivedAt_gte',
    'regionId',
    'status',
    'email',
    'password',
    'version',
    'ids',
    'assigneeId',
    'a\u0000',
    '\uD800',
  ),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
const { value: hostileValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    hostileText,
    fc.constantFrom(2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER + 2, 1e308, -0, 0.5, true, false, null),
    fc.integer(),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(hostileKey, tie('value'), { maxKeys: 3 }),
  ),
}));
/** A JSON text: the hostile value, or one nested far deeper than anything parses safely by recursion. */
const hostileJson = fc.oneof(
  { weight: 4, arbitrary: hostileValue.map((value) => JSON.stringify(value) ?? 'null') },
  { weight: 1, arbitrary: fc.constantFrom(deepArray(20_000), deepObject(5_000), '{"constructor":{"prototype":1}}') },
);
const hostileQuery = (documented: string[]) =>
  fc.dictionary(
    fc.oneof(fc.constantFrom('filter', 'sort', 'range', ...documented), hostileKey),
    fc.oneof(
      hostileText,
      hostileJson,
      hostileJson.map((json) => JSON.stringify({ q: json })),
    ),
    { maxKeys: 3 },
  );
const hostileBody = fc.oneof(
  { weight: 3, arbitrary: fc.dictionary(hostileKey, hostileValue, { maxKeys: 4 }).map((body) => JSON.stringify(body)) },
  { weight: 1, arbitrary: hostileJson },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '{"email":{"constructor":1},"password":"x"}',
      '{"__proto__":{"admin":true}}',
      `{"email":${deepArray(20_000)}}`,
      '{"email":"a\\u0000@b.kz","password":"\\ud800"}',
      '{"unterminated',
    ),
  },
);
/** Path parameters: a real id (GET only: the others would change records other test files rely on) and hostile ones. */
const pathValue = (resource: string | undefined, method: Operation['method']) =>
  fc.oneof(
    fc.constantFrom(
      ...(method === 'get' && resource && realIds.has(resource) ? [realIds.get(resource)!] : []),
      MISSING_ID,
      'constructor',
      '__proto__',
      '\u0000',
      '\uD800',
      '1 1',
      '99999999999999999999999',
      '-1',
      "1' OR '1'='1",
    ),
    fc.string({ unit: 'binary', maxLength: 8 }).filter((text) => text !== '' && text !== '.' && text !== '..'),
  );
const actionName = fc.constantFrom('triage', 'resolve', 'constructor', 'toString', '__proto__', 'x\u0000');

/** Percent-encodes like a hostile client: a lone surrogate, which has no UTF-8, goes as the raw bytes of one. */
const encode = (text: string) =>
  text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[^]/g, (character) => {
    try {
      return encodeURIComponent(character);
    } catch {
      return '%ED%A0%80';
    }
  });

async function call(operation: Operation, headers: Record<string, string>, parts: Parts) {
  const resource = /^\/api\/([^/]+)/.exec(operation.path)?.[1];
  const url = operation.path
    .replace('{id}', encode(parts.id))
    .replace('{action}', encode(parts.action))
    .replace(/\{[^}]+\}/g, encode(parts.id));
  const query = Object.entries(parts.query).map(([name, value]) => `${encode(name)}=${encode(value)}`);
  const target = query.length > 0 ? `${url}?${query.join('&')}` : url;
  let request = t.http[operation.method](target).set(headers).timeout(ANSWER_TIMEOUT_MS);
  if (operation.method !== 'get' && operation.method !== 'delete') {
    // A real record is never sent a `version`, so no hostile body can ever change it.
    const body = url.includes(realIds.get(resource ?? '') ?? '\u0000')
      ? parts.body.replace(/"version"/g, '"v"')
      : parts.body;
    request = request.set('Content-Type', 'application/json').send(body);
  }
  return request;
}

interface Parts {
  id: string;
  action: string;
  query: Record<string, string>;
  body: string;
}

test('no hostile request to any operation, by anyone, is answered with a 5xx or not at all', async () => {
  expect(operations.length).toBeGreaterThan(40);
  // Reads also reach real records (resources the demo seed leaves empty have none).
  expect(realIds.size).toBeGreaterThanOrEqual(8);
  const failures: string[] = [];
  let run = 0;
  for (const operation of operations) {
    const key = `${operation.method.toUpperCase()} ${operation.path}`;
    const resource = /^\/api\/([^/]+)/.exec(operation.path)?.[1];
    const parts = fc.record({
      id: pathValue(resource, operation.method),
      action: actionName,
      query: hostileQuery(operation.queryNames),
      body: hostileBody,
    });
    for (const [caller, headers] of callers) {
      if (SESSION_ENDING.has(key) && caller in t.tokens) continue;
      let answer = '';
      const result = await fc.check(
        fc.asyncProperty(parts, async (drawn) => {
          const response = await call(operation, headers, drawn);
          answer = `${response.status} ${response.text}`;
          return response.status < 500;
        }),
        { seed: SEED + run++, numRuns: RUNS_PER_CALLER, endOnFailure: true },
      );
      if (result.failed) {
        failures.push(
          `${key} as ${caller}: ${result.errorInstance ? String(result.errorInstance) : answer} with ${fc.stringify(result.counterexample)}`.slice(
            0,
            2000,
          ),
        );
      }
    }
  }
  expect(failures).toEqual([]);

  const started = Date.now();
  const health = await t.http.get('/api/health').timeout(ANSWER_TIMEOUT_MS);
  expect(health.status).toBe(200);
  expect(Date.now() - started).toBeLessThan(2_000);
}, 240_000);
