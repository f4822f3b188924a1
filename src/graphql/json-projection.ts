import { FieldNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';

/**
 * Key present (true) on every object built by jsonProjectionSql: fields with a resolver answer from the object's own
 * property instead (resolved-ahead.ts). A name that no GraphQL field can have (`__` is reserved), so it never reaches
 * a response.
 */
export const FROM_SQL = '__sql';

/** Collects the values bound by a projection; `bind` answers the placeholder to write in the SQL. */
export class SqlParams {
  readonly values: Record<string, unknown> = {};
  private n = 0;

  constructor(private readonly prefix = 'json') {}

  /** A TypeORM named parameter (`:json_1`) holding `value`. */
  bind(value: unknown): string {
    const name = `${this.prefix}_${++this.n}`;
    this.values[name] = value;
    return `:${name}`;
  }
}

/**
 * How one GraphQL object type is read straight into JSON by PostgreSQL. Only fields listed here can be projected;
 * a selection with any other field (or with arguments or directives) is not projected and goes the usual way
 * (resolvers and loaders), so listing a field is a promise that its SQL gives exactly what its resolver would.
 */
export interface JsonType {
  /** The GraphQL type name (fragments must name it). */
  name: string;
  /** Scalar and enum fields: SQL of the value for the row aliased `row`. */
  columns: Record<string, (row: string, params: SqlParams) => string>;
  /** Object and list fields: SQL of the value, given the SQL of one related object over an alias of its own. */
  relations?: Record<string, JsonRelation>;
}

export interface JsonRelation {
  type: () => JsonType;
  /**
   * SQL of the value for the row aliased `row`, reading the related table under `alias` (fresh, so nested
   * subqueries never shadow an outer row) and writing `object` (the JSON of one related row), e.g.
   * `(SELECT coalesce(json_agg(${object} ORDER BY ${alias}.starts_on), '[]') FROM tenancy ${alias} WHERE …)`.
   */
  sql: (row: string, alias: string, object: string, params: SqlParams) => string;
}

/** A selection that can be projected: field name → its sub-selection (null for a scalar). */
export interface JsonSelection {
  type: JsonType;
  fields: Map<string, JsonSelection | null>;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Field nodes of a selection set by field name (fragments expanded), or null when something cannot be projected. */
function fieldsByName(
  sets: readonly (SelectionSetNode | undefined)[],
  typeName: string,
  info: GraphQLResolveInfo,
): Map<string, FieldNode[]> | null {
  const out = new Map<string, FieldNode[]>();
  const visit = (set: SelectionSetNode | undefined): boolean => {
    for (const s of set?.selections ?? []) {
      if (s.directives?.length) return false;
      if (s.kind === Kind.FIELD) {
        if (s.arguments?.length) return false;
        const list = out.get(s.name.value) ?? [];
        list.push(s);
        out.set(s.name.value, list);
      } else {
        const fragment = s.kind === Kind.INLINE_FRAGMENT ? s : info.fragments[s.name.value];
        if (!fragment || fragment.directives?.length) return false;
        if (fragment.typeCondition && fragment.typeCondition.name.value !== typeName) return false;
        if (!visit(fragment.selectionSet)) return false;
      }
    }
    return true;
  };
  for (const set of sets) if (!visit(set)) return null;
  return out;
}

function compile(
  sets: readonly (SelectionSetNode | undefined)[],
  type: JsonType,
  info: GraphQLResolveInfo,
): JsonSelection | null {
  const byName = fieldsByName(sets, type.name, info);
  if (!byName) return null;
  const fields = new Map<string, JsonSelection | null>();
  for (const [name, nodes] of byName) {
    if (name === '__typename') continue; // answered by GraphQL itself
    if (Object.hasOwn(type.columns, name)) {
      fields.set(name, null);
    } else if (type.relations && Object.hasOwn(type.relations, name)) {
      const child = compile(
        nodes.map((n) => n.selectionSet),
        type.relations[name].type(),
        info,
      );
      if (!child) return null;
      fields.set(name, child);
    } else return null;
  }
  return { type, fields };
}

/**
 * The selection below the field being resolved at `path` (e.g. ['edges', 'node'] in a connection resolver) as a
 * JsonSelection of `type`, or null when any field in it cannot be projected (then the caller takes its usual path).
 * Aliases are fine (GraphQL reads each field by its name from the object); the same field selected twice merges.
 */
export function jsonSelection(
  info: GraphQLResolveInfo,
  path: string[],
  type: JsonType,
): JsonSelection | null {
  let level: readonly (SelectionSetNode | undefined)[] = info.fieldNodes.map((f) => f.selectionSet);
  for (const step of path) {
    const byName = fieldsByName(level, '', info);
    // Levels above the projected object (edges, node) are plain; fragments there are not worth handling.
    if (!byName) return null;
    const nodes = byName.get(step);
    if (!nodes) return null;
    level = nodes.map((n) => n.selectionSet);
  }
  return compile(level, type, info);
}

/**
 * SQL of one JSON object per row `row` holding exactly the selected fields (nested objects and lists as subqueries),
 * marked FROM_SQL. PostgreSQL builds the page; Node parses one JSON value per row and builds no model objects.
 */
export function jsonProjectionSql(selection: JsonSelection, row: string, params: SqlParams): string {
  const parts: string[] = [`'${FROM_SQL}', true`];
  for (const [name, child] of selection.fields) {
    if (!NAME.test(name)) throw new Error(`not a field name: ${name}`);
    if (child === null) {
      parts.push(`'${name}', ${selection.type.columns[name](row, params)}`);
    } else {
      const alias = `${row}_${name.toLowerCase()}`;
      const object = jsonProjectionSql(child, alias, params);
      parts.push(`'${name}', ${selection.type.relations![name].sql(row, alias, object, params)}`);
    }
  }
  // json_build_object takes at most 100 arguments.
  if (parts.length > 50) throw new Error(`too many fields for one JSON object: ${parts.length}`);
  return `json_build_object(${parts.join(', ')})`;
}
