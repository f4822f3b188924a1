import { createHash } from 'node:crypto';
import { Client } from 'pg';

/** Named statements per connection at most; further texts run unnamed, as every statement did before. */
export const MAX_PREPARED_PER_CONNECTION = 200;

const READ = /^\s*(SELECT|WITH)\b/i;

/**
 * The pool's connection class (pg Pool option `Client`): a parameterized read statement runs as a named prepared
 * statement, so PostgreSQL parses and plans its text once per connection (and may settle on a generic plan) instead
 * of on every request; PostGraphile does the same. Writes, DDL and statements without parameters are unchanged.
 * Bounded per connection (MAX_PREPARED_PER_CONNECTION), so server memory cannot grow with the number of texts.
 */
export class PreparingClient extends Client {
  private readonly names = new Map<string, string>();

  // pg's query has many overloads; only (text, values) from TypeORM is rewritten.
  override query(config: unknown, values?: unknown, callback?: unknown): never {
    const query = (...args: unknown[]) => (super.query as (...a: unknown[]) => never).apply(this, args);
    if (typeof config === 'string' && Array.isArray(values) && values.length > 0 && READ.test(config)) {
      let name = this.names.get(config);
      if (name === undefined && this.names.size < MAX_PREPARED_PER_CONNECTION) {
        name = `q_${createHash('sha1').update(config).digest('base64url')}`;
        this.names.set(config, name);
      }
      if (name !== undefined) {
        const named = { name, text: config, values };
        return typeof callback === 'function' ? query(named, callback) : query(named);
      }
    }
    return query(config, values, callback);
  }
}
