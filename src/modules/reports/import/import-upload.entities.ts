import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/**
 * A file sent to `POST /import/uploads`, waiting for its `importSpreadsheet(uploadId…)` (import-uploads.ts). Kept in
 * PostgreSQL, not on a process's disk, so that with several API processes the mutation may reach any of them. `bytes`
 * is null while the file is still arriving; `takenAt` is set once, by the import that uses it (used once, even when
 * two imports race). Rows older than an hour are deleted by the next upload.
 */
@Entity('import_upload')
@Check('import_upload_bytes', '"bytes" IS NULL OR "bytes" > 0')
@Index('import_upload_created_at', ['createdAt'])
export class ImportUploadEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** The principal who uploaded it: only they can import it. */
  @Column({ type: 'varchar', length: 16 })
  ownerKind: string;

  @Column({ type: 'uuid' })
  ownerId: string;

  @Column({ type: 'bigint', nullable: true })
  bytes: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  takenAt: Date | null;
}

/** The file's content in pieces of at most 1 MiB, in order (so neither end holds a whole file in memory). */
@Entity('import_upload_chunk')
@Check('import_upload_chunk_seq', '"seq" >= 0')
export class ImportUploadChunkEntity {
  @PrimaryColumn({ type: 'uuid' })
  uploadId: string;

  @ManyToOne(() => ImportUploadEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'upload_id', foreignKeyConstraintName: 'import_upload_chunk_upload_id_fkey' })
  upload?: ImportUploadEntity;

  @PrimaryColumn({ type: 'int' })
  seq: number;

  @Column({ type: 'bytea' })
  data: Buffer;
}
