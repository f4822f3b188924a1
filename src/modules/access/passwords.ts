import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

/**
 * scrypt derivations running at once, at most. Each holds 128·N·r bytes (16 MB) on a thread of libuv's pool (4
 * threads unless UV_THREADPOOL_SIZE says otherwise) while it runs: a burst of logins would otherwise take the whole
 * pool from file and DNS work and add 64 MB to the process (the bench's S6 took peak RSS from 230 to 270 MB). Further
 * derivations wait their turn in arrival order. One at a time keeps a login burst's memory to 16 MB: in the bench's
 * full runs (S6, 10 connections logging in after S1–S5), peak RSS was 242 MB with one and 254 MB with two, over the
 * 250 MB target. The price is throughput when a derivation is slow: 16–33 logins/s with one (33–65 ms of CPU each,
 * slower in later rounds), 27–34 with two. Logins are rare next to reads, and they are rate-limited anyway.
 */
export const MAX_CONCURRENT_DERIVATIONS = 1;

let running = 0;
const waiting: (() => void)[] = [];

function acquire(): Promise<void> {
  if (running < MAX_CONCURRENT_DERIVATIONS) {
    running++;
    return Promise.resolve();
  }
  return new Promise((resolve) => waiting.push(resolve));
}

/** Hands the slot to the next waiting derivation, if any (so a newcomer cannot take it in between). */
function release(): void {
  const next = waiting.shift();
  if (next) next();
  else running--;
}

async function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  await acquire();
  try {
    return await new Promise<Buffer>((resolve, reject) =>
      scrypt(password, salt, KEY_LENGTH, { N: n, r, p, maxmem: 64 * 1024 * 1024 }, (err, key) =>
        err ? reject(err) : resolve(key),
      ),
    );
  } finally {
    release();
  }
}

/** scrypt (memory-hard, Node built-in) with a random salt: `scrypt$N$r$p$salt$hash`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Constant-time check; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Verified against for unknown usernames, so that they take as long as a wrong password. */
export const DUMMY_HASH =
  'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
