import { ActorKind } from './access.enums';
import type { Authentication } from './authenticator';
import { PRINCIPAL_TTL_MS, PrincipalCache } from './principal-cache';

const ok: Authentication = {
  principal: { kind: ActorKind.USER, id: 'u1', name: 'u1', roles: [], parkIds: null },
};
const jwt = (exp: number) =>
  `Bearer x.${Buffer.from(JSON.stringify({ sub: 'u1', exp })).toString('base64url')}.sig`;

describe('PrincipalCache', () => {
  let now = 1_800_000_000_000;
  beforeEach(() => {
    jest.spyOn(Date, 'now').mockImplementation(() => now);
  });
  afterEach(() => jest.restoreAllMocks());

  it('verifies once, then answers from memory until the TTL ends', async () => {
    const cache = new PrincipalCache();
    const verify = jest.fn(() => Promise.resolve(ok));
    const header = jwt(now / 1000 + 3600);
    await expect(cache.resolve(header, verify)).resolves.toBe(ok);
    await expect(cache.resolve(header, verify)).resolves.toBe(ok);
    expect(verify).toHaveBeenCalledTimes(1);
    now += PRINCIPAL_TTL_MS + 1;
    await cache.resolve(header, verify);
    expect(verify).toHaveBeenCalledTimes(2);
  });

  it('never keeps an entry past the token expiry', async () => {
    const cache = new PrincipalCache();
    const verify = jest.fn(() => Promise.resolve(ok));
    const header = jwt(now / 1000 + 2);
    await cache.resolve(header, verify);
    now += 2_001;
    await cache.resolve(header, verify);
    expect(verify).toHaveBeenCalledTimes(2);
  });

  it('does not keep refusals, nor requests without a header', async () => {
    const cache = new PrincipalCache();
    const refused = jest.fn(() => Promise.resolve({ principal: null, problem: 'Access token revoked' }));
    await cache.resolve('Bearer a.b.c', refused);
    await cache.resolve('Bearer a.b.c', refused);
    await cache.resolve(undefined, refused);
    await cache.resolve(undefined, refused);
    expect(refused).toHaveBeenCalledTimes(4);
  });

  it('clear() forgets everything, and a lookup that started before it does not store its answer', async () => {
    const cache = new PrincipalCache();
    const header = jwt(now / 1000 + 3600);
    let release: (a: Authentication) => void = () => undefined;
    const slow = jest.fn(() => new Promise<Authentication>((r) => (release = r)));
    const pending = cache.resolve(header, slow);
    cache.clear(); // e.g. the user was disabled while their row was being read
    release(ok);
    await pending;
    const verify = jest.fn(() => Promise.resolve(ok));
    await cache.resolve(header, verify);
    expect(verify).toHaveBeenCalledTimes(1);
    await cache.resolve(header, verify);
    expect(verify).toHaveBeenCalledTimes(1);
    cache.clear();
    await cache.resolve(header, verify);
    expect(verify).toHaveBeenCalledTimes(2);
  });
});
