import { subject as asSubject } from '@casl/ability';
import {
  checkEvidenceFileName,
  detectEvidenceType,
  EVIDENCE_CONTENT_TYPES,
  EVIDENCE_SNIFF_BYTES,
} from '@adaldesk/libs';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import busboy from 'busboy';
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DataSource } from 'typeorm';
import { AuditService } from '../core/audit/audit.service.js';
import type { AuthenticatedUser } from '../core/auth/authenticated-user.js';
import type { AppConfig } from '../core/config/app-config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { CrudService } from '../core/crud/crud.service.js';
import { filtersFor, isUuid } from '../core/crud/list-query.js';
import { AppError, ErrorCode } from '../core/errors/app-error.js';
import { VersionDto } from '../core/validation/versioned.js';
import { FindingsService } from '../findings/findings.service.js';
import { EvidenceFile } from './evidence-file.entity.js';
import { EVIDENCE_STORE, type EvidenceStore } from './evidence-store.js';

/** An upload that passed every check, waiting in a temporary file to be taken into the store. */
interface StagedUpload {
  path: string;
  fileName: string;
  contentType: (typeof EVIDENCE_CONTENT_TYPES)[number];
  sizeBytes: number;
  sha256: string;
}

/** A download: what the response needs to say, and the bytes. */
export interface EvidenceDownload {
  file: EvidenceFile;
  stream: NodeJS.ReadableStream;
}

/**
 * Evidence files of findings. An upload streams to a temporary file while its size and SHA-256 are
 * taken; only once the name, the size and the real type (by its first bytes) pass does it go into the
 * store, in the transaction that writes its row and audit event; any failure removes what was written.
 * Downloads and deletions are audited like uploads, and checked like the finding they belong to.
 */
@Injectable()
export class EvidenceFilesService extends CrudService<EvidenceFile> implements OnModuleDestroy {
  private readonly logger = new Logger('Evidence');

  constructor(
    dataSource: DataSource,
    audit: AuditService,
    private readonly findings: FindingsService,
    @Inject(EVIDENCE_STORE) private readonly store: EvidenceStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(dataSource, audit, {
      resource: 'evidence-files',
      entity: EvidenceFile,
      // Files are uploaded as multipart and never edited: the JSON create and update routes do not exist.
      createDto: VersionDto,
      updateDto: VersionDto,
      filters: filtersFor({ findingId: 'uuid', inspectionId: 'uuid', regionId: 'uuid', contentType: 'text' }),
      sortable: ['createdAt', 'fileName', 'sizeBytes'],
      defaultSort: ['createdAt', 'ASC'],
      searchable: true,
      searchProperties: ['fileName'],
    });
  }

  onModuleDestroy(): void {
    this.store.destroy?.();
  }

