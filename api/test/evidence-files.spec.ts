import { DeleteObjectsCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { CHECKLIST_TEMPLATES } from '@adaldesk/libs';
import { createHash } from 'node:crypto';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { demoPhoto } from '../src/seed/demo-images.js';
import {
  daysFrom,
  expectStatus,
  idOf,
  makeOrganisation,
  makeUser,
  type Person,
  type Record_,
  TODAY,
} from './inspection-fixtures.js';
import { bearer, startTestApp, type TestApp, waitFor } from './test-app.js';

/**
 * Evidence files of findings on both stores — a local folder, and a real S3-compatible server (s3rver,
 * started here on a free port, path-style as MinIO-like stores want): uploads checked by name, size
 * and content, SHA-256 recorded, downloads scoped like the finding and audited, and nothing left
 * behind by a refused or failed upload.
 */
const MAX_BYTES = 64 * 1024;
const PHOTO = demoPhoto(7);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** What each store holds, to check that refused uploads leave nothing. */
interface Backend {
  env: Record<string, string>;
  keys(): Promise<string[]>;
  close(): Promise<void>;
}

async function localBackend(): Promise<Backend> {
  const dir = await mkdtemp(join(tmpdir(), 'adaldesk-evidence-store-'));
  const walk = async (folder: string): Promise<string[]> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    const nested = await Promise.all(
      entries.map((entry) => (entry.isDirectory() ? walk(join(folder, entry.name)) : [join(folder, entry.name)])),
    );
    return nested.flat();
  };
  return {
    env: { EVIDENCE_STORAGE: 'local', EVIDENCE_DIR: dir },
    keys: async () => (await walk(dir)).map((path) => path.slice(dir.length + 1)),
    close: () => rm(dir, { recursive: true, force: true }),
  };
}

