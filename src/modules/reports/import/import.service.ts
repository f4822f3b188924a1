import { createHash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { Injectable, Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, ErrorCode, UserInputError } from '../../../common/errors/app-error';
import { inTransaction } from '../../../database/transaction';
import { writeAudit } from '../../access/audit';
import { Actor } from '../../access/principal';
import { OccupancyService } from '../../occupancy/occupancy.service';
import { fileRows } from './file-rows';
import { HttpAccess } from '../../access/http-access';
import { ImportSpreadsheetInput } from '../dto/import.inputs';
import {
  ImportBatchContext,
  ImportColumn,
  ImportDefinition,
  importDefinition,
  importEntities,
} from './import-registry';
import { ImportUploads } from './import-uploads';
import { rowValidator, RowValidator } from './row-validator';

/** A problem with one cell (or row) of the file: `row` is the row number in the file (the header is row 1). */
export interface ImportRowError {
  row: number;
  column: string;
  message: string;
}

export interface ImportResult {
  entity: string;
  dryRun: boolean;
  /** Data rows read. */
  rows: number;
  /** Rows written (0 on a dry run, on errors, and when this file was imported before). */
  written: number;
  sha256: string;
  /** The same file was imported into this park before: nothing was written again. */
  alreadyImported: boolean;
  errors: ImportRowError[];
}

/** Most errors reported; the file is still read to the end, so `rows` is right. */
const MAX_ERRORS = 1000;

/** Thrown to roll back a dry run, or a run with row errors, after reading the whole file in the transaction. */
class Rollback extends Error {}

/**
 * Spreadsheet import: streams the file once, inside one transaction, in batches. Each row is validated by the
 * entity's input class (the mutation's class-validator rules) and rules; each batch is checked against the database
 * and inserted while no row has failed. A dry run, or any error, rolls the whole transaction back: all or nothing.
 * The file's SHA-256 makes a re-upload idempotent (the audit entry of the earlier import is found).
 */
@Injectable()
export class ImportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly occupancy: OccupancyService,
    private readonly modules: ModuleRef,
    private readonly access: HttpAccess,
    private readonly uploads: ImportUploads,
  ) {}

  /** Step two of a GraphQL import: the file uploaded by POST /import/uploads, under its entity's access rule. */
  async runUpload(actor: Actor, input: ImportSpreadsheetInput): Promise<ImportResult> {
    const def = importDefinition(input.entity);
    if (!def) throw UserInputError.field('input.entity', `must be one of ${importEntities().join(', ')}`);
    this.access.assertAllowed(actor, def.operation);
    const file = await this.uploads.take(actor.principal, input.uploadId);
    // The upload was held to IMPORT_MAX_BYTES when it was received.
    return this.run(actor, def, input.parkCode, file, input.dryRun, Number.MAX_SAFE_INTEGER);
  }

  async run(
    actor: Actor,
    def: ImportDefinition,
    parkCode: string,
    file: Readable,
    dryRun: boolean,
    maxBytes: number,
  ): Promise<ImportResult> {
    const scope = await this.occupancy.scope(actor, parkCode);
    const hash = createHash('sha256');
    let bytes = 0;
    const counted = file.pipe(
      new Transform({
        transform(chunk: Buffer, _enc, done) {
          bytes += chunk.length;
          if (bytes > maxBytes)
            return done(UserInputError.field('file', `is larger than ${maxBytes} bytes (IMPORT_MAX_BYTES)`));
          hash.update(chunk);
          done(null, chunk);
        },
      }),
    );
    file.on('error', (e) => counted.destroy(e));
    // The error (too large, a broken upload) may come before the reader starts iterating: the iterator rethrows it
    // then (the stream keeps it as `errored`); without a listener it would crash the process as an unhandled event.
    counted.on('error', () => undefined);
    const result: ImportResult = {
      entity: def.entity,
      dryRun,
      rows: 0,
      written: 0,
      sha256: '',
      alreadyImported: false,
      errors: [],
    };
    try {
      await inTransaction(
        this.db,
        async (m) => {
          const ctx: ImportBatchContext = {
            parkId: scope.parkId,
            parkCode,
            m,
            actor,
            get: <T>(type: Type<T>) => this.modules.get(type, { strict: false }),
          };
          const validator = validatorOf(def);
          let columns: { col: ImportColumn; index: number; header: string }[] | null = null;
          let batch: { line: number; row: object }[] = [];
          const seen = new Map<string, number>();
          const fail = (e: ImportRowError) => {
            if (result.errors.length < MAX_ERRORS) result.errors.push(e);
          };
          const header = (field: string) => columns?.find((c) => c.col.field === field)?.header ?? field;
          const flush = async () => {
            if (batch.length === 0) return;
            const rows = batch.map((b) => b.row);
            if (def.writeBatch) {
              // The service path writes (and so checks) every row; the rollback below undoes a dry run.
              const { written, errors } = await def.writeBatch(ctx, rows);
              for (const { index, error } of errors)
                fail({ row: batch[index].line, column: header(error.field), message: error.message });
              result.written += written;
            } else {
              for (const { index, error } of (await def.checkBatch?.(ctx, rows)) ?? [])
                fail({ row: batch[index].line, column: header(error.field), message: error.message });
              if (result.errors.length === 0 && !dryRun)
                result.written += (await def.insertBatch?.(ctx, rows)) ?? 0;
            }
            batch = [];
          };
          for await (const { line, cells } of fileRows(counted)) {
            if (!columns) {
              columns = mapHeaders(def, cells);
              continue;
            }
            if (cells.every((c) => c.trim() === '')) continue;
            result.rows++;
            const plain: Record<string, unknown> = {};
            for (const { col, index } of columns) {
              // Undo the export's formula escaping ('=…), so that an export imports back to the same data.
              const raw = cells[index] ?? '';
              const text = /^'[=+\-@\t\r]/.test(raw) ? raw.slice(1) : raw;
              const value = col.parse ? col.parse(text) : text;
              if (value !== undefined) plain[col.field] = value;
            }
            const row = validator.toRow(plain);
            const errors = validator.problems(row);
            // One message per column: the first rule it breaks.
            const byField = new Map([...errors].reverse().map((e) => [e.field, e.message]));
            for (const [field, message] of [...byField].reverse())
              fail({ row: line, column: header(field), message });
            const rule = errors.length === 0 ? def.rowRule?.(row) : null;
            if (rule) fail({ row: line, column: header(rule.field), message: rule.message });
            const key = def.uniqueKey && errors.length === 0 ? def.uniqueKey(row) : undefined;
            const earlier = key ? seen.get(key) : undefined;
            if (earlier !== undefined)
              fail({ row: line, column: header(def.uniqueField ?? ''), message: `repeats row ${earlier}` });
            else if (key) seen.set(key, line);
            // A repeated row is not checked further (nor written): its error is the repeat.
            if (errors.length === 0 && !rule && earlier === undefined) batch.push({ line, row });
            if (batch.length >= (def.batchSize ?? 1000)) await flush();
          }
          if (!columns) throw UserInputError.field('file', 'has no header row');
          await flush();
          result.sha256 = hash.digest('hex');
          const [earlier] = await m.query<{ id: string }[]>(
            `SELECT id FROM audit_log WHERE entity_type = 'Import' AND entity_id = $1 AND park_id = $2 LIMIT 1`,
            [`${def.entity}:${result.sha256}`, scope.parkId],
          );
          if (earlier) {
            // The same file again: the earlier import stands; its rows would be duplicates (or are refused as taken).
            result.alreadyImported = true;
            result.errors = [];
            result.written = 0;
            throw new Rollback();
          }
          if (dryRun || result.errors.length > 0) {
            result.written = 0;
            throw new Rollback();
          }
          await writeAudit(m, actor, [
            {
              entityType: 'Import',
              entityId: `${def.entity}:${result.sha256}`,
              parkId: scope.parkId,
              before: null,
              after: {
                entity: def.entity,
                sha256: result.sha256,
                rows: result.rows,
                written: result.written,
                bytes,
              },
            },
          ]);
        },
        // The file is a stream read once: a retry could not read it again.
        { attempts: 1 },
      );
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
    }
    return result;
  }
}

