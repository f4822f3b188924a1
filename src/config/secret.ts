/** Configuration properties whose values are secrets, per config class (filled by `@Secret()`). */
const SECRETS = new WeakMap<object, Set<string>>();

/**
 * Marks a configuration variable as a secret: a rejected value is never echoed (not in the boot error line, not in
 * logs). Put it on every variable that holds a password, a key or a URL that may carry a password.
 */
export function Secret(): PropertyDecorator {
  return (target, property) => {
    const keys = SECRETS.get(target) ?? new Set<string>();
    keys.add(String(property));
    SECRETS.set(target, keys);
  };
}

/** True when `property` of `instance`'s class (or a base class) is marked `@Secret()`. */
export function isSecret(instance: object, property: string): boolean {
  for (
    let proto = Object.getPrototypeOf(instance) as object | null;
    proto;
    proto = Object.getPrototypeOf(proto) as object | null
  ) {
    if (SECRETS.get(proto)?.has(property)) return true;
  }
  return false;
}

/** How a rejected value appears in an error line: quoted, or only its length when it is a secret. */
export function describeRejected(instance: object, property: string, value: unknown): string {
  if (isSecret(instance, property)) {
    const length = typeof value === 'string' ? value.length : 0;
    return `got a value of ${length} characters, not shown because it is a secret`;
  }
  return `got ${JSON.stringify(value)}`;
}
