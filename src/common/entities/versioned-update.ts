import { EntityManager } from 'typeorm';
import { ConflictError, NotFoundError } from '../errors/app-error';

export interface VersionedUpdate {
  /** Table name (ours, never the client's). */
  table: string;
  /** Name used in errors, e.g. "Unit". */
  label: string;
  id: string;
  /** The version the client last read. */
  version: number;
  /** snake_case column → new value; undefined values are left alone. */
  columns: Record<string, unknown>;
  /**
   * Parks the caller may act in, for tables with a park_id column (null: all parks, or a table without parks, whose
   * caller checked scope itself); rows of other parks are NOT_FOUND, as if they did not exist.
   */
  parkIds: string[] | null;
}

/**
 * The column that names a row to people (its natural key), per table: messages say "Unit W-A-001", not a UUID.
 * Tables missing here are named by id.
 */
export const NATURAL_KEY_COLUMNS: Readonly<Record<string, string>> = {
  park: 'code',
  zone: 'code',
  unit: 'code',
  enterprise: 'credit_code',
  app_user: 'username',
  institution: 'name',
  talent_program: 'code',
  cohort: 'code',
  contest: 'name',
  talent_target: 'name',
  // No trainee: a person's name is personal data, so messages name a trainee by id.
  contract: 'number',
  incentive_policy: 'name',
};

/** How a row is named in messages: `Unit W-A-001`, or `Tenancy <id>` for a table without a natural key. */
export function recordName(table: string, label: string, row: Record<string, unknown>): string {
  const column = NATURAL_KEY_COLUMNS[table];
  const key = column ? row[column] : undefined;
  return `${label} ${typeof key === 'string' && key.trim() ? key.trim() : String(row.id)}`;
}

/**
 * Optimistic concurrency with the row locked: reads the row (in scope) FOR NO KEY UPDATE (the id never changes, so
 * inserts that merely reference the row are not held up), refuses a stale version with
 * CONFLICT, then `UPDATE … SET …, version = version + 1 WHERE id = $1 AND version = $2`. Returns the row before and
 * after, for the audit trail. Call inside a transaction.
 */
export async function updateVersioned<R extends { id: string; version: number }>(
  m: EntityManager,
  u: VersionedUpdate,
): Promise<{ before: R; after: R }> {
  const [before] = await m.query<R[]>(
    `SELECT * FROM "${u.table}" WHERE id = $1 ${u.parkIds ? 'AND park_id = ANY($2)' : ''} FOR NO KEY UPDATE`,
    u.parkIds ? [u.id, u.parkIds] : [u.id],
  );
  if (!before) throw new NotFoundError(u.label, u.id);
  if (before.version !== u.version) {
    throw new ConflictError(
      `${recordName(u.table, u.label, before)} was changed by someone else (version ${before.version}, you sent ${u.version})`,
      {
        field: 'version',
        currentVersion: before.version,
      },
    );
  }
  const sets: string[] = [];
  const params: unknown[] = [u.id, u.version];
  for (const [column, value] of Object.entries(u.columns)) {
    if (value === undefined) continue;
    params.push(value);
    sets.push(`"${column}" = $${params.length}`);
  }
  sets.push('version = version + 1', 'updated_at = now()');
  const [rows] = await m.query<[R[], number]>(
    `UPDATE "${u.table}" SET ${sets.join(', ')} WHERE id = $1 AND version = $2 RETURNING *`,
    params,
  );
  return { before, after: rows[0] };
}
