// The data folder's lock: a lock whose pid now belongs to another process is stale; a live holder refuses.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockDataDir, ownIdentity, processStartTime, type ProcessIdentity } from './data-dir.ts';

const onLinux = existsSync('/proc/self/stat');
let sleeper: ChildProcess;
let sleeperIdentity: ProcessIdentity;

beforeAll(async () => {
  // A live process that is not KASPR, to hold a pid a stale lock could name.
  sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 50));
  sleeperIdentity = { ...ownIdentity(), pid: sleeper.pid!, startTime: processStartTime(sleeper.pid!) };
});
afterAll(() => {
  sleeper.kill('SIGKILL');
});

function folderWithLock(lock: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'kaspr-lock-'));
  writeFileSync(join(dir, 'kaspr.lock'), typeof lock === 'string' ? lock : JSON.stringify(lock));
  return dir;
}

describe.skipIf(!onLinux)('the data folder lock', () => {
  it('records pid, process start time, boot id and pid namespace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kaspr-lock-'));
    const release = lockDataDir(dir);
    const lock = JSON.parse(readFileSync(join(dir, 'kaspr.lock'), 'utf8')) as ProcessIdentity;
    expect(lock).toEqual(ownIdentity());
    expect(lock.startTime).toMatch(/^\d+$/);
    expect(lock.bootId).toMatch(/^[0-9a-f-]{36}$/);
    release();
    expect(existsSync(join(dir, 'kaspr.lock'))).toBe(false);
  });

  it('refuses while the recorded process is running (same pid, start time, boot, namespace), saying how to clear a stale lock', () => {
    const dir = folderWithLock(sleeperIdentity);
    expect(() => lockDataDir(dir)).toThrow(/in use by another KASPR process \(pid \d+\)/);
    expect(() => lockDataDir(dir)).toThrow(/delete .*kaspr\.lock and start again/);
  });

  it('takes over a lock whose pid is alive but started at another time (the pid was reused)', () => {
    const startTime = String(Number(sleeperIdentity.startTime) + 1);
    const release = lockDataDir(folderWithLock({ ...sleeperIdentity, startTime }));
    release();
  });

  it('takes over a lock written before the last boot', () => {
    const bootId = '00000000-0000-4000-8000-000000000000';
    lockDataDir(folderWithLock({ ...sleeperIdentity, bootId }))();
  });

  it('takes over a lock written in another pid namespace (a restarted container)', () => {
    lockDataDir(folderWithLock({ ...sleeperIdentity, pidNamespace: 'pid:[1]' }))();
  });

  it('takes over a lock of a process that is gone', () => {
    lockDataDir(folderWithLock({ ...sleeperIdentity, pid: 2 ** 22 + 1 }))();
  });

  it('still honours an older bare-pid lock while that pid runs', () => {
    expect(() => lockDataDir(folderWithLock(String(sleeper.pid)))).toThrow(/in use/);
  });
});
