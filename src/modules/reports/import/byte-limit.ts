import { Transform } from 'node:stream';
import { UserInputError } from '../../../common/errors/app-error';

/**
 * A pass-through stream that fails with a `file` BAD_USER_INPUT once more than `maxBytes` went through it (the
 * IMPORT_MAX_BYTES rule of every upload), handing each accepted chunk to `onChunk` (e.g. a hash) first.
 */
export function byteLimit(
  maxBytes: number,
  onChunk?: (chunk: Buffer) => void,
): Transform & { bytes: number } {
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      stream.bytes += chunk.length;
      if (stream.bytes > maxBytes)
        return done(UserInputError.field('file', `is larger than ${maxBytes} bytes (IMPORT_MAX_BYTES)`));
      onChunk?.(chunk);
      done(null, chunk);
    },
  }) as Transform & { bytes: number };
  stream.bytes = 0;
  return stream;
}
