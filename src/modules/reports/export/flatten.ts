import { Cell } from './cells';

/** Where the first list of a GraphQL result is, and the connection around it when it is a connection's edges. */
export interface ListLocation {
  /** Keys from `data` to the list. */
  path: string[];
  /** True when the list holds edges ({ cursor, node }): rows are the nodes. */
  edges: boolean;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The first list in `data`, depth-first in the order of the selection (the order of the response's keys). */
export function findFirstList(data: Json, path: string[] = []): ListLocation | undefined {
  if (Array.isArray(data)) {
    const first = data.find((x) => x !== null);
    const edges = !!first && typeof first === 'object' && !Array.isArray(first) && 'node' in first;
    return { path, edges };
  }
  if (data && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) {
      const found = findFirstList(value, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

export function at(data: Json, path: readonly string[]): Json {
  let v: Json = data;
  for (const key of path) v = v && typeof v === 'object' && !Array.isArray(v) ? (v[key] ?? null) : null;
  return v;
}

/** The rows at `loc` in `data`: nodes of edges, or the list's items. */
export function rowsAt(data: Json, loc: ListLocation): Json[] {
  const list = at(data, loc.path);
  if (!Array.isArray(list)) return [];
  return loc.edges
    ? list.map((e) => (e && typeof e === 'object' && !Array.isArray(e) ? (e.node ?? null) : null))
    : list;
}

/** The next page's cursor when the list is a connection's edges with pageInfo { hasNextPage endCursor }. */
export function nextCursor(data: Json, loc: ListLocation): string | null {
  if (!loc.edges) return null;
  const info = at(data, [...loc.path.slice(0, -1), 'pageInfo']);
  if (!info || typeof info !== 'object' || Array.isArray(info)) return null;
  return info.hasNextPage === true && typeof info.endCursor === 'string' ? info.endCursor : null;
}

/**
 * One row as dotted columns: nested objects become `a.b`, lists of values are joined with "; ", lists of objects are
 * written as JSON (a spreadsheet has no nested rows).
 */
export function flattenRow(row: Json, prefix = '', out: Record<string, Cell> = {}): Record<string, Cell> {
  if (row && typeof row === 'object' && !Array.isArray(row)) {
    for (const [key, value] of Object.entries(row)) flattenRow(value, prefix ? `${prefix}.${key}` : key, out);
  } else if (Array.isArray(row)) {
    out[prefix || 'value'] = row.every((x) => x === null || typeof x !== 'object')
      ? row.map((x) => (x === null ? '' : String(x))).join('; ')
      : JSON.stringify(row);
  } else {
    out[prefix || 'value'] = row;
  }
  return out;
}
