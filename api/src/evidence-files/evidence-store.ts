import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { EvidenceStorage } from '@adaldesk/libs';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import type { EvidenceConfig } from '../core/config/app-config.js';

/** Where the bytes of evidence files live. Keys are chosen by the server: `<region>/<finding>/<uuid>`. */
export interface EvidenceStore {
  readonly kind: EvidenceStorage;
  /** Takes the validated temporary file at `path` into the store under `key`. */
  put(key: string, path: string, size: number, contentType: string): Promise<void>;
  open(key: string): Promise<Readable>;
  remove(key: string): Promise<void>;
  /** Lets go of connections when the application stops. */
  destroy?(): void;
}

export const EVIDENCE_STORE = Symbol('EvidenceStore');

const SAFE_KEY = /^[0-9a-f-]{36}\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/;

function assertSafeKey(key: string): void {
  // Keys are built from UUIDs only; anything else is a bug, never a path to follow.
  if (!SAFE_KEY.test(key)) throw new Error(`Refusing evidence storage key ${JSON.stringify(key)}`);
}

/** Files under one directory on the API's disk (one instance, or a shared volume). */
export class LocalEvidenceStore implements EvidenceStore {
  readonly kind = 'local' as const;
  private readonly root: string;

  constructor(dir: string) {
    this.root = resolve(dir);
  }

  async put(key: string, path: string): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    try {
      await rename(path, target);
    } catch (error) {
      // The temporary folder may be on another file system: copy, then drop the temporary file.
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      await copyFile(path, target);
      await rm(path, { force: true });
    }
  }

  async open(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    await stat(path);
    return createReadStream(path);
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    assertSafeKey(key);
    const path = join(this.root, ...key.split('/'));
    if (!path.startsWith(this.root + sep)) throw new Error(`Evidence key ${key} leaves ${this.root}`);
    return path;
  }
}

/** Objects in an S3 bucket: AWS, or any S3-compatible store (MinIO, Ceph…) with `endpoint` and path style. */
export class S3EvidenceStore implements EvidenceStore {
  readonly kind = 's3' as const;
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(config: EvidenceConfig['s3']) {
    this.bucket = config.bucket!;
    this.client = new S3Client({
      region: config.region,
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      forcePathStyle: config.forcePathStyle,
      ...(config.accessKeyId
        ? { credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey! } }
        : {}),
      // Checksums only where S3 requires them: many S3-compatible stores reject the newer trailers.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(key: string, path: string, size: number, contentType: string): Promise<void> {
    assertSafeKey(key);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: createReadStream(path),
        ContentLength: size,
        ContentType: contentType,
      }),
    );
    await rm(path, { force: true });
  }

  async open(key: string): Promise<Readable> {
    assertSafeKey(key);
    const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    return object.Body as Readable;
  }

  async remove(key: string): Promise<void> {
    assertSafeKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  destroy(): void {
    this.client.destroy();
  }
}

export function evidenceStoreFor(config: EvidenceConfig): EvidenceStore {
  return config.storage === 's3' ? new S3EvidenceStore(config.s3) : new LocalEvidenceStore(config.dir);
}
