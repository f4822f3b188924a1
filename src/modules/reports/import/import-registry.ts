import type { Type } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FieldError } from '../../../common/errors/app-error';
import type { Actor } from '../../access/principal';

/** One column of an import: the input field it fills, and the headers accepted for it (Chinese, English, export). */
export interface ImportColumn {
  field: string;
  headers: string[];
  required: boolean;
  /** What the template and README say about the column. */
  description: string;
  /** Text cell → the value the input class expects (number, boolean…); `undefined` leaves the field unset. */
  parse?: (text: string) => unknown;
}

/** Resolves park-level lookups once per file (e.g. zone codes → ids); runs in the import's transaction. */
export interface ImportBatchContext {
  parkId: string;
  parkCode: string;
  m: EntityManager;
  /** The caller, as the mutation's service sees it (writes through a service path audit as this actor). */
  actor: Actor;
  /** A provider of the app (the owning module's service), for definitions that write through a service path. */
  get<T>(type: Type<T>): T;
}

/** Problems of rows of one batch, by index in the batch's `rows`. */
export type BatchErrors = { index: number; error: FieldError }[];

/**
 * A spreadsheet import for one entity, defined by the module that owns the entity (e.g. space/unit.import.ts), as
 * the GraphQL mutation it stands for: `operation` names it (its access rule applies), `rowClass` is the mutation's
 * own input class (its class-validator rules apply to every row), and `checkBatch`/`insertBatch` reuse the service's
 * rules and SQL. Talent and partners add trainees and institutions by adding such a file.
 */
export interface ImportDefinition<Row extends object = object> {
  /** URL name: /import/<entity>. */
  entity: string;
  /** The mutation whose access rule applies, e.g. "Mutation.createUnits". */
  operation: string;
  columns: ImportColumn[];
  rowClass: new () => Row;
  /** A key unique within the file (duplicates are row errors on `uniqueField`); rows without one are not compared. */
  uniqueKey?: (row: Row) => string | undefined;
  uniqueField?: string;
  /** The service's rule for one row beyond the input class (shared with the mutation). */
  rowRule?: (row: Row) => FieldError | null;
  /**
   * Either a set-based pair, for entities whose mutation is one INSERT (units, enterprises: fast, 100k rows)…
   * Rows of the file that the database would refuse (unknown zone, code taken…), by index in `rows`.
   */
  checkBatch?(ctx: ImportBatchContext, rows: Row[]): Promise<BatchErrors>;
  /** Inserts the rows (already checked) in one multi-row statement; returns how many were written. */
  insertBatch?(ctx: ImportBatchContext, rows: Row[]): Promise<number>;
  /**
   * …or the mutation's own service path inside the import's transaction (tenancies, machines, trainees,
   * institutions: their rules live in the service), usually through `writeEachRow` (import-writes.ts). Rows are
   * written even on a dry run or after an error, so that later rows are checked against earlier ones (a bay taken
   * by row 3 is taken for row 9); the import then rolls the whole transaction back.
   */
  writeBatch?(ctx: ImportBatchContext, rows: Row[]): Promise<{ written: number; errors: BatchErrors }>;
  /** Rows of one batch: large enough for few statements, small enough for bounded memory. */
  batchSize?: number;
}

const registry = new Map<string, ImportDefinition>();

export function defineImport<Row extends object>(definition: ImportDefinition<Row>): ImportDefinition<Row> {
  if (registry.has(definition.entity)) throw new Error(`Import ${definition.entity} is defined twice`);
  registry.set(definition.entity, definition as unknown as ImportDefinition);
  return definition;
}

export function importDefinition(entity: string): ImportDefinition | undefined {
  return registry.get(entity);
}

export function importEntities(): string[] {
  return [...registry.keys()].sort();
}

/** Parsers for cells. */
export const parseNumber = (s: string): unknown => (s.trim() === '' ? undefined : Number(s.trim()));
export const parseBoolean = (s: string): unknown => {
  const v = s.trim().toLowerCase();
  if (v === '') return undefined;
  if (['true', '1', 'yes', '是', 'y'].includes(v)) return true;
  if (['false', '0', 'no', '否', 'n'].includes(v)) return false;
  return s;
};
export const parseText = (s: string): unknown => (s.trim() === '' ? undefined : s.trim());
