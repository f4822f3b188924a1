import type { EntityManager } from 'typeorm';
import { AppError, FieldError } from '../../../common/errors/app-error';
import { pgError } from '../../../common/errors/pg-errors';
import type { BatchErrors, ImportBatchContext } from './import-registry';

/**
 * How an import writes through the mutation's own service path: each row (or group of rows) runs in a SAVEPOINT of
 * the import's transaction; a domain error (AppError) the service throws becomes that row's error and only that
 * savepoint is rolled back, so the next rows are still checked, against everything written before them. One write
 * path per entity: the import never repeats the service's rules or SQL.
 */

let savepoints = 0;

/** Runs `work` in a savepoint of `m`'s transaction: undone on error (rethrown), kept otherwise. */
export async function inSavepoint<T>(m: EntityManager, work: () => Promise<T>): Promise<T> {
  const name = `import_${++savepoints}`;
  await m.query(`SAVEPOINT ${name}`);
  try {
    const result = await work();
    await m.query(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (error) {
    await m.query(`ROLLBACK TO SAVEPOINT ${name}`);
    throw error;
  }
}

/** How a service's errors map to the import's columns. */
export interface RowWriteOptions {
  /** The import's column fields. */
  columns: string[];
  /** The column of an error that names no column. */
  fallbackField: string;
  /** A NOT_FOUND error's entity → the column that named it (e.g. Enterprise → enterpriseCreditCode). */
  notFound?: Record<string, string>;
  /** Service field names → columns, where the mutation's input differs from the row (unitCodes → unitCode). */
  aliases?: Record<string, string>;
  /** A database error the service's own caller would translate (e.g. a unique violation → CONFLICT). */
  translate?: (error: unknown) => unknown;
}

/**
 * The row errors a service's error stands for: the fields it names (`input.trainees.3.idNumber` → `idNumber`, the
 * last path segment that is a column or an alias), or its message on the fallback column. Anything but an AppError
 * is rethrown (it fails the import as a whole).
 */
export function rowErrorsOf(error: unknown, options: RowWriteOptions): FieldError[] {
  const translated = options.translate && pgError(error).code ? options.translate(error) : error;
  if (!(translated instanceof AppError)) throw translated;
  const aliases = options.aliases ?? {};
  const column = (path: string) => {
    for (const segment of path.split('.').reverse()) {
      if (options.columns.includes(segment)) return segment;
      if (aliases[segment]) return aliases[segment];
    }
    return options.fallbackField;
  };
  const fields = translated.details.fields as FieldError[] | undefined;
  if (Array.isArray(fields) && fields.length > 0)
    return fields.map((f) => ({ field: column(f.field), message: f.message }));
  const entity = translated.details.entity as string | undefined;
  if (entity && options.notFound?.[entity])
    return [{ field: options.notFound[entity], message: translated.message }];
  const field = translated.details.field as string | undefined;
  return [{ field: field ? column(field) : options.fallbackField, message: translated.message }];
}

/** Writes each row through `write` (the service path) in its own savepoint; service errors become row errors. */
export async function writeEachRow<Row>(
  ctx: ImportBatchContext,
  rows: Row[],
  options: RowWriteOptions,
  write: (row: Row) => Promise<unknown>,
): Promise<{ written: number; errors: BatchErrors }> {
  const errors: BatchErrors = [];
  let written = 0;
  for (const [index, row] of rows.entries()) {
    try {
      await inSavepoint(ctx.m, () => write(row));
      written++;
    } catch (error) {
      for (const e of rowErrorsOf(error, options)) errors.push({ index, error: e });
    }
  }
  return { written, errors };
}
