import { loadConfig, lintFromString } from '@redocly/openapi-core';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestApp, type TestApp } from './test-app.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The published contract (`GET /api/docs-json`) says what each operation takes: the request schemas
 * are read off the same class-validator DTOs that validate the requests, and every workflow step is
 * an operation of its own with its body.
 */
let t: TestApp;
let document: {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { $ref?: string } }> } }>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
};
beforeAll(async () => {
  t = await startTestApp();
  const response = await t.http.get('/api/docs-json');
  expect(response.status).toBe(200);
  document = response.body;
});
afterAll(() => t.close());

const operations = () =>
  Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
  );

test('every create, update and step names the schema of its body', () => {
  const writes = operations().filter(
    ({ path, method }) =>
      (method === 'put' && path.endsWith('/{id}')) ||
      (method === 'post' && (/^\/api\/[a-z-]+$/.test(path) || /\/\{id\}\/actions\/[a-z-]+$/.test(path))),
  );
  const withoutSchema = writes
    .filter(({ operation }) => !operation.requestBody?.content['application/json']?.schema.$ref)
    .map(({ method, path }) => `${method} ${path}`);
  // Notifications are written by AdalDesk itself: their POST refuses whatever it is sent.
  expect(withoutSchema).toEqual(['post /api/notifications']);
  expect(writes.length).toBeGreaterThan(40);
});

test('each workflow step is an operation of its own, with the fields that step takes', () => {
  expect(document.paths['/api/appeals/{id}/actions/{action}']).toBeUndefined();
  const resolve = document.paths['/api/appeals/{id}/actions/resolve'].post.requestBody!;
  const schema = document.components.schemas[resolve.content['application/json'].schema.$ref!.split('/').pop()!];
  expect(Object.keys(schema.properties ?? {})).toEqual(
    expect.arrayContaining(['version', 'outcome', 'resolutionText']),
  );
  expect(schema.required).toEqual(expect.arrayContaining(['version', 'outcome']));
  for (const step of ['start-review', 'open-case', 'refuse', 'send-to-court', 'record-verdict']) {
    expect(document.paths[`/api/referrals/{id}/actions/${step}`]?.post.requestBody).toBeDefined();
  }
});

test('signing in, bulk assignment and uploads say what they take, and every reference resolves', () => {
  const schemaOf = (path: string) =>
    (document.paths[path].post.requestBody?.content ?? {}) as Record<string, { schema: Record<string, unknown> }>;
  expect(schemaOf('/api/auth/login')['application/json'].schema.$ref).toBe('#/components/schemas/LoginDto');
  expect(schemaOf('/api/appeals/bulk/assign')['application/json'].schema.$ref).toBe(
    '#/components/schemas/BulkAssignDto',
  );
  expect(schemaOf('/api/findings/{id}/evidence')['multipart/form-data'].schema).toMatchObject({ required: ['file'] });
  expect(schemaOf('/api/price-observations/import')['multipart/form-data'].schema).toMatchObject({
    required: ['file'],
  });
  const references = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
    (match) => match[1],
  );
  expect(references.length).toBeGreaterThan(50);
  expect([...new Set(references)].filter((name) => !document.components.schemas[name])).toEqual([]);
});

test('the contract passes Redocly’s recommended rules', async () => {
  const config = await loadConfig({ configPath: join(ROOT, 'redocly.yaml') });
  const problems = await lintFromString({
    source: JSON.stringify(document),
    absoluteRef: join(ROOT, 'docs', 'openapi.json'),
    config,
  });
  expect(problems.map((problem) => `${problem.severity} ${problem.ruleId}: ${problem.message}`)).toEqual([]);
});

test('every operation says what it answers, and lists say how they are filtered, sorted and paged', () => {
  const withoutAnswer = operations()
    .filter(({ operation }) => {
      const responses = (operation as { responses: Record<string, { content?: object }> }).responses;
      const success = Object.entries(responses).filter(([status]) => status.startsWith('2'));
      return success.length === 0 || success.some(([status, answer]) => status !== '204' && !answer.content);
    })
    .map(({ method, path }) => `${method} ${path}`);
  expect(withoutAnswer).toEqual([]);
  const list = document.paths['/api/appeals'].get as unknown as {
    parameters: { name: string; content?: Record<string, { schema: { properties?: object } }> }[];
    responses: Record<string, { headers?: object }>;
  };
  expect(list.parameters.map((parameter) => parameter.name)).toEqual(
    expect.arrayContaining(['filter', 'sort', 'range']),
  );
  const filter = list.parameters.find((parameter) => parameter.name === 'filter')!;
  expect(Object.keys(filter.content!['application/json'].schema.properties!)).toEqual(
    expect.arrayContaining(['status', 'regionId', 'slaState', 'q']),
  );
  expect(Object.keys(list.responses['200'].headers!)).toContain('Content-Range');
});

/**
 * The contract as published in the repository (`docs/openapi.json`, from which the admin's API types
 * are generated) is the one the API serves: `npm run contract` writes it anew after a change.
 */
test('docs/openapi.json is the contract the API serves', () => {
  const published = `${JSON.stringify(document, null, 2)}\n`;
  const file = join(ROOT, 'docs', 'openapi.json');
  if (process.env.UPDATE_CONTRACT === '1') writeFileSync(file, published);
  expect(
    existsSync(file) && readFileSync(file, 'utf8') === published ? 'current' : 'out of date: run `npm run contract`',
  ).toBe('current');
});
