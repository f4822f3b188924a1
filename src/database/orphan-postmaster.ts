import { readFile, readlink, realpath } from 'node:fs/promises';
import { basename, join } from 'node:path';

/**
 * After `kill -9` of the node process, the embedded postmaster keeps running (parent PID 1) and holds the port and
 * the data directory, so the next start fails. These find that postmaster, and only that one: postmaster.pid names a
 * live PID whose executable is `postgres` and whose working directory (the postmaster chdirs into its data
 * directory) is our cluster directory. A server of any other data directory is never touched.
 */

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, so it cannot be ours to stop either.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** PID of a running postmaster serving `clusterDir`, or undefined (none, stale pid file, another server). */
export async function postmasterOf(clusterDir: string): Promise<number | undefined> {
  const pidFile = await readFile(join(clusterDir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  if (!pidFile) return undefined;
  const pid = Number(pidFile.split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 1 || pid === process.pid || !alive(pid)) return undefined;
  try {
    const [exe, cwd, ours] = await Promise.all([
      readlink(`/proc/${pid}/exe`),
      realpath(`/proc/${pid}/cwd`),
      realpath(clusterDir),
    ]);
    const program = basename(exe).replace(/ \(deleted\)$/, '');
    return (program === 'postgres' || program === 'postmaster') && cwd === ours ? pid : undefined;
  } catch {
    // No /proc (not Linux) or not allowed to look: then it is not provably ours.
    return undefined;
  }
}

/**
 * Stops a postmaster left running for `clusterDir` by an earlier process: SIGINT (fast shutdown: open sessions are
 * ended, committed data is kept), then waits for it to exit. Returns its PID, or undefined when there was none.
 */
export async function stopOrphanPostmaster(
  clusterDir: string,
  log: (message: string) => void,
  timeoutMs = 30_000,
): Promise<number | undefined> {
  const pid = await postmasterOf(clusterDir);
  if (pid === undefined) return undefined;
  log(`PostgreSQL (pid ${pid}) is still running for this DATA_DIR, left by an earlier process: stopping it`);
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + timeoutMs;
  while (alive(pid)) {
    if (Date.now() > deadline) {
      throw new Error(
        `PostgreSQL (pid ${pid}) left running for ${clusterDir} did not stop within ${timeoutMs / 1000} s; stop it and start again`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return pid;
}
