import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Metadatas = ReturnType<Storage['getTargetValidationMetadatas']>;

const cached = new WeakSet<Storage>();

/**
 * Memoizes class-validator's rule lookup for a class (`getTargetValidationMetadatas`). Unmemoized, every validation
 * of every argument object scans the rules of every class in the app for inherited ones (an `instanceof` per class,
 * twice per argument: Nest's ValidationPipe looks them up too), which was ~4% of the CPU of a list query (S1).
 * Rules are declared by decorators when classes load; a rule added later empties the memo, so a lookup never
 * misses one. The arrays answered are shared: the callers (class-validator, Nest's pipe) only read them.
 */
export function cacheValidationMetadata(storage: Storage = getMetadataStorage()): void {
  if (cached.has(storage)) return;
  cached.add(storage);
  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  const addRule = storage.addValidationMetadata.bind(storage);
  let memo = new Map<unknown, Map<string, Metadatas>>();
  storage.addValidationMetadata = (metadata) => {
    memo = new Map();
    addRule(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema ?? ''}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}`;
    let byOptions = memo.get(target);
    if (!byOptions) memo.set(target, (byOptions = new Map<string, Metadatas>()));
    let metadatas = byOptions.get(key);
    if (!metadatas) byOptions.set(key, (metadatas = lookup(target, schema, always, strictGroups, groups)));
    return metadatas;
  };
}
