import { DUMMY_HASH, hashPassword, MAX_CONCURRENT_DERIVATIONS, verifyPassword } from './passwords';

// The module object itself (an `import * as` copy would not see the spy).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const crypto = require('node:crypto') as typeof import('node:crypto');

describe('passwords (scrypt)', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('shifosi-demo');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(await verifyPassword('shifosi-demo', hash)).toBe(true);
    expect(await verifyPassword('shifosi-dem0', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('never matches the dummy hash or a malformed one', async () => {
    expect(await verifyPassword('', DUMMY_HASH)).toBe(false);
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$1$2$3$a$b')).toBe(false);
  });

  it('runs at most MAX_CONCURRENT_DERIVATIONS derivations at once, and every caller gets its answer', async () => {
    const hash = await hashPassword('right');
    const original = crypto.scrypt;
    let now = 0;
    let most = 0;
    const spy = jest.spyOn(crypto, 'scrypt').mockImplementation(((...args: unknown[]) => {
      now++;
      most = Math.max(most, now);
      const done = args.pop() as (err: Error | null, key: Buffer) => void;
      (original as (...a: unknown[]) => void)(...args, (err: Error | null, key: Buffer) => {
        now--;
        done(err, key);
      });
    }) as typeof crypto.scrypt);
    try {
      const answers = await Promise.all(
        Array.from({ length: 7 }, (_, i) => verifyPassword(i % 2 ? 'right' : 'wrong', hash)),
      );
      expect(answers).toEqual([false, true, false, true, false, true, false]);
      expect(spy).toHaveBeenCalledTimes(7);
      expect(most).toBe(MAX_CONCURRENT_DERIVATIONS);
    } finally {
      spy.mockRestore();
    }
  });
});
