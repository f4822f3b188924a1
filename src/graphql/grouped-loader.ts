import DataLoader from 'dataloader';

/**
 * A DataLoader whose keys carry a group (e.g. an `asOf` date or a serialised args object) besides the id: one batch
 * call per distinct group, so a list asked about one date still costs one statement however long it is.
 */
export function groupedLoader<V>(
  batch: (ids: readonly string[], group: string) => Promise<V[]>,
): DataLoader<{ group: string; id: string }, V, string> {
  return new DataLoader<{ group: string; id: string }, V, string>(
    async (keys) => {
      const groups = new Map<string, string[]>();
      for (const key of keys) {
        const ids = groups.get(key.group) ?? [];
        ids.push(key.id);
        groups.set(key.group, ids);
      }
      const results = new Map<string, V>();
      await Promise.all(
        [...groups].map(async ([group, ids]) => {
          const values = await batch(ids, group);
          ids.forEach((id, i) => results.set(`${group}\u0000${id}`, values[i]));
        }),
      );
      return keys.map((k) => results.get(`${k.group}\u0000${k.id}`)!);
    },
    { cacheKeyFn: (k) => `${k.group}\u0000${k.id}` },
  );
}
