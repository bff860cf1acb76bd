// The embedded database's folder: a lock so only one process opens it, and detection of a half-made folder.
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The data folder ${dir} is in use by another KASPR process (pid ${pid}). ` +
        'Stop that process first: two processes must never open the same embedded database. ' +
        `If no KASPR process is using this folder (for example after a crash), delete ${join(dir, LOCK_FILE)} ` +
        'and start again.',
    );
  }
}

const LOCK_FILE = 'kaspr.lock';

/** What identifies a process beyond its pid, which a restarted container soon hands to another process. */
export interface ProcessIdentity {
  pid: number;
  /** /proc/<pid>/stat field 22: start time in clock ticks since boot. */
  startTime: string | null;
  /** /proc/sys/kernel/random/boot_id: changes at every boot. */
  bootId: string | null;
  /** The pid namespace (/proc/self/ns/pid): a pid means nothing outside its namespace. */
  pidNamespace: string | null;
}

function readOrNull(read: () => string): string | null {
  try {
    return read().trim() || null;
  } catch {
    return null;
  }
}

/** Field 22 of /proc/<pid>/stat (fields counted after the parenthesised command name, which may hold spaces). */
export function processStartTime(pid: number): string | null {
  const stat = readOrNull(() => readFileSync(`/proc/${pid}/stat`, 'utf8'));
  if (stat === null) return null;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[22 - 3] ?? null;
}

/** This process's identity, as recorded in the lock. */
export function ownIdentity(): ProcessIdentity {
  return {
    pid: process.pid,
    startTime: processStartTime(process.pid),
    bootId: readOrNull(() => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8')),
    pidNamespace: readOrNull(() => readlinkSync('/proc/self/ns/pid')),
  };
}

/** Reads a lock: the identity written by this version, or a bare pid written by an older one. */
function readLock(text: string): ProcessIdentity | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed))
    return { pid: Number(trimmed), startTime: null, bootId: null, pidNamespace: null };
  try {
    const v = JSON.parse(trimmed) as Partial<ProcessIdentity>;
    if (typeof v.pid !== 'number' || !Number.isInteger(v.pid) || v.pid <= 0) return null;
    const str = (x: unknown) => (typeof x === 'string' ? x : null);
    return {
      pid: v.pid,
      startTime: str(v.startTime),
      bootId: str(v.bootId),
      pidNamespace: str(v.pidNamespace),
    };
  } catch {
    return null;
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

/**
 * True when the process that wrote the lock is still running. A recorded boot id, pid namespace or start time
 * that differs from what the system shows now means the pid was handed to another process since (a reboot, a
 * restarted container): the lock is stale. Where /proc tells nothing, a live pid is taken as the holder.
 */
export function lockHolderRunning(lock: ProcessIdentity, now: ProcessIdentity = ownIdentity()): boolean {
  if (lock.bootId !== null && now.bootId !== null && lock.bootId !== now.bootId) return false;
  if (lock.pidNamespace !== null && now.pidNamespace !== null && lock.pidNamespace !== now.pidNamespace) {
    return false;
  }
  if (lock.pid === now.pid || !processAlive(lock.pid)) return false;
  if (lock.startTime !== null) {
    const current = processStartTime(lock.pid);
    if (current !== null && current !== lock.startTime) return false;
  }
  return true;
}

/** Takes the folder's lock or throws; a lock left by a process that is no longer running is taken over. */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const lockPath = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, JSON.stringify(ownIdentity()));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(lockPath, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const lock = readLock(readOrNull(() => readFileSync(lockPath, 'utf8')) ?? '');
      if (lock !== null && lockHolderRunning(lock)) throw new DataDirLockedError(dir, lock.pid);
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
