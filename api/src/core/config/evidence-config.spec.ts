import { ConfigError, loadConfig } from './app-config.js';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};

describe('evidence storage settings', () => {
  it('default to a local folder under .data and 20 MB', () => {
    expect(loadConfig({}).evidence).toEqual({
      storage: 'local',
      dir: '.data/evidence',
      maxBytes: 20 * 1024 * 1024,
      stagingDir: null,
      s3: {
        bucket: null,
        endpoint: null,
        region: 'us-east-1',
        forcePathStyle: false,
        accessKeyId: null,
        secretAccessKey: null,
      },
    });
  });

  it('read an S3-compatible store, path style', () => {
    const { evidence } = loadConfig({
      EVIDENCE_STORAGE: 's3',
      EVIDENCE_S3_BUCKET: 'adaldesk-evidence',
      EVIDENCE_S3_ENDPOINT: 'http://minio.internal:9000',
      EVIDENCE_S3_FORCE_PATH_STYLE: 'true',
      EVIDENCE_S3_ACCESS_KEY_ID: 'adaldesk',
      EVIDENCE_S3_SECRET_ACCESS_KEY: 'a-long-secret',
      EVIDENCE_MAX_BYTES: '5242880',
    });
    expect(evidence).toMatchObject({
      storage: 's3',
      maxBytes: 5_242_880,
      s3: { bucket: 'adaldesk-evidence', endpoint: 'http://minio.internal:9000', forcePathStyle: true },
    });
  });

  it('refuse what cannot work, naming each setting', () => {
    expect(problemsOf({ EVIDENCE_STORAGE: 'ftp' })).toEqual([expect.stringContaining('EVIDENCE_STORAGE')]);
    expect(problemsOf({ EVIDENCE_STORAGE: 's3' })).toEqual([expect.stringContaining('EVIDENCE_S3_BUCKET')]);
    expect(problemsOf({ EVIDENCE_S3_ENDPOINT: 'minio:9000' })).toEqual([
      expect.stringContaining('EVIDENCE_S3_ENDPOINT'),
    ]);
    expect(problemsOf({ EVIDENCE_S3_ACCESS_KEY_ID: 'only-half' })).toEqual([
      expect.stringContaining('EVIDENCE_S3_ACCESS_KEY_ID and EVIDENCE_S3_SECRET_ACCESS_KEY'),
    ]);
    expect(problemsOf({ EVIDENCE_MAX_BYTES: '-1' })).toEqual([expect.stringContaining('EVIDENCE_MAX_BYTES')]);
  });
});
