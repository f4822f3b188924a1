/**
 * Global ids (Relay): the base64 of `Type:key`, e.g. `VW5pdDo…` for `Unit:6f1c…`. Opaque to clients; the one
 * encoding of every identity the API hands out, and the only id form its inputs accept (input-guard.ts decodes).
 */

/** Reused for every encoding: the only allocation per id is the returned string (hot lists encode one a row). */
const scratch = Buffer.allocUnsafe(256);

/** The global id of the object of GraphQL type `type` with key `key` (a uuid or a sequence number). */
export function toGlobalId(type: string, key: string | number): string {
  const text = `${type}:${key}`;
  if (text.length > scratch.length) return Buffer.from(text, 'latin1').toString('base64');
  const length = scratch.write(text, 0, 'latin1');
  return scratch.toString('base64', 0, length);
}

/** A decoded global id. */
export interface GlobalId {
  type: string;
  key: string;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const TYPE_NAME = /^[A-Z][A-Za-z0-9]*$/;

/**
 * The type and key of a global id, or null when `id` is not one this API encodes (not canonical base64, no type
 * name, no key). Strict: re-encoding must give the same text, so that one object has exactly one id.
 */
export function fromGlobalId(id: string): GlobalId | null {
  if (id.length === 0 || id.length > 400 || id.length % 4 !== 0 || !BASE64.test(id)) return null;
  const text = Buffer.from(id, 'base64').toString('latin1');
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1) return null;
  const type = text.slice(0, colon);
  const key = text.slice(colon + 1);
  if (!TYPE_NAME.test(type) || key.includes('\u0000')) return null;
  if (toGlobalId(type, key) !== id) return null;
  return { type, key };
}
