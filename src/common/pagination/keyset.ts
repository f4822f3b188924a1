import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { isIsoDate } from '../../graphql/scalars/date.scalar';
import { UserInputError } from '../errors/app-error';
import { isUuid } from '../input-rules';
import { Connection, SortDirection } from './connection';
import { DEFAULT_PAGE_SIZE } from './page-args';

/** The kinds of sort values and ids a cursor may carry; each is checked when a cursor comes back. */
export type CursorValueKind = 'text' | 'decimal' | 'date' | 'integer';
export type CursorIdKind = 'uuid' | 'integer';

/**
 * Which list and which order a cursor belongs to. A cursor names both, and a list accepts only its own: a cursor of
 * another list, another order or a forged one is BAD_USER_INPUT "invalid cursor", before any SQL runs.
 */
export interface CursorScope {
  /** The list, e.g. `units` (a nested list of the same rows, like Zone.units, may share its root list's name). */
  list: string;
  /** The order, e.g. `CODE_ASC`. */
  order: string;
  value: CursorValueKind;
  id: CursorIdKind;
}

/** A whitelisted sort: `expression` is SQL written by us, never by the client. */
export interface KeysetSort {
  /** SQL expression of the sort key, e.g. `unit.code`. */
  expression: string;
  /** Property of a row holding the sort key's value (for the cursor). */
  key: string;
  direction: SortDirection;
  /**
   * Whether the sort expression can be NULL. When it cannot (a NOT NULL column), the next page is sought with one row
   * comparison `(expression, id) > (value, id)`, which an index on the expression bounds: page 1,000 costs what page 1
   * costs. A nullable key needs an `OR … IS NULL` that no index bounds, so each page filters every row before it.
   */
  nullable: boolean;
  /** SQL of the unique tie-breaker, e.g. `unit.id`, and its row property. */
  idExpression: string;
  idKey: string;
  /** What the cursors of this list and order say about themselves. */
  cursor: CursorScope;
}

type CursorValue = string | number | null;

const DECIMAL = /^-?\d{1,20}(\.\d{1,10})?$/;
const INTEGER = /^\d{1,19}$/;

function valueFits(kind: CursorValueKind, value: unknown): value is CursorValue {
  if (value === null) return true;
  switch (kind) {
    case 'text':
      return typeof value === 'string' && value.length <= 500 && !value.includes('\u0000');
    case 'decimal':
      return (
        (typeof value === 'number' && Number.isFinite(value)) ||
        (typeof value === 'string' && DECIMAL.test(value))
      );
    case 'date':
      return isIsoDate(value);
    case 'integer':
      return (
        (typeof value === 'number' && Number.isSafeInteger(value)) ||
        (typeof value === 'string' && INTEGER.test(value))
      );
  }
}

function idFits(kind: CursorIdKind, id: unknown): id is string {
  return kind === 'uuid' ? isUuid(id) : typeof id === 'string' && INTEGER.test(id);
}

/** The cursor of one row: `[list, order, sort value, id]`, base64url JSON. */
export function encodeCursor(scope: CursorScope, value: CursorValue, id: string): string {
  return Buffer.from(JSON.stringify([scope.list, scope.order, value, id])).toString('base64url');
}

/** The sort value and id of a cursor this list and order issued; BAD_USER_INPUT "invalid cursor" otherwise. */
export function decodeCursor(scope: CursorScope, cursor: string, field = 'after'): [CursorValue, string] {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  if (Array.isArray(decoded) && decoded.length === 4) {
    const [list, order, value, id] = decoded as unknown[];
    if (list === scope.list && order === scope.order && valueFits(scope.value, value) && idFits(scope.id, id))
      return [value, id];
  }
  throw UserInputError.field(
    field,
    `invalid cursor: not one that this list issued for this order (${scope.list}, ${scope.order})`,
  );
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
  if (args.after !== undefined && args.after !== null) {
    const [value, id] = decodeCursor(sort.cursor, args.after);
    const op = sort.direction === SortDirection.ASC ? '>' : '<';
    if (value === null) {
      // NULL sort keys come last in both directions (NULLS LAST); past a NULL only the id orders.
      page.andWhere(`(${sort.expression} IS NULL AND ${sort.idExpression} ${op} :cursorId)`, {
        cursorId: id,
      });
    } else if (!sort.nullable) {
      page.andWhere(`((${sort.expression}), ${sort.idExpression}) ${op} (:cursorValue, :cursorId)`, {
        cursorValue: value,
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

/**
 * An edge whose cursor is encoded only when read (a page of 100 whose cursors nobody selects skips 100 JSON +
 * base64 encodings); the default field resolver reads the getter like a property.
 */
class LazyEdge<N> {
  constructor(
    readonly node: N,
    private readonly scope: CursorScope,
    private readonly value: CursorValue,
    private readonly id: unknown,
  ) {}

  get cursor(): string {
    // Ids travel as strings in cursors (bigint ids arrive as numbers).
    return encodeCursor(this.scope, this.value, String(this.id));
  }
}

/** Builds a connection from up to `first + 1` sorted rows (the extra row only says that more follow). */
export function toConnection<R extends ObjectLiteral, N>(
  rows: R[],
  first: number,
  totalCount: number,
  sort: Pick<KeysetSort, 'key' | 'idKey' | 'cursor'>,
  toNode: (row: R) => N,
): Connection<N> {
  const edges = rows
    .slice(0, first)
    .map((row) => new LazyEdge(toNode(row), sort.cursor, row[sort.key] as CursorValue, row[sort.idKey]));
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
