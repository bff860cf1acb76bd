// The embedded database's folder: a lock so only one process opens it, and detection of a half-made folder.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The data folder ${dir} is in use by another KASPR process (pid ${pid}). ` +
        'Stop that process first: two processes must never open the same embedded database.',
    );
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the folder's pid lock or throws; a lock left by a dead process is taken over. Returns the release. */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const lockPath = join(dir, 'kaspr.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(lockPath, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processAlive(pid)) {
        throw new DataDirLockedError(dir, pid);
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock the data folder ${dir}`);
}

/** The PostgreSQL cluster inside the data folder. */
export function pgDataPath(dir: string): string {
  return join(dir, 'pg');
}

/** True when a database folder exists but initdb never finished (a run killed while creating it). */
export function isHalfInitialised(dir: string): boolean {
  const pgDir = pgDataPath(dir);
  if (!existsSync(pgDir)) return false;
  return !existsSync(join(pgDir, 'PG_VERSION')) || !existsSync(join(pgDir, 'global', 'pg_control'));
}
