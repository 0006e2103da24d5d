import { startTestApp, type TestApp } from './test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

test('health answers without a token and names each dependency', async () => {
  const response = await t.http.get('/api/health');
  expect(response.status).toBe(200);
  expect(response.body).toMatchObject({
    status: 'up',
    checks: { database: { status: 'up' }, queue: { status: 'up', backend: 'postgres' } },
  });
});

test('the OpenAPI document lists the resources', async () => {
  const response = await t.http.get('/api/docs-json');
  expect(response.status).toBe(200);
  expect(Object.keys(response.body.paths)).toEqual(
    expect.arrayContaining(['/api/auth/login', '/api/users', '/api/regions/{id}', '/api/audit-events']),
  );
});

test('security headers are set and other origins get no CORS grant', async () => {
  const response = await t.http.get('/api/health').set('Origin', 'https://evil.example');
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  expect(response.headers['access-control-allow-origin']).toBeUndefined();
});
