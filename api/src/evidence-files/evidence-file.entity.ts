import type { EvidenceContentType, EvidenceStorage } from '@adaldesk/libs';
import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../core/database/base.entity.js';

/** A photo or document proving a finding: metadata here, the bytes on disk or in an S3 bucket. */
@Entity('evidence_files')
export class EvidenceFile extends BaseRecord {
  @Column({ name: 'finding_id', type: 'uuid' })
  findingId: string;

  @Column({ name: 'inspection_id', type: 'uuid' })
  inspectionId: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  /** The uploaded name, cleaned, for display and downloads only; never a path. */
  @Column({ name: 'file_name', type: 'text' })
  fileName: string;

  /** What the first bytes say the file is, not what the client declared. */
  @Column({ name: 'content_type', type: 'text' })
  contentType: EvidenceContentType;

  /** bigint comes back from PostgreSQL as text; a file is far below 2^53 bytes. */
  @Column({
    name: 'size_bytes',
    type: 'bigint',
    transformer: {
      to: (value: number) => value,
      from: (value: string | null) => (value === null ? null : Number(value)),
    },
  })
  sizeBytes: number;

  /** Hex SHA-256 of the bytes as stored. */
  @Column({ type: 'text' })
  sha256: string;

  @Column({ type: 'text' })
  storage: EvidenceStorage;

  /** Where the bytes are, chosen by the server: never shown to clients. */
  @Column({ name: 'storage_key', type: 'text', select: false })
  storageKey: string;

  @Column({ name: 'uploaded_by_id', type: 'uuid' })
  uploadedById: string;
}
