/**
 * Reads that several fields of one query operation repeat (the park and figures version behind every figure field,
 * …), done once per request: the first caller's promise is shared by the others, so fields resolved side by side
 * run one statement, not one each. Only query operations get a memo (see current-actor.decorator.ts): a mutation's
 * later fields must see what its earlier fields wrote. Nothing outlives the request.
 */
export class RequestMemo {
  private readonly entries = new Map<string, Promise<unknown>>();

  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) return hit as Promise<T>;
    const computed = compute();
    this.entries.set(key, computed);
    return computed;
  }
}

/** `compute()` once per request and key when the caller has a memo, every time otherwise. */
export function memoized<T>(
  memo: RequestMemo | undefined,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  return memo ? memo.get(key, compute) : compute();
}
