import { createHmac } from 'node:crypto';
import { DEMO_PASSWORD } from '../src/seed/reference-data.js';
import { bearer, login, startTestApp, type TestApp, unique, waitFor } from './test-app.js';

let t: TestApp;
let almatyId: string;

beforeAll(async () => {
  t = await startTestApp();
  [{ id: almatyId }] = await t.dataSource.query(`SELECT id FROM regions WHERE code = 'KZ-75'`);
});
afterAll(() => t.close());

async function newOfficer(password = 'Officer-pass-2026') {
  const email = `auth-${unique()}@example.kz`;
  const response = await t.http
    .post('/api/users')
    .set(bearer(t.tokens.admin))
    .send({ email, fullName: 'Auth Test', role: 'officer', regionId: almatyId, password });
  expect(response.status).toBe(201);
  return { ...response.body, email, password } as { id: string; version: number; email: string; password: string };
}

test('login answers a token and the user, without the password hash; /me answers the same user', async () => {
  const response = await t.http
    .post('/api/auth/login')
    .send({ email: 'OFFICER@demo.adaldesk.kz', password: DEMO_PASSWORD });
  expect(response.status).toBe(200);
  expect(response.body.accessToken).toEqual(expect.any(String));
  expect(response.body.user).toMatchObject({
    email: 'officer@demo.adaldesk.kz',
    role: 'officer',
    regionId: almatyId,
    active: true,
  });
  expect(response.body.user).not.toHaveProperty('passwordHash');

  const me = await t.http.get('/api/auth/me').set(bearer(response.body.accessToken));
  expect(me.status).toBe(200);
  expect(me.body.id).toBe(response.body.user.id);
  expect(me.body.lastLoginAt).not.toBeNull();
});

test('a wrong password and an unknown e-mail get the same 401', async () => {
  const officer = await newOfficer();
  const wrong = await t.http.post('/api/auth/login').send({ email: officer.email, password: 'Not-the-password-1' });
  const unknown = await t.http
    .post('/api/auth/login')
    .send({ email: `nobody-${unique()}@example.kz`, password: 'Whatever-123' });
  expect(wrong.status).toBe(401);
  expect(unknown.status).toBe(401);
  expect(wrong.body.message).toBe(unknown.body.message);
});

test('requests without a valid token are refused with 401', async () => {
  expect((await t.http.get('/api/users')).status).toBe(401);
  expect((await t.http.get('/api/users').set('Authorization', 'Bearer not-a-token')).status).toBe(401);
  expect((await t.http.get('/api/users').set('Authorization', 'Basic abc')).status).toBe(401);
});

test('a deactivated user cannot sign in, and their existing token stops working at once', async () => {
  const officer = await newOfficer();
  const token = await login(t.http, officer.email, officer.password);
  expect((await t.http.get('/api/regions').set(bearer(token))).status).toBe(200);

  const deactivated = await t.http
    .put(`/api/users/${officer.id}`)
    .set(bearer(t.tokens.admin))
    .send({ active: false, version: officer.version });
  expect(deactivated.status).toBe(200);

  expect((await t.http.get('/api/regions').set(bearer(token))).status).toBe(401);
  const again = await t.http.post('/api/auth/login').send({ email: officer.email, password: officer.password });
  expect(again.status).toBe(401);
  expect(again.body.message).toMatch(/deactivated/);
});

test('a user changed by another instance is refused here as soon as the database says so', async () => {
  const officer = await newOfficer();
  const token = await login(t.http, officer.email, officer.password);
  // Signed in twice: the second request is answered with the user this instance remembers.
  expect((await t.http.get('/api/regions').set(bearer(token))).status).toBe(200);
  expect((await t.http.get('/api/regions').set(bearer(token))).status).toBe(200);

  // Another instance's change reaches this one only through the database.
  await t.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [officer.id]);
  await waitFor(async () => (await t.http.get('/api/regions').set(bearer(token))).status === 401, 2_000);
});

test('repeated failed logins to one account are limited with 429 and Retry-After, even with the right password', async () => {
  const officer = await newOfficer();
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const response = await t.http
      .post('/api/auth/login')
      .send({ email: officer.email, password: `Wrong-guess-${attempt}` });
    expect(response.status).toBe(401);
  }
  const limited = await t.http.post('/api/auth/login').send({ email: officer.email, password: officer.password });
  expect(limited.status).toBe(429);
  expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
});

