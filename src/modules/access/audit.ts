import { EntityManager } from 'typeorm';
import { ActorKind } from './access.enums';
import { Actor } from './principal';

/** Bookkeeping columns that every update touches; not worth an audit line. */
const IGNORED = new Set(['version', 'updatedAt', 'createdAt', 'passwordHash', 'secretHash']);

export interface AuditEntry {
  entityType: string;
  entityId: string;
  parkId: string | null;
  /** The row before the change (null on create) and after it (null on delete). */
  before: object | null;
  after: object | null;
  reason?: string | null;
}

/**
 * Field names in the trail are the API's (camelCase: `floorArea`, `startsOn`), whether a row (snake_case columns) or
 * a model was recorded, so that a client reads the trail in the names it writes.
 */
export function apiFieldName(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value ?? null;
}

/** The fields that differ between two rows, with before and after values. */
export function changedFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): { field: string; before: unknown; after: unknown }[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: { field: string; before: unknown; after: unknown }[] = [];
  for (const key of keys) {
    if (IGNORED.has(key) || IGNORED.has(apiFieldName(key))) continue;
    const b = comparable(before?.[key]);
    const a = comparable(after?.[key]);
    if (JSON.stringify(b) !== JSON.stringify(a))
      changes.push({ field: apiFieldName(key), before: b, after: a });
  }
  return changes;
}

/**
 * Writes audit entries in the caller's transaction (`m`): if this insert fails, the change it describes rolls back
 * with it. One statement for any number of entries.
 */
export async function writeAudit(m: EntityManager, actor: Actor, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((e) => ({
    actor_kind: actor.principal.kind,
    actor_id: actor.principal.kind === ActorKind.SYSTEM ? null : actor.principal.id,
    actor_name: actor.principal.name,
    operation: actor.operation,
    entity_type: e.entityType,
    entity_id: e.entityId,
    park_id: e.parkId,
    changes: changedFields(
      e.before as Record<string, unknown> | null,
      e.after as Record<string, unknown> | null,
    ),
    request_id: actor.requestId,
    reason: e.reason ?? null,
  }));
  await m.query(
    `INSERT INTO audit_log (actor_kind, actor_id, actor_name, operation, entity_type, entity_id, park_id, changes, request_id, reason)
     SELECT r.actor_kind::actor_kind, r.actor_id, r.actor_name, r.operation, r.entity_type, r.entity_id, r.park_id,
            r.changes, r.request_id, r.reason
     FROM jsonb_to_recordset($1::jsonb) AS r(actor_kind text, actor_id uuid, actor_name text, operation text,
          entity_type text, entity_id text, park_id uuid, changes jsonb, request_id text, reason text)`,
    [JSON.stringify(rows)],
  );
}