  /** `POST /api/findings/:id/evidence`, multipart with one part `file`. */
  async upload(user: AuthenticatedUser, findingId: string, request: IncomingMessage): Promise<object> {
    this.assertAllowed(user, 'create');
    // Checked before reading a byte: a refused writer does not get to fill the disk first.
    const finding = await this.findings.readable(this.dataSource.manager, user, findingId);
    await this.findings.assertActsOn(this.dataSource.manager, user, finding, 'update');
    if (!user.ability.can('create', asEvidence({ regionId: finding.regionId }))) {
      throw AppError.forbidden(`The ${user.role} role may not add evidence to this finding`);
    }

    const folder = await mkdtemp(join(this.config.evidence.stagingDir ?? tmpdir(), 'adaldesk-evidence-'));
    const stored: { key: string | null } = { key: null };
    try {
      const staged = await this.stage(request, folder);
      const saved = await this.inTransaction(async (manager) => {
        const current = await this.findings.readable(manager, user, findingId, true);
        await this.findings.assertActsOn(manager, user, current, 'update');
        const id = randomUUID();
        const key = `${current.regionId}/${current.id}/${id}`;
        const values = manager.create(EvidenceFile, {
          id,
          findingId: current.id,
          inspectionId: current.inspectionId,
          regionId: current.regionId,
          fileName: staged.fileName,
          contentType: staged.contentType,
          sizeBytes: staged.sizeBytes,
          sha256: staged.sha256,
          storage: this.store.kind,
          storageKey: key,
          uploadedById: user.id,
        });
        await manager.insert(EvidenceFile, values);
        const row = await manager.findOneByOrFail(EvidenceFile, { id });
        await this.audit.record(manager, user, {
          action: 'upload',
          entityType: 'evidence-files',
          entityId: id,
          regionId: row.regionId,
          after: row,
        });
        // Last, so that a failed row or audit event never leaves bytes behind.
        await this.store.put(key, staged.path, staged.sizeBytes, staged.contentType);
        stored.key = key;
        return row;
      });
      return this.toJson(saved, user);
    } catch (error) {
      // The transaction did not commit (or the row never was): the bytes must not outlive it.
      if (stored.key) await this.removeQuietly(stored.key);
      throw error;
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }

  /** `GET /api/evidence-files/:id/content`: the bytes, for whoever may read the finding; audited. */
  async download(user: AuthenticatedUser, id: string): Promise<EvidenceDownload> {
    this.assertAllowed(user, 'read');
    const file = await this.inTransaction(async (manager) => {
      const found = await this.scoped(manager, user, 'read')
        .addSelect('record.storageKey')
        .andWhere('record.id = :id', { id: this.checkedId(id) })
        .getOne();
      if (!found) throw AppError.notFound('evidence-files', id);
      // The finding itself must be readable too: evidence is checked like its finding.
      await this.findings.readable(manager, user, found.findingId);
      await this.audit.record(manager, user, {
        action: 'download',
        entityType: 'evidence-files',
        entityId: found.id,
        regionId: found.regionId,
        after: { findingId: found.findingId, fileName: found.fileName, sha256: found.sha256 },
      });
      return found;
    });
    try {
      return { file, stream: await this.store.open(file.storageKey) };
    } catch (error) {
      this.logger.error(`Evidence ${file.id} (${file.storage}) cannot be read: ${error}`);
      throw new AppError(ErrorCode.Unavailable, 'The evidence store does not answer for this file; try again later');
    }
  }

  override async create(user: AuthenticatedUser): Promise<object> {
    this.assertAllowed(user, 'create');
    throw new AppError(
      ErrorCode.MethodNotAllowed,
      'Evidence is uploaded as multipart form data to POST /api/findings/:id/evidence',
    );
  }

  override async update(user: AuthenticatedUser): Promise<object> {
    this.assertAllowed(user, 'update');
    throw new AppError(ErrorCode.MethodNotAllowed, 'Evidence files are never changed: upload a new one');
  }

  /** Deletes the row (audited) in a transaction, then the bytes; a file the store keeps is only logged. */
  override async remove(user: AuthenticatedUser, id: string): Promise<object> {
    this.assertAllowed(user, 'delete');
    const removed = await this.inTransaction(async (manager) => {
      const existing = await this.scoped(manager, user, 'read')
        .addSelect('record.storageKey')
        .andWhere('record.id = :id', { id: this.checkedId(id) })
        .setLock('pessimistic_write')
        .getOne();
      if (!existing) throw AppError.notFound('evidence-files', id);
      const finding = await this.findings.readable(manager, user, existing.findingId);
      await this.findings.assertActsOn(manager, user, finding, 'update');
      if (!user.ability.can('delete', asEvidence(existing))) {
        throw AppError.forbidden(`The ${user.role} role may not delete this evidence file`);
      }
      await manager.delete(EvidenceFile, { id });
      const { storageKey: _key, ...shown } = existing;
      await this.audit.record(manager, user, {
        action: 'delete',
        entityType: 'evidence-files',
        entityId: id,
        regionId: existing.regionId,
        before: shown,
      });
      return existing;
    });
    await this.removeQuietly(removed.storageKey);
    const { storageKey: _key, ...shown } = removed;
    return this.toJson(shown as EvidenceFile, user);
  }

  /**
   * Reads the one file part into `folder`, hashing and counting as it goes; refuses it (400/413
   * naming `file`) for a bad name, a size over the limit or content that is not an accepted type.
   */
  private stage(request: IncomingMessage, folder: string): Promise<StagedUpload> {
    const maxBytes = this.config.evidence.maxBytes;
    const contentType = request.headers['content-type'] ?? '';
    if (!/^multipart\/form-data/i.test(contentType)) {
      return Promise.reject(
        AppError.validation([
          { field: 'file', message: 'must be sent as multipart/form-data, in a part named "file"' },
        ]),
      );
    }
    return new Promise<StagedUpload>((resolve, reject) => {
      let parser: busboy.Busboy;
      try {
        // preservePath: the name as sent, so that a name with a path is refused rather than cut.
        parser = busboy({
          headers: request.headers,
          preservePath: true,
          // Browsers send the name as UTF-8 (Kazakh and Russian names included).
          defParamCharset: 'utf8',
          // One byte over the limit, so a file of exactly the limit passes: busboy reports its limit
          // when a file reaches it, not when it goes past.
          limits: { files: 1, fileSize: maxBytes + 1, fields: 10, parts: 12 },
        });
      } catch {
        reject(AppError.validation([{ field: 'file', message: 'must be sent as multipart/form-data' }]));
        return;
      }
      let settled = false;
      let upload: Promise<StagedUpload> | null = null;
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        request.unpipe(parser);
        request.resume();
        reject(error);
      };
      parser.on('file', (field, stream, info) => {
        if (field !== 'file') {
          stream.resume();
          fail(AppError.validation([{ field, message: 'is not expected: send the evidence in a part named "file"' }]));
          return;
        }
        const name = checkEvidenceFileName(info.filename ?? '');
        if (!name.ok) {
          stream.resume();
          fail(AppError.validation([{ field: 'file', message: name.reason }]));
          return;
        }
        upload = this.receive(stream, join(folder, 'upload.part'), name.name, maxBytes);
        upload.catch(fail);
      });
      // A client that goes away mid-upload: the part being written fails (its file closed, so the
      // caller's cleanup removes it), and the upload ends rather than wait for bytes that never come.
      const aborted = () => {
        if (settled || request.complete) return;
        const error = AppError.validation([
          { field: 'file', message: 'was not received in full: the upload was aborted' },
        ]);
        parser.destroy(error);
        if (!upload) fail(error);
      };
      request.once('aborted', aborted);
      request.once('close', aborted);
      request.once('error', aborted);
      // Gone already, while the finding was being checked: no event will come.
      if (request.destroyed) queueMicrotask(aborted);
      parser.on('filesLimit', () =>
        fail(AppError.validation([{ field: 'file', message: 'must be a single file per upload' }])),
      );
      parser.on('error', () =>
        fail(AppError.validation([{ field: 'file', message: 'is not well-formed multipart data' }])),
      );
      parser.on('close', () => {
        if (!upload) {
          fail(AppError.validation([{ field: 'file', message: 'is required: a part named "file" with the evidence' }]));
          return;
        }
        upload.then((staged) => {
          if (!settled) {
            settled = true;
            resolve(staged);
          }
        }, fail);
      });
      request.pipe(parser);
    });
  }

