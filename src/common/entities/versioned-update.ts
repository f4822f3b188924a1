import { EntityManager } from 'typeorm';
import { ConflictError, NotFoundError } from '../errors/app-error';

/**
 * Optimistic concurrency: `UPDATE … SET …, version = version + 1 WHERE id = $1 AND version = $2 RETURNING *`.
 * No row updated means the record is gone (NOT_FOUND) or someone else changed it first (CONFLICT); nothing is written.
 * `columns` maps snake_case column names (ours, never the client's) to new values; undefined values are skipped.
 */
export async function updateVersioned<R>(
  manager: EntityManager,
  table: string,
  label: string,
  id: string,
  version: number,
  columns: Record<string, unknown>,
): Promise<R> {
  const sets: string[] = [];
  const params: unknown[] = [id, version];
  for (const [column, value] of Object.entries(columns)) {
    if (value === undefined) continue;
    params.push(value);
    sets.push(`"${column}" = $${params.length}`);
  }
  sets.push('version = version + 1', 'updated_at = now()');
  const rows = await manager.query<R[]>(
    `UPDATE "${table}" SET ${sets.join(', ')} WHERE id = $1 AND version = $2 RETURNING *`,
    params,
  );
  // TypeORM's postgres driver returns [rows, count] for UPDATE … RETURNING.
  const updated = (Array.isArray(rows[0]) ? rows[0] : rows) as R[];
  if (updated.length === 1) return updated[0];
  const [current] = await manager.query<{ version: number }[]>(
    `SELECT version FROM "${table}" WHERE id = $1`,
    [id],
  );
  if (!current) throw new NotFoundError(label, id);
  throw new ConflictError(
    `${label} ${id} was changed by someone else (version ${current.version}, you sent ${version})`,
    {
      field: 'version',
      currentVersion: current.version,
    },
  );
}
