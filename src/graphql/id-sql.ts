/**
 * SQL of the value of an `id` field of GraphQL type `type` whose row id is the SQL expression `column`, for objects
 * that PostgreSQL builds as JSON (json-projection.ts). The one place that says how ids look there: the same global id
 * as global-id.ts's toGlobalId (base64 of `Type:key`; PostgreSQL's base64 breaks lines every 76 characters, which
 * the type names and uuid keys here never reach, and the newlines are stripped in case one does).
 */
export function idJsonSql(type: string, column: string): string {
  if (!/^[A-Z][A-Za-z0-9]*$/.test(type)) throw new Error(`Not a GraphQL type name: ${type}`);
  return `translate(encode(convert_to('${type}:' || ${column}::text, 'UTF8'), 'base64'), E'\\n', '')`;
}
