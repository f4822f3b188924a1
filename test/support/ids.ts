import { fromGlobalId, toGlobalId } from '../../src/graphql/node/global-id';
import { isUuid } from '../../src/common/input-rules';

/**
 * Global ids in tests. The API answers and takes global ids (base64 of `Type:key`); the database holds keys. Tests
 * compare and query through these, never by hand.
 */

/** The global id of the object of GraphQL type `type` with database key `key`. */
export function globalId(type: string, key: string | number): string {
  return toGlobalId(type, key);
}

/** The database key behind a global id the API answered; throws on anything else (a test fault). */
export function keyOf(id: string): string {
  const decoded = fromGlobalId(id);
  if (!decoded) throw new Error(`Not a global id: ${id}`);
  return decoded.key;
}

/** The type named by a global id the API answered. */
export function typeOf(id: string): string {
  const decoded = fromGlobalId(id);
  if (!decoded) throw new Error(`Not a global id: ${id}`);
  return decoded.type;
}

/**
 * SQL parameters with every global id replaced by its key (uuid or audit sequence number), so that tests pass ids
 * as the API answered them to SQL (TestApp.sql and ownerQuery do this). Arrays are decoded item by item.
 */
export function sqlParams(params: readonly unknown[] | undefined): unknown[] | undefined {
  return params?.map((p) => (Array.isArray(p) ? p.map(decodeParam) : decodeParam(p)));
}

function decodeParam(value: unknown): unknown {
  if (typeof value !== 'string' || value.length < 12) return value;
  const decoded = fromGlobalId(value);
  if (!decoded) return value;
  return isUuid(decoded.key) || /^[1-9][0-9]*$/.test(decoded.key) ? decoded.key : value;
}
