import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { NotFoundError, UserInputError } from '../../../common/errors/app-error';
import type { Principal } from '../../access/principal';

/** How long an uploaded file waits for its import mutation. */
const UPLOAD_TTL_MS = 60 * 60 * 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Step one of a GraphQL import: `POST /import/uploads` streams the file to a temporary file of this process and
 * answers an upload id; `importSpreadsheet(uploadId…)` (step two) reads it back as a stream, once. /graphql itself
 * stays JSON-only (the document guard refuses multipart: no CSRF-able simple request reaches the executor). An upload
 * belongs to the principal who sent it and is deleted when used or after an hour.
 */
@Injectable()
export class ImportUploads implements OnModuleDestroy {
  private readonly dir = join(tmpdir(), `shifosi-import-uploads-${process.pid}`);

  async save(
    principal: Principal,
    file: Readable,
    maxBytes: number,
  ): Promise<{ uploadId: string; bytes: number }> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await this.sweep();
    const uploadId = randomUUID();
    const path = this.path(principal, uploadId);
    let bytes = 0;
    try {
      await pipeline(
        file,
        new Transform({
          transform(chunk: Buffer, _enc, done) {
            bytes += chunk.length;
            if (bytes > maxBytes)
              return done(
                UserInputError.field('file', `is larger than ${maxBytes} bytes (IMPORT_MAX_BYTES)`),
              );
            done(null, chunk);
          },
        }),
        createWriteStream(path, { mode: 0o600 }),
      );
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
    if (bytes === 0) {
      await rm(path, { force: true });
      throw UserInputError.field('file', 'is empty');
    }
    return { uploadId, bytes };
  }

  /** The uploaded file as a stream; the file is removed once read (or on failure). */
  async take(principal: Principal, uploadId: string): Promise<Readable> {
    if (!UUID.test(uploadId))
      throw UserInputError.field('uploadId', 'must be an id answered by POST /import/uploads');
    const path = this.path(principal, uploadId);
    try {
      await stat(path);
    } catch {
      throw new NotFoundError('Upload', uploadId);
    }
    const stream = createReadStream(path);
    const remove = () => void rm(path, { force: true });
    stream.once('close', remove);
    return stream;
  }

  async onModuleDestroy(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }

  /** Uploads are per principal: another caller's id is not found. */
  private path(principal: Principal, uploadId: string): string {
    return join(this.dir, `${principal.kind}-${principal.id}-${uploadId}`);
  }

  private async sweep(): Promise<void> {
    const now = Date.now();
    for (const name of await readdir(this.dir)) {
      const path = join(this.dir, name);
      const info = await stat(path).catch(() => null);
      if (info && now - info.mtimeMs > UPLOAD_TTL_MS) await rm(path, { force: true });
    }
  }
}