/** A client address of its own per test, sent as X-Forwarded-For, so limits never meet other tests' logins. */
function fromAddress<T>(work: (address: string) => Promise<T>): Promise<T> {
  const address = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  t.app.set('trust proxy', true);
  return work(address).finally(() => t.app.set('trust proxy', false));
}

const statusCounts = (responses: { status: number }[]) =>
  responses.reduce<Record<number, number>>(
    (counts, { status }) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }),
    {},
  );

test.each([8, 16])(
  '%i concurrent wrong passwords for one account: exactly 5 are checked, the rest get 429',
  async (n) => {
    const officer = await newOfficer();
    await fromAddress(async (address) => {
      const responses = await Promise.all(
        Array.from({ length: n }, (_, attempt) =>
          t.http
            .post('/api/auth/login')
            .set('X-Forwarded-For', address)
            .send({ email: officer.email, password: `Wrong-guess-${attempt}` }),
        ),
      );
      expect(statusCounts(responses)).toEqual({ 401: 5, 429: n - 5 });
    });
  },
);

test('a burst of failures from one office address slows it for a minute, never locks the office out for 15', async () => {
  const officer = await newOfficer();
  await fromAddress(async (address) => {
    const [{ lastId }] = await t.dataSource.query(`SELECT coalesce(max(id), 0) AS "lastId" FROM login_failures`);
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const response = await t.http
        .post('/api/auth/login')
        .set('X-Forwarded-For', address)
        .send({ email: `stuffed-${attempt}-${unique()}@example.kz`, password: 'Stuffed-guess-1' });
      expect(response.status).toBe(401);
    }
    const during = await t.http
      .post('/api/auth/login')
      .set('X-Forwarded-For', address)
      .send({ email: officer.email, password: officer.password });
    expect(during.status).toBe(429);
    expect(Number(during.headers['retry-after'])).toBeLessThanOrEqual(60);

    // Two minutes later (the burst's failures moved back in time), the office signs in again.
    await t.dataSource.query(`UPDATE login_failures SET failed_at = failed_at - interval '2 minutes' WHERE id > $1`, [
      lastId,
    ]);
    const after = await t.http
      .post('/api/auth/login')
      .set('X-Forwarded-For', address)
      .send({ email: officer.email, password: officer.password });
    expect(after.status).toBe(200);
  });
});

test('one account locked from one address still signs in from another, the right password clearing its pair', async () => {
  const officer = await newOfficer();
  await fromAddress(async (address) => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await t.http
        .post('/api/auth/login')
        .set('X-Forwarded-For', address)
        .send({ email: officer.email, password: `Wrong-guess-${attempt}` })
        .expect(401);
    }
    await t.http
      .post('/api/auth/login')
      .set('X-Forwarded-For', address)
      .send({ email: officer.email, password: officer.password })
      .expect(429);
  });
  await fromAddress(async (otherAddress) => {
    await t.http
      .post('/api/auth/login')
      .set('X-Forwarded-For', otherAddress)
      .send({ email: officer.email, password: officer.password })
      .expect(200);
  });
});

