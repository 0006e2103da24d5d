import type { Role } from '@adaldesk/libs';
import { bearer, login, type TestApp, unique } from './test-app.js';
import { testNow } from './test-clock.js';

/** Today in Almaty, and days around it, as civil dates. */
export const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(testNow());
export const daysFrom = (days: number) =>
  new Date(Date.parse(`${TODAY}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export interface Person {
  id: string;
  token: string;
}

const PASSWORD = 'Tekseru-2026-kz';

/** A new active user of `role` in `regionId`, signed in. */
export async function makeUser(t: TestApp, role: Role, regionId: string | null): Promise<Person> {
  const email = `${role}-${unique()}${unique()}@test.adaldesk.kz`;
  const created = await t.http
    .post('/api/users')
    .set(bearer(t.tokens.admin))
    .send({ email, fullName: `Тест ${role} ${unique()}`, role, regionId, password: PASSWORD });
  if (created.status !== 201) throw new Error(`user: ${created.status} ${JSON.stringify(created.body)}`);
  return { id: created.body.id, token: await login(t.http, email, PASSWORD) };
}

export async function idOf(t: TestApp, sql: string): Promise<string> {
  return (await t.dataSource.query(sql))[0].id as string;
}

export async function makeOrganisation(t: TestApp, type: 'school' | 'market', regionId: string): Promise<string> {
  const response = await t.http
    .post('/api/organisations')
    .set(bearer(t.tokens.admin))
    .send({ name: `${type === 'school' ? 'Мектеп' : 'Базар'} ${unique()}`, type, regionId });
  if (response.status !== 201) throw new Error(`organisation: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id;
}

export type Record_ = Record<string, unknown> & { id: string; version: number; status: string };

/** Expects `response` to have `status`, showing the body when it does not. */
export function expectStatus(response: { status: number; body: unknown }, status: number): void {
  if (response.status !== status) {
    throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
  }
}
