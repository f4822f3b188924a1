/**
 * DataLoader batch results must come back in key order, one per key. These two helpers build them from the rows a
 * batch query returned, in one pass over the rows (a filter per key would be quadratic on large batches).
 */

/** One value per key (null when no row has it): for lookups by a unique key. */
export function oneByKey<R, V>(
  keys: readonly string[],
  rows: readonly R[],
  keyOf: (row: R) => string,
  toValue: (row: R) => V,
): (V | null)[] {
  const byKey = new Map(rows.map((row) => [keyOf(row), toValue(row)]));
  return keys.map((key) => byKey.get(key) ?? null);
}

/** All values per key, in row order (empty when none): for children by parent key. */
export function manyByKey<R, V>(
  keys: readonly string[],
  rows: readonly R[],
  keyOf: (row: R) => string,
  toValue: (row: R) => V,
): V[][] {
  const byKey = new Map<string, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) byKey.get(keyOf(row))?.push(toValue(row));
  return keys.map((key) => byKey.get(key)!);
}