test('repeated failed logins from one IP across accounts are limited with 429', async () => {
  // A distinct client address per test keeps this away from the other tests' logins.
  const ip = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.7`;
  t.app.set('trust proxy', true);
  try {
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const response = await t.http
        .post('/api/auth/login')
        .set('X-Forwarded-For', ip)
        .send({ email: `spray-${attempt}-${unique()}@example.kz`, password: 'Spray-guess-1' });
      expect(response.status).toBe(401);
    }
    const limited = await t.http
      .post('/api/auth/login')
      .set('X-Forwarded-For', ip)
      .send({ email: 'officer@demo.adaldesk.kz', password: DEMO_PASSWORD });
    expect(limited.status).toBe(429);
  } finally {
    t.app.set('trust proxy', false);
  }
});

test('a weak password is refused with 400 naming the field', async () => {
  const response = await t.http
    .post('/api/users')
    .set(bearer(t.tokens.admin))
    .send({
      email: `weak-${unique()}@example.kz`,
      fullName: 'Weak',
      role: 'officer',
      regionId: almatyId,
      password: 'short1',
    });
  expect(response.status).toBe(400);
  expect(response.body.details).toEqual([{ field: 'password', message: expect.stringMatching(/at least 10/) }]);
});

test('an admin may not deactivate themselves', async () => {
  const me = await t.http.get('/api/auth/me').set(bearer(t.tokens.admin));
  const response = await t.http
    .put(`/api/users/${me.body.id}`)
    .set(bearer(t.tokens.admin))
    .send({ active: false, version: me.body.version });
  expect(response.status).toBe(403);
});

test('changing a password is audited without the password', async () => {
  const officer = await newOfficer();
  const changed = await t.http
    .put(`/api/users/${officer.id}`)
    .set(bearer(t.tokens.admin))
    .send({ password: 'Brand-new-pass-42', version: officer.version });
  expect(changed.status).toBe(200);
  expect(await login(t.http, officer.email, 'Brand-new-pass-42')).toEqual(expect.any(String));
  const [event] = await t.dataSource.query(
    `SELECT after FROM audit_events WHERE entity_type = 'users' AND entity_id = $1 AND action = 'update'`,
    [officer.id],
  );
  expect(event.after).toEqual({ password: '(changed)' });
  expect(JSON.stringify(event)).not.toContain('Brand-new-pass-42');
});

const me = (token: string) => t.http.get('/api/auth/me').set(bearer(token));

test('changing a password revokes the tokens issued before it', async () => {
  const officer = await newOfficer();
  const token = await login(t.http, officer.email, officer.password);
  expect((await me(token)).status).toBe(200);
  const changed = await t.http
    .put(`/api/users/${officer.id}`)
    .set(bearer(t.tokens.admin))
    .send({ password: 'Brand-new-pass-43', version: officer.version });
  expect(changed.status).toBe(200);
  expect((await me(token)).status).toBe(401);
  expect((await me(await login(t.http, officer.email, 'Brand-new-pass-43'))).status).toBe(200);
});

test('a token from before a deactivation stays refused after the account is reactivated', async () => {
  const officer = await newOfficer();
  const token = await login(t.http, officer.email, officer.password);
  const off = await t.http
    .put(`/api/users/${officer.id}`)
    .set(bearer(t.tokens.admin))
    .send({ active: false, version: officer.version });
  const on = await t.http
    .put(`/api/users/${officer.id}`)
    .set(bearer(t.tokens.admin))
    .send({ active: true, version: off.body.version });
  expect(on.status).toBe(200);
  expect((await me(token)).status).toBe(401);
  expect((await me(await login(t.http, officer.email, officer.password))).status).toBe(200);
});

test('signing out revokes every token of the user, on every instance', async () => {
  const officer = await newOfficer();
  const token = await login(t.http, officer.email, officer.password);
  const otherDevice = await login(t.http, officer.email, officer.password);
  const other = await startTestApp();
  try {
    // The other instance has signed this token in once, so it remembers the user.
    expect((await other.http.get('/api/auth/me').set(bearer(token))).status).toBe(200);
    expect((await other.http.get('/api/auth/me').set(bearer(otherDevice))).status).toBe(200);

    expect((await t.http.post('/api/auth/logout').set(bearer(token))).status).toBe(204);

    expect((await me(token)).status).toBe(401);
    expect((await me(otherDevice)).status).toBe(401);
    await waitFor(async () => (await other.http.get('/api/auth/me').set(bearer(otherDevice))).status === 401, 2_000);
    expect((await other.http.get('/api/auth/me').set(bearer(token))).status).toBe(401);
  } finally {
    await other.close();
  }
  expect((await me(await login(t.http, officer.email, officer.password))).status).toBe(200);
});

test('a correctly signed token without an expiry is refused', async () => {
  const officer = await newOfficer();
  const token = await login(t.http, officer.email, officer.password);
  const { exp: _exp, iat: _iat, ...claims } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
  const neverExpires = signHs256(claims, 'test-secret-that-is-long-enough-to-sign-tokens');
  expect((await me(neverExpires)).status).toBe(401);
  expect((await me(token)).status).toBe(200);
});

/** A JWT signed with the test app's key, whatever its claims (the app itself always adds an expiry). */
function signHs256(claims: object, secret: string): string {
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}
