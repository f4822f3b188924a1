import { Role } from '../src/modules/access/access.enums';
import { verifyPassword } from '../src/modules/access/passwords';
import { freshIp, login, LoginResponse } from './support/access';
import { createUserWithToken, TEST_PASSWORD } from './support/auth';
import { startTestApp, TestApp } from './support/test-app';

// Hundreds of requests at once on a shared 2-core machine.
jest.setTimeout(180_000);

// Counts the passwords the app actually checks (scrypt runs), whatever the answer says.
jest.mock('../src/modules/access/passwords', () => {
  const actual = jest.requireActual<typeof import('../src/modules/access/passwords')>(
    '../src/modules/access/passwords',
  );
  return { ...actual, verifyPassword: jest.fn(actual.verifyPassword) };
});
const checks = verifyPassword as jest.MockedFunction<typeof verifyPassword>;

const tooMany = (res: LoginResponse) =>
  res.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED' && /Too many/.test(res.errors[0].message);
const wrong = (res: LoginResponse) => res.errors?.[0]?.message === 'Invalid username or password';

describe('sign-in limits under concurrency (LOGIN_MAX_FAILURES = 10, LOGIN_MAX_FAILURES_PER_IP = 20)', () => {
  let t: TestApp;
  let counter = 0;
  const newUser = () => {
    counter += 1;
    return createUserWithToken(t.app, t.dataSource, { roles: [Role.LEASING], username: `burst-${counter}` });
  };

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES: '10', LOGIN_MAX_FAILURES_PER_IP: '20' });
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => checks.mockClear());

  it('checks at most 10 wrong passwords of 59 sent at once with the right one, from 60 addresses', async () => {
    const user = await newUser();
    const passwords = Array.from({ length: 60 }, (_, i) =>
      i === 30 ? TEST_PASSWORD : `wrong-password-${i}`,
    );
    const results = await Promise.all(passwords.map((p) => login(t, user.username, p)));
    const signedIn = results.filter((r) => r.data?.login);
    const refused = results.filter(tooMany);
    const failed = results.filter(wrong);
    expect(signedIn.length + refused.length + failed.length).toBe(60);
    expect(failed.length).toBeLessThanOrEqual(10);
    // Wrong passwords checked ≤ 10; the right one is checked too when it got a place in the queue.
    expect(checks.mock.calls.length).toBe(failed.length + signedIn.length);
    expect(checks.mock.calls.length).toBeLessThanOrEqual(11);
  });

  it('checks at most 10 of 80 wrong passwords sent at once for one user', async () => {
    const user = await newUser();
    const results = await Promise.all(
      Array.from({ length: 80 }, (_, i) => login(t, user.username, `wrong-password-${i}`)),
    );
    expect(results.filter(wrong)).toHaveLength(10);
    expect(results.filter(tooMany)).toHaveLength(70);
    expect(checks.mock.calls.length).toBe(10);
    // Afterwards even the right password is refused, without being checked.
    expect(tooMany(await login(t, user.username, TEST_PASSWORD))).toBe(true);
    expect(checks.mock.calls.length).toBe(10);
  });

  it('checks at most 20 of 80 wrong passwords sent at once from one address for many users', async () => {
    const users = await Promise.all(Array.from({ length: 8 }, () => newUser()));
    const ip = freshIp();
    const results = await Promise.all(
      Array.from({ length: 80 }, (_, i) => login(t, users[i % 8]!.username, `wrong-password-${i}`, ip)),
    );
    expect(results.filter(wrong)).toHaveLength(20);
    expect(checks.mock.calls.length).toBe(20);
    // The accounts themselves are not locked: from another address they sign in.
    expect((await login(t, users[0]!.username, TEST_PASSWORD)).data?.login.user.username).toBe(
      users[0]!.username,
    );
  });

  it("keeps one user's failures from locking other users out of the same address", async () => {
    const ip = freshIp();
    const careless = await newUser();
    for (let i = 0; i < 10; i++)
      expect(wrong(await login(t, careless.username, `wrong-${i}`, ip))).toBe(true);
    expect(tooMany(await login(t, careless.username, TEST_PASSWORD, ip))).toBe(true);
    const colleague = await newUser();
    expect((await login(t, colleague.username, TEST_PASSWORD, ip)).data?.login.user.username).toBe(
      colleague.username,
    );
  });

  it('does not count successful sign-ins', async () => {
    const user = await newUser();
    const ip = freshIp();
    for (let i = 0; i < 25; i++) {
      expect((await login(t, user.username, TEST_PASSWORD, ip)).data?.login.user.username).toBe(
        user.username,
      );
    }
  });
});

describe('client address (TRUST_PROXY)', () => {
  const attempt = (t: TestApp, username: string, forwardedFor: string) =>
    t.app.inject({
      method: 'POST',
      url: '/graphql',
      remoteAddress: '10.200.0.1',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      payload: JSON.stringify({
        query: 'mutation($u: String!) { login(username: $u, password: "wrong-password") { accessToken } }',
        variables: { u: username },
      }),
    });
  const recordedAddress = async (t: TestApp, username: string) => {
    const rows = await t.sql<{ ip: string }[]>('SELECT ip FROM login_failure WHERE username = $1', [
      username,
    ]);
    return rows.map((r) => r.ip);
  };

  it('ignores X-Forwarded-For by default: the socket address counts', async () => {
    const t = await startTestApp();
    try {
      await attempt(t, 'proxy-off', '203.0.113.7');
      expect(await recordedAddress(t, 'proxy-off')).toEqual(['10.200.0.1']);
    } finally {
      await t.close();
    }
  });

  it('takes the client address from X-Forwarded-For with TRUST_PROXY=true', async () => {
    const t = await startTestApp({ TRUST_PROXY: 'true' });
    try {
      await attempt(t, 'proxy-on', '203.0.113.7');
      expect(await recordedAddress(t, 'proxy-on')).toEqual(['203.0.113.7']);
      // A forged, over-long address is cut to the column's size, never a 500.
      const res = await attempt(t, 'proxy-long', 'x'.repeat(300));
      expect(res.json<{ errors: { extensions: { code: string } }[] }>().errors[0]!.extensions.code).toBe(
        'UNAUTHENTICATED',
      );
    } finally {
      await t.close();
    }
  });
});
