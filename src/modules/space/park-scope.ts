import { EntityManager } from 'typeorm';
import { NotFoundError } from '../../common/errors/app-error';
import { Actor, parkScope } from '../access/principal';
import { ParkRow } from './space.mappers';

/**
 * A park the actor may act in, or undefined. A park outside the actor's scope answers exactly like a park that does
 * not exist, so scoping never reveals what other parks hold. The one scoped park lookup every module uses.
 */
export async function findScopedPark(
  m: EntityManager,
  actor: Actor,
  code: string,
): Promise<ParkRow | undefined> {
  const [row] = await m.query<ParkRow[]>(
    'SELECT * FROM park WHERE code = $1 AND ($2::uuid[] IS NULL OR id = ANY($2))',
    [code, parkScope(actor)],
  );
  return row;
}

/** The id of a park the actor may act in; NOT_FOUND otherwise. */
export async function requireParkId(m: EntityManager, actor: Actor, code: string): Promise<string> {
  const row = await findScopedPark(m, actor, code);
  if (!row) throw new NotFoundError('Park', code);
  return row.id;
}
