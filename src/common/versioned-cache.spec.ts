import { VersionedCache } from './versioned-cache';

describe('VersionedCache', () => {
  it('computes once per key and version, again when the version changes', async () => {
    const cache = new VersionedCache<number>();
    let calls = 0;
    const compute = jest.fn((): Promise<number> => Promise.resolve(++calls));
    expect(await cache.get('a', 1, compute)).toBe(1);
    expect(await cache.get('a', 1, compute)).toBe(1);
    expect(await cache.get('a', 2, compute)).toBe(2);
    expect(await cache.get('b', 2, compute)).toBe(3);
    expect(compute).toHaveBeenCalledTimes(3);
  });

  it('forgets a failed computation and drops the oldest entries beyond its bound', async () => {
    const cache = new VersionedCache<string>(2);
    await expect(cache.get('x', 1, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.get('x', 1, () => Promise.resolve('ok'))).toBe('ok');
    await cache.get('y', 1, () => Promise.resolve('y'));
    await cache.get('z', 1, () => Promise.resolve('z'));
    expect(cache.size).toBe(2);
    expect(await cache.get('x', 1, () => Promise.resolve('again'))).toBe('again');
  });
});
