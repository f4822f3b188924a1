import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** File under DATA_DIR holding the development JWT secret. */
export const DEV_SECRET_FILE = 'jwt-secret';
/** File under DATA_DIR holding the development personal-data key (PII_KEY). */
export const DEV_PII_KEY_FILE = 'pii-key';

/**
 * A secret generated on the first start and kept in `DATA_DIR/<name>` (mode 0600). A file whose content `fits`
 * refuses (too short to be a secret, wrong shape) is replaced; one readable by others is tightened rather than
 * trusted as is.
 */
async function keptSecret(
  dataDir: string,
  name: string,
  make: () => string,
  fits: (text: string) => boolean,
): Promise<{ secret: string; file: string; created: boolean }> {
  const file = resolve(join(dataDir, name));
  const existing = await readFile(file, 'utf8').then(
    (text) => text.trim(),
    () => '',
  );
  if (fits(existing)) {
    if (((await stat(file)).mode & 0o077) !== 0) await chmod(file, 0o600);
    return { secret: existing, file, created: false };
  }
  await mkdir(resolve(dataDir), { recursive: true });
  const secret = make();
  await writeFile(file, secret + '\n', { mode: 0o600 });
  // writeFile's mode applies only when it creates the file.
  await chmod(file, 0o600);
  return { secret, file, created: true };
}

/**
 * Development only (production requires JWT_SECRET): the secret generated on the first start and kept in
 * `DATA_DIR/jwt-secret`, so that a restart does not sign everyone out.
 */
export function developmentJwtSecret(
  dataDir: string,
): Promise<{ secret: string; file: string; created: boolean }> {
  return keptSecret(
    dataDir,
    DEV_SECRET_FILE,
    () => randomBytes(48).toString('base64url'),
    (text) => text.length >= 32,
  );
}

/**
 * Development only (production requires PII_KEY): the personal-data key generated on the first start and kept in
 * `DATA_DIR/pii-key` next to the embedded database it protects, so that stored ID numbers stay readable after a
 * restart. 32 random bytes as 64 hex digits.
 */
export function developmentPiiKey(
  dataDir: string,
): Promise<{ secret: string; file: string; created: boolean }> {
  return keptSecret(
    dataDir,
    DEV_PII_KEY_FILE,
    () => randomBytes(32).toString('hex'),
    (text) => /^[0-9a-f]{64}$/i.test(text),
  );
}