  /** Writes one file part to `path`, with its size, SHA-256 and sniffed type. */
  private async receive(
    stream: NodeJS.ReadableStream & { truncated?: boolean },
    path: string,
    fileName: string,
    maxBytes: number,
  ): Promise<StagedUpload> {
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    let tooBig = false;
    stream.on('limit', () => {
      tooBig = true;
    });
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        hash.update(chunk);
        if (head.length < EVIDENCE_SNIFF_BYTES) head = Buffer.concat([head, chunk]).subarray(0, EVIDENCE_SNIFF_BYTES);
        done(null, chunk);
      },
    });
    await pipeline(stream, measure, createWriteStream(path));
    const limitMb = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
    if (tooBig) {
      throw new AppError(ErrorCode.PayloadTooLarge, `The file is larger than the limit of ${limitMb} MB`, [
        { field: 'file', message: `must be at most ${maxBytes} bytes (${limitMb} MB)` },
      ]);
    }
    if (size === 0) throw AppError.validation([{ field: 'file', message: 'is empty' }]);
    const detected = detectEvidenceType(head);
    if (!detected) {
      throw AppError.validation([
        {
          field: 'file',
          message: 'must be a JPEG, PNG, WebP or HEIC photo or a PDF document (checked by its content, not its name)',
        },
      ]);
    }
    return { path, fileName, contentType: detected, sizeBytes: size, sha256: hash.digest('hex') };
  }

  private checkedId(id: string): string {
    if (!isUuid(id)) throw AppError.notFound('evidence-files', id);
    return id;
  }

  private async removeQuietly(key: string): Promise<void> {
    try {
      await this.store.remove(key);
    } catch (error) {
      this.logger.error(`Evidence bytes at ${key} could not be removed: ${error}`);
    }
  }
}

/** An evidence file as the permission rules see it. */
const asEvidence = (record: object) => asSubject('evidence-files', { ...record } as Record<string, unknown>);
