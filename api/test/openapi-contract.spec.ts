import { startTestApp, type TestApp } from './test-app.js';

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
