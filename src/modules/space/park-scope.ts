import { EntityManager } from 'typeorm';
import { NotFoundError } from '../../common/errors/app-error';
import { Actor } from '../access/principal';

/**
 * The id of a park the actor may act in. A park outside the actor's scope is NOT_FOUND, exactly like a park that
 * does not exist, so scoping never reveals what other parks hold.
 */
export async function requireParkId(m: EntityManager, actor: Actor, code: string): Promise<string> {
  const [row] = await m.query<{ id: string }[]>(
    'SELECT id FROM park WHERE code = $1 AND ($2::uuid[] IS NULL OR id = ANY($2))',
    [code, actor.principal.parkIds],
  );
  if (!row) throw new NotFoundError('Park', code);
  return row.id;
}
