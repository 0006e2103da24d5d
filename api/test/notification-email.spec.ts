import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { NotificationsService } from '../src/notifications/notifications.service.js';
import { bearer, startTestApp, type TestApp, unique } from './test-app.js';
import { testNow } from './test-clock.js';

/** With SMTP configured, notifications are e-mailed too: to a local SMTP server the test runs. */
let t: TestApp;
let smtp: SMTPServer;
const received: { to: string[]; raw: string }[] = [];

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        done();
      });
    },
  });
  await new Promise<void>((ready) => smtp.listen(0, '127.0.0.1', ready));
  const port = (smtp.server.address() as AddressInfo).port;
  t = await startTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${port}`, PUBLIC_URL: 'https://adaldesk.example.kz' } });
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((closed) => smtp.close(closed));
});

test('an assignment is e-mailed to the assignee, naming the appeal and never the applicant', async () => {
  const [{ id: regionId }] = await t.dataSource.query(`SELECT id FROM regions WHERE code = 'KZ-75'`);
  const [{ id: officerId }] = await t.dataSource.query(`SELECT id FROM users WHERE email = 'officer@demo.adaldesk.kz'`);
  const applicant = `Құпия Өтініш Беруші ${unique()}`;
  const created = await t.http.post('/api/appeals').set(bearer(t.tokens.manager)).send({
    channel: 'email',
    kind: 'complaint',
    receivedAt: testNow().toISOString(),
    regionId,
    description: 'Коммуналдық төлемдер негізсіз өсті, түсініктеме берілмеді',
    applicantName: applicant,
    assigneeId: officerId,
  });
  expect(created.status).toBe(201);
  const link = `https://adaldesk.example.kz/#/appeals/${created.body.id}/show`;
  const start = Date.now();
  let found: { to: string[]; subject: string; text: string } | undefined;
  while (!found) {
    if (Date.now() - start > 20_000) throw new Error('no e-mail arrived');
    await new Promise((done) => setTimeout(done, 100));
    for (const mail of received) {
      const parsed = await simpleParser(mail.raw);
      if (parsed.text?.includes(link)) found = { to: mail.to, subject: parsed.subject ?? '', text: parsed.text };
    }
  }
  expect(found.to).toEqual(['officer@demo.adaldesk.kz']);
  expect(found.subject).toContain(created.body.number);
  expect(`${found.subject} ${found.text}`).not.toContain(applicant);
  const [{ emailed }] = await t.dataSource.query(
    `SELECT emailed_at IS NOT NULL AS emailed FROM notifications WHERE entity_id = $1`,
    [created.body.id],
  );
  expect(emailed).toBe(true);
});

test('a notification whose e-mail job runs several times at once is e-mailed once', async () => {
  const [{ id: officerId }] = await t.dataSource.query(`SELECT id FROM users WHERE email = 'officer@demo.adaldesk.kz'`);
  const number = `AP-TEST-${unique()}`;
  const [{ id: notificationId }] = await t.dataSource.query(
    `INSERT INTO notifications (user_id, kind, entity_type, entity_id, data, dedupe_key)
     VALUES ($1, 'sla_breach', 'appeals', gen_random_uuid(), $2, $3) RETURNING id`,
    [officerId, { number, dueAt: testNow().toISOString() }, `test:${number}`],
  );
  // The e-mail job's handler, four times side by side: what a queue that delivers a job twice does.
  const notifications = t.app.get(NotificationsService) as unknown as { email(id: string): Promise<void> };
  await Promise.all(Array.from({ length: 4 }, () => notifications.email(notificationId)));
  const mailsFor = async () => {
    let count = 0;
    for (const mail of received) if ((await simpleParser(mail.raw)).subject?.includes(number)) count++;
    return count;
  };
  expect(await mailsFor()).toBe(1);
});