async function s3Backend(): Promise<Backend> {
  const dir = await mkdtemp(join(tmpdir(), 'adaldesk-s3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: dir,
    configureBuckets: [{ name: 'evidence' }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  const client = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials });
  return {
    env: {
      EVIDENCE_STORAGE: 's3',
      EVIDENCE_S3_BUCKET: 'evidence',
      EVIDENCE_S3_ENDPOINT: endpoint,
      EVIDENCE_S3_FORCE_PATH_STYLE: 'true',
      EVIDENCE_S3_ACCESS_KEY_ID: credentials.accessKeyId,
      EVIDENCE_S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    },
    keys: async () => {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: 'evidence' }));
      return (listed.Contents ?? []).map((object) => object.Key!);
    },
    close: async () => {
      const keys = (await client.send(new ListObjectsV2Command({ Bucket: 'evidence' }))).Contents ?? [];
      if (keys.length > 0) {
        await client.send(
          new DeleteObjectsCommand({ Bucket: 'evidence', Delete: { Objects: keys.map(({ Key }) => ({ Key })) } }),
        );
      }
      client.destroy();
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

describe.each([
  ['a local folder', localBackend],
  ['an S3-compatible store', s3Backend],
])('evidence files on %s', (_, makeBackend) => {
  let t: TestApp;
  let backend: Backend;
  let temporaryFolder: string;
  let lead: Person;
  let outsider: Person;
  let astanaInspector: Person;
  let finding: Record_;
  let inspection: Record_;

  beforeAll(async () => {
    backend = await makeBackend();
    // Uploads are staged in a folder of this test's own, to see that none is ever left behind.
    temporaryFolder = await mkdtemp(join(tmpdir(), 'adaldesk-evidence-tmp-'));
    t = await startTestApp({
      env: { ...backend.env, EVIDENCE_MAX_BYTES: String(MAX_BYTES), EVIDENCE_STAGING_DIR: temporaryFolder },
    });
    const almatyId = await idOf(t, `SELECT id FROM regions WHERE code = 'KZ-75'`);
    const astanaId = await idOf(t, `SELECT id FROM regions WHERE code = 'KZ-71'`);
    lead = await makeUser(t, 'inspector', almatyId);
    outsider = await makeUser(t, 'inspector', almatyId);
    astanaInspector = await makeUser(t, 'inspector', astanaId);
    const planned = await t.http
      .post('/api/inspections')
      .set(bearer(lead.token))
      .send({
        type: 'school',
        organisationId: await makeOrganisation(t, 'school', almatyId),
        plannedStartOn: TODAY,
        plannedEndOn: daysFrom(1),
      });
    expectStatus(planned, 201);
    const started = await t.http
      .post(`/api/inspections/${planned.body.id}/actions/start`)
      .set(bearer(lead.token))
      .send({ version: 1 });
    expectStatus(started, 200);
    inspection = started.body;
    const logged = await t.http.post('/api/findings').set(bearer(lead.token)).send({
      inspectionId: inspection.id,
      kind: 'repair_not_done',
      severity: 'high',
      amount: '12500000.00',
      description: 'Спорт залының едені ауыстырылмаған, акт бойынша төленген',
    });
    expectStatus(logged, 201);
    finding = logged.body;
  });
  afterAll(async () => {
    await t.close();
    await backend.close();
    await rm(temporaryFolder, { recursive: true, force: true });
  });

  /** A control character cannot stand raw in a header: it travels percent-encoded (RFC 5987), as a crafted upload would send it. */
  const nameParameter = (fileName: string) =>
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f]/.test(fileName) ? `filename*=UTF-8''${encodeURIComponent(fileName)}` : `filename="${fileName}"`;

  /** Multipart built by hand: client libraries clean the name, and the point is to send it as an attacker would. */
  const upload = (bytes: Buffer, fileName: string, token = lead.token) => {
    const boundary = `----adaldesk${Date.now()}`;
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; ${nameParameter(fileName)}\r\n` +
          'Content-Type: image/jpeg\r\n\r\n',
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return t.http
      .post(`/api/findings/${finding.id}/evidence`)
      .set(bearer(token))
      .set('Content-Type', `multipart/form-data; boundary=${boundary}`)
      .send(body);
  };

  async function expectNothingLeft(before: { keys: string[]; rows: number }) {
    expect(await backend.keys()).toEqual(before.keys);
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM evidence_files`))[0].n).toBe(before.rows);
    expect(await readdir(temporaryFolder)).toEqual([]);
  }
  const snapshot = async () => ({
    keys: await backend.keys(),
    rows: (await t.dataSource.query(`SELECT count(*)::int AS n FROM evidence_files`))[0].n as number,
  });

  it('stores a photo under a key of its own, with its SHA-256 and its real type', async () => {
    // Declared as JPEG; the bytes say PNG, and PNG is what is recorded.
    const response = await upload(PHOTO, 'Шатыр — Әуезов ауданы.png');
    expectStatus(response, 201);
    expect(response.body).toMatchObject({
      findingId: finding.id,
      inspectionId: inspection.id,
      fileName: 'Шатыр — Әуезов ауданы.png',
      contentType: 'image/png',
      sizeBytes: PHOTO.length,
      sha256: sha256(PHOTO),
      storage: backend.env.EVIDENCE_STORAGE,
    });
    expect(response.body).not.toHaveProperty('storageKey');
    expect(await backend.keys()).toContainEqual(expect.stringContaining(response.body.id));
    expect(await readdir(temporaryFolder)).toEqual([]);
    const [event] = await t.dataSource.query(
      `SELECT action, actor_id, after->>'sha256' AS sha256 FROM audit_events WHERE entity_type = 'evidence-files' AND entity_id = $1`,
      [response.body.id],
    );
    expect(event).toEqual({ action: 'upload', actor_id: lead.id, sha256: sha256(PHOTO) });
  });

  it('lets the region download it, byte for byte, audited; other regions get 404', async () => {
    const stored = (await upload(PHOTO, 'dalel.png')).body as Record_;
    const listed = await t.http
      .get('/api/evidence-files')
      .set(bearer(t.tokens.manager))
      .query({ filter: JSON.stringify({ findingId: finding.id }) });
    expect(listed.body.map((row: Record_) => row.id)).toContain(stored.id);

    for (const token of [t.tokens.manager, t.tokens.auditor, outsider.token]) {
      const download = await t.http
        .get(`/api/evidence-files/${stored.id}/content`)
        .set(bearer(token))
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(download.status).toBe(200);
      expect(sha256(download.body as Buffer)).toBe(sha256(PHOTO));
      expect(download.headers['content-type']).toBe('image/png');
      expect(download.headers['content-disposition']).toContain(`filename*=UTF-8''dalel.png`);
      expect(download.headers['x-content-type-options']).toBe('nosniff');
    }
    const downloads = await t.dataSource.query(
      `SELECT actor_role FROM audit_events WHERE entity_type = 'evidence-files' AND entity_id = $1 AND action = 'download' ORDER BY id`,
      [stored.id],
    );
    expect(downloads.map((row: { actor_role: string }) => row.actor_role)).toEqual(['manager', 'auditor', 'inspector']);

    expect(
      (await t.http.get(`/api/evidence-files/${stored.id}/content`).set(bearer(astanaInspector.token))).status,
    ).toBe(404);
    expect((await t.http.get(`/api/evidence-files/${stored.id}`).set(bearer(astanaInspector.token))).status).toBe(404);
    const other = await t.http
      .get('/api/evidence-files')
      .set(bearer(astanaInspector.token))
      .query({ filter: JSON.stringify({ findingId: finding.id }) });
    expect(other.body).toEqual([]);
  });

  it('refuses a file over the size limit with 413, leaving nothing behind', async () => {
    const before = await snapshot();
    const big = Buffer.concat([PHOTO, Buffer.alloc(MAX_BYTES)]);
    const response = await upload(big, 'big.png');
    expect(response.status).toBe(413);
    expect(response.body.details).toEqual([{ field: 'file', message: `must be at most ${MAX_BYTES} bytes (0.1 MB)` }]);
    await expectNothingLeft(before);
  });

  it('takes a file of exactly the size limit ("up to" includes it), and refuses one byte more', async () => {
    const exact = Buffer.concat([PHOTO, Buffer.alloc(MAX_BYTES - PHOTO.length)]);
    const taken = await upload(exact, 'exact.png');
    expectStatus(taken, 201);
    expect(taken.body).toMatchObject({ sizeBytes: MAX_BYTES, sha256: sha256(exact) });
    const before = await snapshot();
    const over = await upload(Buffer.concat([exact, Buffer.alloc(1)]), 'over.png');
    expect(over.status).toBe(413);
    await expectNothingLeft(before);
  });

  it('an upload the client aborts ends, leaving no temporary folder and nothing stored', async () => {
    const before = await snapshot();
    const server = t.app.getHttpServer() as Server;
    if (!server.listening) await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as AddressInfo;
    // The upload's staging folder is what an aborted upload must not leave.
    const stagingFolders = async () => readdir(temporaryFolder);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const existing = new Set(await stagingFolders());
      const boundary = `----adaldesk-aborted-${attempt}`;
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="aborted.png"\r\n` +
          'Content-Type: image/png\r\n\r\n',
      );
      const client = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/findings/${finding.id}/evidence`,
        headers: {
          ...bearer(lead.token),
          'Content-Type': `multipart/form-data; boundary=${boundary}`,
          // Announces a whole file, then sends only its start.
          'Content-Length': String(head.length + MAX_BYTES),
        },
      });
      client.on('error', () => undefined);
      client.write(head);
      client.write(PHOTO.subarray(0, Math.min(PHOTO.length, MAX_BYTES / 2)));
      // The server has begun staging this upload: then the client goes away.
      let staged: string[] = [];
      await waitFor(async () => {
        staged = (await stagingFolders()).filter((name) => !existing.has(name));
        return staged.length > 0;
      }, 10_000);
      client.destroy();
      await waitFor(async () => {
        const left = new Set(await stagingFolders());
        return staged.every((name) => !left.has(name));
      }, 10_000);
    }
    await expectNothingLeft(before);
  });

  it.each([
    [
      'an executable called a JPEG',
      Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(200)]),
      'photo.jpg',
      /JPEG, PNG, WebP or HEIC/,
    ],
    [
      'an SVG (script inside an image)',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      'roof.png',
      /by its content/,
    ],
    ['an empty file', Buffer.alloc(0), 'empty.png', /empty/],
    ['a name climbing out of the folder', PHOTO, '../../etc/passwd', /without a path/],
    ['an absolute path', PHOTO, '/etc/passwd', /without a path/],
    ['a Windows path', PHOTO, '..\\..\\boot.ini', /without a path/],
    ['a name with a NUL byte', PHOTO, 'photo.png\u0000.exe', /control characters/],
    ['an over-long name', PHOTO, `${'ш'.repeat(250)}.png`, /at most 200 characters/],
  ])('refuses %s with 400 naming the file, leaving nothing behind', async (_, bytes, fileName, message) => {
    const before = await snapshot();
    const response = await upload(bytes, fileName);
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ field: 'file', message: expect.stringMatching(message) }]);
    await expectNothingLeft(before);
  });

  it('refuses a request without a file part', async () => {
    const response = await t.http
      .post(`/api/findings/${finding.id}/evidence`)
      .set(bearer(lead.token))
      .field('note', 'фото жоқ');
    expect(response.status).toBe(400);
    expect(response.body.details[0].field).toBe('file');
    const json = await t.http.post(`/api/findings/${finding.id}/evidence`).set(bearer(lead.token)).send({ file: 'x' });
    expect(json.status).toBe(400);
  });

  it('removes the stored bytes when the database refuses the row at commit', async () => {
    await t.owner.query(`
      CREATE OR REPLACE FUNCTION evidence_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused at commit' USING ERRCODE = 'check_violation'; END $$`);
    const trigger = `evidence_test_refuse_${backend.env.EVIDENCE_STORAGE}`;
    await t.owner.query(`
      CREATE CONSTRAINT TRIGGER ${trigger} AFTER INSERT ON evidence_files
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
      WHEN (NEW.file_name = 'refused-at-commit-${backend.env.EVIDENCE_STORAGE}.png')
      EXECUTE FUNCTION evidence_test_refuse()`);
    try {
      const before = await snapshot();
      const response = await upload(PHOTO, `refused-at-commit-${backend.env.EVIDENCE_STORAGE}.png`);
      expect(response.status).toBe(400);
      await expectNothingLeft(before);
    } finally {
      await t.owner.query(`DROP TRIGGER ${trigger} ON evidence_files`);
    }
  });

  it('takes uploads only from those acting on the inspection, while it is open', async () => {
    const before = await snapshot();
    expect((await upload(PHOTO, 'a.png', outsider.token)).status).toBe(403);
    expect((await upload(PHOTO, 'a.png', t.tokens.auditor)).status).toBe(403);
    expect((await upload(PHOTO, 'a.png', astanaInspector.token)).status).toBe(404);
    await expectNothingLeft(before);
  });

  it('deletes a file, bytes included, audited; not once the inspection is closed', async () => {
    const stored = (await upload(PHOTO, 'wrong-photo.png')).body as Record_;
    expect((await t.http.delete(`/api/evidence-files/${stored.id}`).set(bearer(outsider.token))).status).toBe(403);
    expectStatus(await t.http.delete(`/api/evidence-files/${stored.id}`).set(bearer(lead.token)), 200);
    expect((await backend.keys()).some((key) => key.includes(stored.id))).toBe(false);
    const [event] = await t.dataSource.query(
      `SELECT action, before->>'fileName' AS name FROM audit_events WHERE entity_id = $1 AND action = 'delete'`,
      [stored.id],
    );
    expect(event).toEqual({ action: 'delete', name: 'wrong-photo.png' });

    const kept = (await upload(PHOTO, 'kept.png')).body as Record_;
    const answers = CHECKLIST_TEMPLATES.school.map(({ code }) => ({ code, answer: 'ok' }));
    const completed = await t.http
      .post(`/api/inspections/${inspection.id}/actions/complete`)
      .set(bearer(lead.token))
      .send({ version: inspection.version, checklist: answers });
    expectStatus(completed, 200);
    expectStatus(
      await t.http
        .post(`/api/inspections/${inspection.id}/actions/close`)
        .set(bearer(t.tokens.manager))
        .send({ version: completed.body.version }),
      200,
    );
    expect((await t.http.delete(`/api/evidence-files/${kept.id}`).set(bearer(lead.token))).status).toBe(422);
    expect((await upload(PHOTO, 'late.png')).status).toBe(422);
    // Still there to download.
    expect((await t.http.get(`/api/evidence-files/${kept.id}/content`).set(bearer(t.tokens.manager))).status).toBe(200);
  });
});
