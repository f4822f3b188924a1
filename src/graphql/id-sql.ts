/**
 * SQL of the value of an `id` field of GraphQL type `type` whose row id is the SQL expression `column`, for objects
 * that PostgreSQL builds as JSON (json-projection.ts). The one place that says how ids look there: when ids change
 * form (e.g. Relay global ids), this changes with the ids' encoder so that both paths answer alike.
 */
export function idJsonSql(type: string, column: string): string {
  void type;
  return `${column}`;
}
