/**
 * Rules every client value obeys, whatever the field (applied by src/graphql/input-guard.ts to all arguments and
 * input fields, and by cursors): declared here once.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID written 8-4-4-4-12 hex digits: the key inside most global ids (src/graphql/node/global-id.ts). */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/**
 * Magnitudes a `Float` input may have (besides 0): nothing below a millionth (denormals like 5e-324 that PostgreSQL
 * refuses) and nothing above 10¹² (every stored quantity is far below; numeric columns would overflow).
 * Fields narrow this with class-validator (e.g. floor areas).
 */
export const FLOAT_INPUT_RANGE = { min: 1e-6, max: 1e12 } as const;
