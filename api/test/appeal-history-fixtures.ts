import { type Role, WorkingCalendar } from '@adaldesk/libs';
import { bearer, login, type TestApp, unique } from './test-app.js';
import { sqlNow } from './test-clock.js';

const DAY = 86_400_000;

/** An appeal with a known past: when it came, where it is now, when it was decided, its deadline. */
export interface AppealShape {
  received: Date;
  /** A category code (`school_meals`). */
  category?: string;
  /** Which of the region's organisations (an index into `organisations`). */
  organisation?: number;
  channel?: string;
  confidential?: boolean;
  status: 'in_progress' | 'awaiting_info' | 'resolved' | 'closed' | 'forwarded';
  outcome?: 'satisfied' | 'partially_satisfied' | 'explained' | 'rejected';
  decided?: Date;
  due: Date;
  /** Three days before `due` unless given. */
  warning?: Date;
}

export interface AppealHistoryScope {
  t: TestApp;
  /** An officer of the region, who registers the appeals. */
  officerToken: string;
  regionId: string;
  /** Category ids by code. */
  categories: Record<string, string>;
  organisations: string[];
  calendar: WorkingCalendar;
}

/**
 * Registers the appeal through the API, then gives it its past in SQL: statistics need appeals
 * received and decided months ago, which no workflow step can backdate. The trigger queues the
 * change for the statistics rollup like any other.
 */
export async function makeAppealWithHistory(scope: AppealHistoryScope, shape: AppealShape): Promise<string> {
  const { t, officerToken, regionId, categories, organisations, calendar } = scope;
  const response = await t.http
    .post('/api/appeals')
    .set(bearer(officerToken))
    .send({
      channel: shape.channel ?? 'front_office',
      kind: 'complaint',
      receivedAt: shape.received.toISOString(),
      regionId,
      categoryId: shape.category ? categories[shape.category] : undefined,
      organisationId: organisations[shape.organisation ?? 0],
      confidential: shape.confidential ?? false,
      description: `Мектеп асханасындағы тамақ сапасы ${unique()}`,
      applicantName: 'Айгерім Сапарова',
    });
  if (response.status !== 201) throw new Error(`appeal: ${response.status} ${JSON.stringify(response.body)}`);
  const registeredAt = calendar.registration(shape.received).registeredAt;
  await t.dataSource.query(
    `UPDATE appeals SET registered_at = $2, sla_started_at = $2, status = $3, outcome = $4,
       resolution_text = CASE WHEN $4::text IS NOT NULL THEN 'Жауап берілді' END,
       forwarded_to_id = CASE WHEN $3 = 'forwarded' THEN organisation_id END,
       decided_at = $5, due_at = $6, warning_at = $7,
       paused_since = CASE WHEN $3 = 'awaiting_info' THEN ${sqlNow()} - interval '1 day' END,
       sla_pauses = CASE WHEN $3 = 'awaiting_info'
         THEN jsonb_build_array(jsonb_build_object('from', ${sqlNow()} - interval '1 day', 'to', NULL)) ELSE '[]' END,
       sla_state = CASE WHEN $5::timestamptz IS NULL THEN sla_state WHEN $5 <= $6 THEN 'met' ELSE 'missed' END
     WHERE id = $1`,
    [
      response.body.id,
      registeredAt,
      shape.status,
      shape.outcome ?? null,
      shape.decided ?? null,
      shape.due,
      shape.warning ?? new Date(shape.due.getTime() - 3 * DAY),
    ],
  );
  return response.body.id;
}

/** A region of the test's own, where appeals with a history are made and counted: see `regionWithStaff`. */
export interface StaffedRegion extends AppealHistoryScope {
  regionName: string;
  /** The password of every user made for it. */
  password: string;
  /** The users made, in the order asked, each with a signed-in token. */
  staff: { email: string; role: Role; token: string }[];
}

/**
 * A new region (named `<label> <suffix>`) with an organisation of each name in it, users of the roles
 * asked (in the region, or national where `national`), the demo categories and the working calendar.
 * Its first officer registers the appeals. Made through the API as an administrator would.
 */
export async function regionWithStaff(
  t: TestApp,
  {
    label,
    organisationNames,
    staff,
  }: { label: string; organisationNames: string[]; staff: { role: Role; national?: boolean }[] },
): Promise<StaffedRegion> {
  const admin = bearer(t.tokens.admin);
  const suffix = unique()
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, 'X');
  const regionName = `${label} ${suffix}`;
  const region = await t.http
    .post('/api/regions')
    .set(admin)
    .send({
      code: `KZ-${label[0].toUpperCase()}${suffix.slice(0, 5)}`,
      kind: 'oblast',
      nameKk: 'Сынақ өңірі',
      nameRu: 'Тестовая',
      nameEn: regionName,
    });
  if (region.status !== 201) throw new Error(`region: ${region.status} ${JSON.stringify(region.body)}`);
  const regionId = region.body.id as string;
  const categories: Record<string, string> = {};
  for (const row of await t.dataSource.query(`SELECT id, code FROM categories`)) categories[row.code] = row.id;
  const organisations: string[] = [];
  for (const name of organisationNames) {
    const organisation = await t.http
      .post('/api/organisations')
      .set(admin)
      .send({ name: `${name} ${suffix}`, type: 'state_body', regionId });
    if (organisation.status !== 201) throw new Error(`organisation: ${organisation.status}`);
    organisations.push(organisation.body.id);
  }
  const password = `${label}-${unique()}-Passw0rd!`;
  const made: StaffedRegion['staff'] = [];
  for (const { role, national } of staff) {
    const email = `${role}-${unique()}@${label.toLowerCase()}.test`;
    const user = await t.http
      .post('/api/users')
      .set(admin)
      .send({ email, fullName: `${label} ${role}`, role, regionId: national ? null : regionId, password });
    if (user.status !== 201) throw new Error(`user: ${user.status} ${JSON.stringify(user.body)}`);
    made.push({ email, role, token: await login(t.http, email, password) });
  }
  const officer = made.find((user) => user.role === 'officer');
  if (!officer) throw new Error('regionWithStaff needs an officer to register the appeals');
  const rows = await t.dataSource.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date, kind FROM calendar_days`);
  const calendar = new WorkingCalendar(rows, { timeZone: 'Asia/Almaty' });
  return {
    t,
    officerToken: officer.token,
    regionId,
    regionName,
    categories,
    organisations,
    calendar,
    password,
    staff: made,
  };
}
