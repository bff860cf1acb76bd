// Backup and restore as an operator runs them (`kaspr` as a process): all or nothing, never over data without
// --force, checked against the backup's manifest; the server refuses a half-restored database; anchors travel.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { BACKUP_MAGIC, type BackupHeader } from '../src/cli/commands/backup-file.ts';
import { createHash } from 'node:crypto';
import { pgDataPath } from '../src/server/data-dir.ts';
import { RESTORE_MARKER_FILE, RESTORE_MARKER_TABLE } from '../src/server/restore-state.ts';
import { appendAudit, verifyAuditChain } from '../src/store/audit.ts';
import { openPglite, type Database } from '../src/store/db.ts';
import { migrate } from '../src/store/migrate.ts';
import { createTestDatabase, testEngine, type TestDatabase } from './support/database.ts';
import { startServerProcess } from './support/process.ts';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npx kaspr ARGS` with this environment (DATABASE_URL and the anchor key always set, never inherited). */
function kaspr(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/kaspr.mjs', ...args], {
      env: { ...process.env, DATABASE_URL: '', KASPR_AUDIT_ANCHOR_KEY: '', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const tmp = (name: string): string => mkdtempSync(join(tmpdir(), `kaspr-${name}-`));

async function audit(db: Database, action: string): Promise<void> {
  await db.transaction((tx) =>
    appendAudit(tx, { actorId: null, action, resourceType: 'System', outcome: 'success' }),
  );
}

async function actions(db: Database): Promise<string[]> {
  return (await db.query<{ action: string }>('SELECT action FROM audit_log ORDER BY entry_id')).map(
    (r) => r.action,
  );
}

/** Rewrites a backup file: its payload and/or manifest changed, with a checksum that agrees with the new payload. */
function rewriteBackup(
  from: string,
  to: string,
  change: { payload?: (p: Buffer) => Buffer; header?: (h: BackupHeader) => void },
): void {
  const file = readFileSync(from);
  const end = file.indexOf(0x0a, BACKUP_MAGIC.length);
  const header = JSON.parse(file.subarray(BACKUP_MAGIC.length, end).toString('utf8')) as BackupHeader;
  const payload = (change.payload ?? ((p) => p))(file.subarray(end + 1));
  change.header?.(header);
  header.payload.bytes = payload.length;
  header.payload.sha256 = createHash('sha256').update(payload).digest('hex');
  writeFileSync(to, Buffer.concat([Buffer.from(BACKUP_MAGIC + JSON.stringify(header) + '\n'), payload]));
}

const KEY_A = 'anchor-key-A-0123456789abcdefghijklmnopqrstuvwxyz';
const KEY_B = 'anchor-key-B-0123456789abcdefghijklmnopqrstuvwxyz';
const anchorOf = (run: Run): string =>
  /Anchor \(keep a copy outside the database\): (\S+)/.exec(run.stdout)![1]!;

// Each case runs several `kaspr` processes (and servers): minutes on a busy 2-core machine.
const SLOW = { timeout: 300_000 };

describe.runIf(testEngine() === 'postgres')('restore on PostgreSQL', SLOW, () => {
  let target: TestDatabase;
  let env: Record<string, string>;
  let backupFile: string;
  const dropped: TestDatabase[] = [];
  afterAll(async () => {
    for (const d of dropped) await d.drop();
  });
  beforeEach(async () => {
    target = await createTestDatabase('postgres');
    dropped.push(target);
    env = { DATABASE_URL: target.url!, KASPR_DATA_DIR: tmp('pgdir') };
    await audit(target.db, 'test.before-backup');
    backupFile = join(tmp('bk'), 'kaspr.backup');
    const b = await kaspr(['backup', backupFile], env);
    expect(b.code, b.stderr).toBe(0);
    await audit(target.db, 'test.after-backup');
  });

  it('refuses a database that holds data without --force, naming it, and the entry written after the backup survives', async () => {
    const r = await kaspr(['restore', backupFile], env);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/already holds KASPR data \(audit_log: 2 rows/);
    expect(r.stderr).toMatch(/--force/);
    expect(await actions(target.db)).toEqual(['test.before-backup', 'test.after-backup']);
  });

  it('with --force replaces the database with the backup and checks it against the manifest', async () => {
    const r = await kaspr(['restore', backupFile, '--force'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/manifest verified/);
    expect(await actions(target.db)).toEqual(['test.before-backup']);
    expect((await verifyAuditChain(target.db)).intact).toBe(true);
    const marker = await target.db.query<{ t: string | null }>(
      `SELECT to_regclass('public.${RESTORE_MARKER_TABLE}')::text AS t`,
    );
    expect(marker[0]!.t).toBeNull();
  });

  it('a restore that fails part-way (a truncated archive) is rolled back: the database is as it was', async () => {
    const cut = join(tmp('bk'), 'cut.backup');
    rewriteBackup(backupFile, cut, { payload: (p) => p.subarray(0, Math.floor(p.length * 0.6)) });
    const r = await kaspr(['restore', cut, '--force'], env);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/rolled back: the database is as it was/);
    expect(await actions(target.db)).toEqual(['test.before-backup', 'test.after-backup']);
    // Not marked: the server starts on it as before.
    const server = await startServerProcess({ ...env, LOG_LEVEL: 'warn' });
    expect(await server.stop('SIGTERM')).toBe(0);
  });

  it('a restored database that does not match the manifest is rolled back, naming the mismatch', async () => {
    const lying = join(tmp('bk'), 'lying.backup');
    rewriteBackup(backupFile, lying, {
      header: (h) => {
        h.manifest.tables.audit_log = 5;
      },
    });
    const r = await kaspr(['restore', lying, '--force'], env);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/manifest mismatch: table audit_log holds 1 rows, the manifest says 5/);
    expect(await actions(target.db)).toEqual(['test.before-backup', 'test.after-backup']);
  });

  it('the server refuses to start while a restore is marked unfinished (the restore was killed)', async () => {
    await target.db.query(
      `CREATE TABLE ${RESTORE_MARKER_TABLE} (started_at timestamptz NOT NULL, source text NOT NULL, pid integer NOT NULL)`,
    );
    await target.db.query(`INSERT INTO ${RESTORE_MARKER_TABLE} VALUES (now(), 'x.backup', 4242)`);
    const server = await startServerProcess(
      { ...env, KASPR_ADMIN_EMAIL: 'a@clinic.test', KASPR_ADMIN_PASSWORD: 'a long pass phrase 2026' },
      false,
    );
    expect(await server.exited).not.toBe(0);
    expect(server.output()).toMatch(/A restore into this database did not finish/);
    expect((await target.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users'))[0]!.n).toBe(0);
    const v = await kaspr(['audit', 'verify'], env);
    expect(v.code).not.toBe(0);
    expect(v.stderr).toMatch(/did not finish/);
  });

  it('a restore killed part-way leaves the database as it was, or marked so the server refuses it', async () => {
    const child = spawn(process.execPath, ['bin/kaspr.mjs', 'restore', backupFile, '--force'], {
      env: { ...process.env, KASPR_AUDIT_ANCHOR_KEY: '', ...env },
      stdio: 'ignore',
    });
    // Kill as soon as the restore has marked the database (it is then inside its transaction or about to be).
    for (let i = 0; i < 600; i += 1) {
      const [t] = await target.db.query<{ t: string | null }>(
        `SELECT to_regclass('public.${RESTORE_MARKER_TABLE}')::text AS t`,
      );
      if (t?.t) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.on('close', r));
    await new Promise((r) => setTimeout(r, 1000));
    const server = await startServerProcess({ ...env, LOG_LEVEL: 'warn' }, false);
    const code = await Promise.race([
      server.exited,
      new Promise((r) => setTimeout(() => r('running'), 20_000)),
    ]);
    if (code === 'running') {
      // Only acceptable when the database is exactly as it was (the transaction rolled back, marker gone).
      await server.stop('SIGKILL');
      expect(await actions(target.db)).toEqual(['test.before-backup', 'test.after-backup']);
    } else {
      expect(code).not.toBe(0);
      expect(server.output()).toMatch(/did not finish/);
    }
  });

  it('the server refuses a database whose migrations table lists tables that are missing, and makes no administrator', async () => {
    await target.db.query('DROP TABLE patient_versions CASCADE');
    const server = await startServerProcess(
      { ...env, KASPR_ADMIN_EMAIL: 'a@clinic.test', KASPR_ADMIN_PASSWORD: 'a long pass phrase 2026' },
      false,
    );
    expect(await server.exited).not.toBe(0);
    expect(server.output()).toMatch(/database is incomplete.*patient_versions/);
    expect((await target.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users'))[0]!.n).toBe(0);
  });
});

describe.runIf(testEngine() === 'pglite')('restore on the embedded engine', SLOW, () => {
  let dir: string;
  let env: Record<string, string>;
  let backupFile: string;

  async function withFolder<T>(folder: string, fn: (db: Database) => Promise<T>): Promise<T> {
    const db = await openPglite(pgDataPath(folder));
    try {
      await migrate(db);
      return await fn(db);
    } finally {
      await db.close();
    }
  }

  beforeEach(async () => {
    dir = tmp('data');
    env = { KASPR_DATA_DIR: dir };
    await withFolder(dir, (db) => audit(db, 'test.before-backup'));
    backupFile = join(tmp('bk'), 'kaspr.backup');
    const b = await kaspr(['backup', backupFile], env);
    expect(b.code, b.stderr).toBe(0);
    await withFolder(dir, (db) => audit(db, 'test.after-backup'));
  });

  it('refuses a data folder that holds data without --force, naming it; with --force replaces it, keeping the old aside', async () => {
    const r = await kaspr(['restore', backupFile], env);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/already holds KASPR data \(audit_log: 2 rows/);
    expect(await withFolder(dir, actions)).toEqual(['test.before-backup', 'test.after-backup']);
    const forced = await kaspr(['restore', backupFile, '--force'], env);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toMatch(/manifest verified/);
    expect(await withFolder(dir, actions)).toEqual(['test.before-backup']);
    expect(readdirSync(dir).some((f) => f.startsWith('pg.replaced-'))).toBe(true);
    expect(existsSync(join(dir, RESTORE_MARKER_FILE))).toBe(false);
  });

  it('a restore that fails part-way (a truncated archive) leaves the folder as it was', async () => {
    const cut = join(tmp('bk'), 'cut.backup');
    rewriteBackup(backupFile, cut, { payload: (p) => p.subarray(0, Math.floor(p.length * 0.6)) });
    const r = await kaspr(['restore', cut, '--force'], env);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/The data folder is as it was/);
    expect(existsSync(join(dir, RESTORE_MARKER_FILE))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('pg.'))).toEqual([]);
    expect(await withFolder(dir, actions)).toEqual(['test.before-backup', 'test.after-backup']);
  });

  it('a backup whose manifest does not match its data is refused, naming the mismatch', async () => {
    const lying = join(tmp('bk'), 'lying.backup');
    rewriteBackup(backupFile, lying, {
      header: (h) => {
        h.manifest.auditChain.rows = 7;
      },
    });
    const fresh = tmp('fresh');
    const r = await kaspr(['restore', lying], { KASPR_DATA_DIR: fresh });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/audit log chain has 1 entries.*the manifest says 7/);
    expect(existsSync(pgDataPath(fresh))).toBe(false);
  });

  it('the server refuses to start while the folder is marked as an unfinished restore', async () => {
    writeFileSync(join(dir, RESTORE_MARKER_FILE), JSON.stringify({ startedAt: 'x', source: 'y', pid: 1 }));
    const server = await startServerProcess({ ...env, DATABASE_URL: '', KASPR_AUDIT_ANCHOR_KEY: '' }, false);
    expect(await server.exited).not.toBe(0);
    expect(server.output()).toMatch(/did not finish/);
  });

  it('an anchor made before the backup verifies after a restore into another folder (the key travels)', async () => {
    const before = await kaspr(['audit', 'verify'], env);
    expect(before.code, before.stderr).toBe(0);
    const again = join(tmp('bk'), 'again.backup');
    expect((await kaspr(['backup', again], env)).code).toBe(0);
    const moved = tmp('moved');
    const r = await kaspr(['restore', again], { KASPR_DATA_DIR: moved });
    expect(r.code, r.stderr).toBe(0);
    const after = await kaspr(['audit', 'verify', '--anchor', anchorOf(before)], { KASPR_DATA_DIR: moved });
    expect(after.code, after.stderr).toBe(0);
    expect(anchorOf(after)).toBe(anchorOf(before));
    expect(after.stdout).toMatch(/Anchor verifies/);
    expect(after.stderr).not.toMatch(/Warning/);
  });
});

describe('the audit anchor key', SLOW, () => {
  let pg: TestDatabase | undefined;
  afterAll(async () => {
    await pg?.drop();
  });

  it('two app servers with the same KASPR_AUDIT_ANCHOR_KEY sign anchors that verify on each other (PostgreSQL)', async () => {
    if (testEngine() !== 'postgres') return;
    pg = await createTestDatabase('postgres');
    await audit(pg.db, 'test.entry');
    const one = { DATABASE_URL: pg.url!, KASPR_DATA_DIR: tmp('app1'), KASPR_AUDIT_ANCHOR_KEY: KEY_A };
    const two = { DATABASE_URL: pg.url!, KASPR_DATA_DIR: tmp('app2'), KASPR_AUDIT_ANCHOR_KEY: KEY_A };
    const a = await kaspr(['audit', 'verify'], one);
    expect(a.code, a.stderr).toBe(0);
    const b = await kaspr(['audit', 'verify', '--anchor', anchorOf(a)], two);
    expect(b.code, b.stderr).toBe(0);
    expect(anchorOf(b)).toBe(anchorOf(a));
    // The controlled-drug register's anchor is signed with the same key.
    const l1 = await kaspr(['ledger', 'verify'], one);
    const l2 = await kaspr(['ledger', 'verify'], two);
    expect(l1.code, l1.stderr).toBe(0);
    expect(anchorOf(l2)).toBe(anchorOf(l1));
    // Another key does not verify it, and says why.
    const c = await kaspr(['audit', 'verify', '--anchor', anchorOf(a)], {
      ...two,
      KASPR_AUDIT_ANCHOR_KEY: KEY_B,
    });
    expect(c.code).not.toBe(0);
    expect(c.stderr).toMatch(/does NOT verify \(signature\)/);
  });

  it('a new key over an existing audit log is warned about at start and by `kaspr audit verify`', async () => {
    const db = testEngine() === 'postgres' ? await createTestDatabase('postgres') : undefined;
    const dataDir = tmp('keys');
    const base = { DATABASE_URL: db?.url ?? '', KASPR_DATA_DIR: dataDir, LOG_LEVEL: 'info' };
    const admin = { KASPR_ADMIN_EMAIL: 'k@clinic.test', KASPR_ADMIN_PASSWORD: 'a long pass phrase 2026' };
    try {
      const first = await startServerProcess({ ...base, ...admin, KASPR_AUDIT_ANCHOR_KEY: KEY_A });
      expect(await first.stop('SIGTERM')).toBe(0);
      expect(first.output()).not.toMatch(/anchor key is new/);
      const second = await startServerProcess({ ...base, KASPR_AUDIT_ANCHOR_KEY: KEY_B });
      expect(await second.stop('SIGTERM')).toBe(0);
      expect(second.output()).toMatch(
        /audit anchor key is new to this database, whose audit log holds \d+ entries/,
      );
      const v = await kaspr(['audit', 'verify'], { ...base, KASPR_AUDIT_ANCHOR_KEY: KEY_B });
      expect(v.code, v.stderr).toBe(0);
      expect(v.stderr).toMatch(
        /Warning: The audit anchor key was first used with this database on .* when the audit log already held/,
      );
      const same = await kaspr(['audit', 'verify'], { ...base, KASPR_AUDIT_ANCHOR_KEY: KEY_A });
      expect(same.stderr).not.toMatch(/Warning/);
    } finally {
      await db?.drop();
    }
  });
});