/** Header cells → columns; unknown headers and missing required columns are a clear error before any row. */
function mapHeaders(def: ImportDefinition, cells: string[]) {
  const columns: { col: ImportColumn; index: number; header: string }[] = [];
  const unknown: string[] = [];
  cells.forEach((raw, index) => {
    const name = raw.replace(/^\uFEFF/, '').trim();
    if (!name) return;
    const col = def.columns.find((c) => c.headers.some((h) => h.toLowerCase() === name.toLowerCase()));
    if (!col) unknown.push(name);
    else if (columns.some((c) => c.col === col))
      throw UserInputError.field('file', `column ${name} appears twice`);
    else columns.push({ col, index, header: name });
  });
  const missing = def.columns.filter((c) => c.required && !columns.some((m) => m.col === c));
  if (missing.length > 0 || unknown.length > 0) {
    const parts = [
      missing.length ? `missing required columns: ${missing.map((c) => c.headers.join('/')).join(', ')}` : '',
      unknown.length ? `unknown columns: ${unknown.slice(0, 10).join(', ')}` : '',
    ].filter(Boolean);
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      `The header row does not fit ${def.entity}: ${parts.join('; ')}`,
      {
        fields: [{ field: 'file', message: parts.join('; ') }],
      },
    );
  }
  return columns;
}

const validators = new WeakMap<ImportDefinition, RowValidator<object>>();

/** The definition's row class rules, compiled on first use (row-validator.ts). */
function validatorOf(def: ImportDefinition): RowValidator<object> {
  let validator = validators.get(def);
  if (!validator) {
    validator = rowValidator(
      def.rowClass,
      def.columns.map((c) => c.field),
    );
    validators.set(def, validator);
  }
  return validator;
}
