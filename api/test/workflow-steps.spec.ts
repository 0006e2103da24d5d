import {
  APPEAL_ACTIONS,
  CORRECTIVE_ACTION_ACTIONS,
  INSPECTION_ACTIONS,
  PRICE_OBSERVATION_ACTIONS,
  REFERRAL_ACTIONS,
} from '@adaldesk/libs';
import { randomUUID } from 'node:crypto';
import { bearer, startTestApp, type TestApp } from './test-app.js';

/**
 * What every workflow resource answers before it looks for the record: a step that does not exist is
 * 404 naming the steps there are, a role that never takes the step is 403, and a body without the
 * version the client read is 400 naming `version`.
 */
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const RESOURCES = [
  { resource: 'appeals', steps: APPEAL_ACTIONS, step: 'triage', outsider: 'auditor' },
  { resource: 'referrals', steps: REFERRAL_ACTIONS, step: 'open-case', outsider: 'auditor' },
  { resource: 'inspections', steps: INSPECTION_ACTIONS, step: 'start', outsider: 'officer' },
  { resource: 'corrective-actions', steps: CORRECTIVE_ACTION_ACTIONS, step: 'verify', outsider: 'auditor' },
  { resource: 'price-observations', steps: PRICE_OBSERVATION_ACTIONS, step: 'open-finding', outsider: 'officer' },
] as const;

describe.each(RESOURCES)('steps of $resource', ({ resource, steps, step, outsider }) => {
  const post = (action: string, role: keyof TestApp['tokens'], body: object) =>
    t.http.post(`/api/${resource}/${randomUUID()}/actions/${action}`).set(bearer(t.tokens[role])).send(body);

  test('an unknown step is 404 naming every step there is', async () => {
    const response = await post('teleport', 'admin', { version: 1 });
    expect(response.status).toBe(404);
    expect(response.body.message).toContain('"teleport"');
    for (const known of steps) expect(response.body.message).toContain(known);
  });

  test(`the ${outsider}, who never takes "${step}", is refused before the record is looked for`, async () => {
    // A record that does not exist: looking it up first would answer 404.
    const response = await post(step, outsider, { version: 1 });
    expect(response.status).toBe(403);
  });

  test('a step without the version the client read is 400 naming it', async () => {
    const response = await post(step, 'admin', {});
    expect(response.status).toBe(400);
    expect((response.body.details as { field: string }[]).map((problem) => problem.field)).toContain('version');
  });
});
