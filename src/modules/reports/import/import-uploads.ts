import { randomUUID } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundError, UserInputError } from '../../../common/errors/app-error';
import { isUuid } from '../../../common/input-rules';
import type { Principal } from '../../access/principal';
import { byteLimit } from './byte-limit';

/** How long an uploaded file waits for its import mutation. */
const UPLOAD_TTL = '1 hour';
/** The size of one stored piece of a file. */
const CHUNK_BYTES = 1024 * 1024;

/**
 * Step one of a GraphQL import: `POST /import/uploads` streams the file into PostgreSQL (import_upload and its
 * chunks, import-upload.entities.ts) and answers an upload id; `importSpreadsheet(uploadId…)` (step two) reads it back
 * as a stream, once, on whichever API process it reaches. /graphql itself stays JSON-only (the document guard refuses
 * multipart: no CSRF-able simple request reaches the executor). An upload belongs to the principal who sent it and is
 * deleted when used or after an hour.
 */
@Injectable()
export class ImportUploads {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async save(
    principal: Principal,
    file: Readable,
    maxBytes: number,
  ): Promise<{ uploadId: string; bytes: number }> {
    await this.db.query(`DELETE FROM import_upload WHERE created_at < now() - $1::interval`, [UPLOAD_TTL]);
    const uploadId = randomUUID();
    await this.db.query(`INSERT INTO import_upload (id, owner_kind, owner_id) VALUES ($1, $2, $3)`, [
      uploadId,
      principal.kind,
      principal.id,
    ]);
    const limit = byteLimit(maxBytes);
    try {
      await pipeline(file, limit, this.chunkWriter(uploadId));
    } catch (error) {
      await this.remove(uploadId);
      throw error;
    }
    const bytes = limit.bytes;
    if (bytes === 0) {
      await this.remove(uploadId);
      throw UserInputError.field('file', 'is empty');
    }
    await this.db.query(`UPDATE import_upload SET bytes = $2 WHERE id = $1`, [uploadId, bytes]);
    return { uploadId, bytes };
  }

  /**
   * The uploaded file as a stream, read one chunk at a time. Claiming it is one UPDATE, so of two imports of the same
   * id only one gets the file; the rows are deleted once the stream closes (read, failed or abandoned).
   */
  async take(principal: Principal, uploadId: string): Promise<Readable> {
    if (!isUuid(uploadId))
      throw UserInputError.field('uploadId', 'must be an id answered by POST /import/uploads');
    const [, claimed] = await this.db.query<[unknown[], number]>(
      `UPDATE import_upload SET taken_at = now()
       WHERE id = $1 AND owner_kind = $2 AND owner_id = $3 AND bytes IS NOT NULL AND taken_at IS NULL
         AND created_at >= now() - $4::interval
       RETURNING id`,
      [uploadId, principal.kind, principal.id, UPLOAD_TTL],
    );
    if (claimed !== 1) throw new NotFoundError('Upload', uploadId);
    let seq = 0;
    const stream = new Readable({
      read: () => {
        this.db
          .query<{ data: Buffer }[]>(
            `SELECT data FROM import_upload_chunk WHERE upload_id = $1 AND seq = $2`,
            [uploadId, seq++],
          )
          .then((rows) => stream.push(rows.length ? rows[0].data : null))
          .catch((e: Error) => stream.destroy(e));
      },
    });
    stream.once('close', () => void this.remove(uploadId));
    return stream;
  }

  /** Cuts the stream into CHUNK_BYTES pieces and inserts each as it fills (one piece in memory at a time). */
  private chunkWriter(uploadId: string): Writable {
    let pending: Buffer = Buffer.alloc(0);
    let seq = 0;
    const insert = (data: Buffer) =>
      this.db.query(`INSERT INTO import_upload_chunk (upload_id, seq, data) VALUES ($1, $2, $3)`, [
        uploadId,
        seq++,
        data,
      ]);
    const flush = async (all: boolean) => {
      while (pending.length >= CHUNK_BYTES || (all && pending.length > 0)) {
        const piece = pending.subarray(0, CHUNK_BYTES);
        pending = pending.subarray(piece.length);
        await insert(piece);
      }
    };
    return new Writable({
      write(chunk: Buffer, _encoding, done) {
        pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
        flush(false).then(() => done(), done);
      },
      final(done) {
        flush(true).then(() => done(), done);
      },
    });
  }

  private async remove(uploadId: string): Promise<void> {
    await this.db.query(`DELETE FROM import_upload WHERE id = $1`, [uploadId]).catch(() => undefined);
  }
}
