import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** File under DATA_DIR holding the development JWT secret. */
export const DEV_SECRET_FILE = 'jwt-secret';

/**
 * Development only (production requires JWT_SECRET): the secret generated on the first start and kept in
 * `DATA_DIR/jwt-secret` (mode 0600), so that a restart does not sign everyone out. A file that is too short to be a
 * secret, or readable by others, is replaced or tightened rather than trusted as is.
 */
export async function developmentJwtSecret(
  dataDir: string,
): Promise<{ secret: string; file: string; created: boolean }> {
  const file = resolve(join(dataDir, DEV_SECRET_FILE));
  const existing = await readFile(file, 'utf8').then(
    (text) => text.trim(),
    () => '',
  );
  if (existing.length >= 32) {
    if (((await stat(file)).mode & 0o077) !== 0) await chmod(file, 0o600);
    return { secret: existing, file, created: false };
  }
  await mkdir(resolve(dataDir), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  await writeFile(file, secret + '\n', { mode: 0o600 });
  // writeFile's mode applies only when it creates the file.
  await chmod(file, 0o600);
  return { secret, file, created: true };
}
