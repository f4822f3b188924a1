import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { UserInputError } from '../errors/app-error';
import { Connection, SortDirection } from './connection';
import { DEFAULT_PAGE_SIZE } from './page-args';

/** A whitelisted sort: `expression` is SQL written by us, never by the client. */
export interface KeysetSort {
  /** SQL expression of the sort key, e.g. `unit.code`. */
  expression: string;
  /** Property of a row holding the sort key's value (for the cursor). */
  key: string;
  direction: SortDirection;
  /** SQL of the unique tie-breaker, e.g. `unit.id`, and its row property. */
  idExpression: string;
  idKey: string;
}

type CursorValue = string | number | boolean | null;

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string): [CursorValue, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[1] === 'string')
      return value as [CursorValue, string];
  } catch {
    // fall through
  }
  throw UserInputError.field('after', 'is not a cursor this list issued');
}

/**
 * Forward keyset paging over a filtered query: one statement for the page (first + 1 rows, to know whether more
 * follow); totalCount is counted only when a client reads it (see countWhenRead). Rows come back raw (no entity
 * hydration).
 */
export async function paginate<R extends ObjectLiteral, N>(
  query: SelectQueryBuilder<ObjectLiteral>,
  sort: KeysetSort,
  args: { first?: number; after?: string },
  toNode: (row: R) => N,
): Promise<Connection<N>> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  const countQuery = query.clone();
  const page = query.clone();
  if (args.after) {
    const [value, id] = decodeCursor(args.after);
    const op = sort.direction === SortDirection.ASC ? '>' : '<';
    if (value === null) {
      // NULL sort keys come last in both directions (NULLS LAST); past a NULL only the id orders.
      page.andWhere(`(${sort.expression} IS NULL AND ${sort.idExpression} ${op} :cursorId)`, {
        cursorId: id,
      });
    } else {
      page.andWhere(
        `((${sort.expression}) ${op} :cursorValue OR ((${sort.expression}) = :cursorValue AND ${sort.idExpression} ${op} :cursorId) OR ${sort.expression} IS NULL)`,
        { cursorValue: value, cursorId: id },
      );
    }
  }
  page
    .orderBy(sort.expression, sort.direction, 'NULLS LAST')
    .addOrderBy(sort.idExpression, sort.direction)
    .limit(first + 1);
  const rows = await page.getRawMany<R>();
  // A first page that holds every match is its own count.
  const known = !args.after && rows.length <= first ? rows.length : null;
  return countWhenRead(toConnection(rows, first, 0, sort, toNode), () =>
    known !== null
      ? Promise.resolve(known)
      : countQuery
          .select('COUNT(*)', 'count')
          .orderBy()
          .getRawOne<{ count: number }>()
          .then((c) => Number(c?.count ?? 0)),
  );
}

/**
 * Makes `totalCount` a getter that runs `count` the first time it is read. GraphQL reads a field only when the query
 * selects it, so a list request without totalCount sends no COUNT(*) (test/statement-counts.e2e-spec.ts).
 */
export function countWhenRead<C extends { totalCount: number | Promise<number> }>(
  connection: C,
  count: () => Promise<number>,
): C {
  let counted: Promise<number> | undefined;
  return Object.defineProperty(connection, 'totalCount', {
    enumerable: true,
    get: () => (counted ??= count()),
  });
}

/** Builds a connection from up to `first + 1` sorted rows (the extra row only says that more follow). */
export function toConnection<R extends ObjectLiteral, N>(
  rows: R[],
  first: number,
  totalCount: number,
  sort: Pick<KeysetSort, 'key' | 'idKey'>,
  toNode: (row: R) => N,
): Connection<N> {
  const edges = rows.slice(0, first).map((row) => ({
    // Ids travel as strings in cursors (bigint ids arrive as numbers).
    cursor: encodeCursor([row[sort.key] as CursorValue, String(row[sort.idKey])]),
    node: toNode(row),
  }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
