/**
 * Results computed from data whose version the database keeps (e.g. figures_version per park), cached in this process
 * under that version: a request reads the current version (one small statement, or a column of one it runs anyway)
 * and gets the cached result of that version or computes it. Writes raise the version in the database, so every API
 * process sees the change on its next read; nothing here expires by time. A result computed after a version was read
 * can only be newer than that version's data, never older.
 *
 * Bounded: the oldest entries go first once `maxEntries` is reached (entries of old versions are never read again).
 * Cached values are shared between requests: callers must not change them.
 */
export class VersionedCache<V> {
  private readonly entries = new Map<string, Promise<V>>();

  constructor(private readonly maxEntries = 1000) {}

  get(key: string, version: string | number, compute: () => Promise<V>): Promise<V> {
    const full = `${version}\u0000${key}`;
    const hit = this.entries.get(full);
    if (hit) return hit;
    // The promise is cached, so concurrent misses of one key compute once; a failure is not kept.
    const computed = compute();
    this.entries.set(full, computed);
    computed.catch(() => this.entries.delete(full));
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return computed;
  }

  get size(): number {
    return this.entries.size;
  }
}
