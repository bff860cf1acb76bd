// `kaspr restore FILE [--force]`: all or nothing. Refuses a target holding data unless --force; marks the restore
// in progress (the server will not start on a marked database), restores in one transaction (PostgreSQL) or into
// a staging folder renamed into place (embedded), checks the result against the backup's manifest, then unmarks.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { loadConfig, type Config } from '../../config/env.ts';
import { lockDataDir, pgDataPath } from '../../server/data-dir.ts';
import {
  clearRestoreMarkerFile,
  RESTORE_MARKER_TABLE,
  writeRestoreMarkerFile,
} from '../../server/restore-state.ts';
import { auditAnchorKey, secretsPath, type Secrets } from '../../server/secrets.ts';
import { anchorKeyStatus, anchorKeyWarning, verifyAuditChain } from '../../store/audit.ts';
import { wrapPglite, type Queryable } from '../../store/db.ts';
import { fail, print } from '../open.ts';
import { openBackupFile, payloadBlob, payloadStream, type BackupSource } from './backup-file.ts';
import {
  compareWithManifest,
  dataFound,
  describeData,
  manifestCheckSql,
  publicTables,
} from './backup-manifest.ts';
import { clientQueryable, PGLITE_OPTIONS, postgresClient } from './restore-engines.ts';

const say = (line: string): void => void process.stderr.write(`${line}\n`);

const refuseData = (where: string, found: { table: string; rows: number }[]): number => {
  say(
    `Refusing to restore: ${where} already holds KASPR data (${describeData(found)}). A restore would replace ` +
      'it, losing everything written since the backup. Take a backup of it first (`npx kaspr backup FILE`); ' +
      'to replace it, run the restore again with --force.',
  );
  return 1;
};

export async function restore(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { force: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) fail('Usage: kaspr restore FILE [--force]');
  const config = loadConfig();
  const path = resolve(file);
  if (!existsSync(path)) fail(`No backup at ${path}.`);
  let source: BackupSource;
  try {
    source = await openBackupFile(path);
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  }
  if (!source.header)
    say(
      'Warning: this backup was made by an older KASPR and has no manifest: only its chains can be checked.',
    );
  if (config.DATABASE_URL) {
    if (source.kind !== 'pg_dump-custom')
      fail(
        'This backup is of an embedded data folder: restore it with DATABASE_URL unset (into KASPR_DATA_DIR).',
      );
    return restorePostgres(config, config.DATABASE_URL, source, values.force);
  }
  if (source.kind !== 'pglite-datadir-gzip')
    fail('This backup is of a PostgreSQL database: restore it with DATABASE_URL set to the target database.');
  return restoreEmbedded(config, resolve(config.KASPR_DATA_DIR), source, values.force);
}

/** Checks the restored database: against the manifest, or (an older backup) its chains alone. */
async function problemsOf(db: Queryable, source: BackupSource): Promise<string[]> {
  if (source.header) return compareWithManifest(db, source.header.manifest);
  const chain = await verifyAuditChain(db);
  return chain.intact ? [] : [`the audit log chain is broken after ${chain.rows} entries`];
}

async function warnIfNewKey(db: Queryable, key: string, generated: boolean): Promise<void> {
  const warning = anchorKeyWarning(await anchorKeyStatus(db, key), generated);
  if (warning) say(`Warning: ${warning}`);
}

// ── PostgreSQL ────────────────────────────────────────────────────────────────────────────────────────────────

async function restorePostgres(
  config: Config,
  url: string,
  source: BackupSource,
  force: boolean,
): Promise<number> {
  const client = await postgresClient(url);
  const db = clientQueryable(client);
  try {
    const found = await dataFound(db);
    if (found.length > 0 && !force) return refuseData('the target database', found);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${RESTORE_MARKER_TABLE} (started_at timestamptz NOT NULL, source text NOT NULL, pid integer NOT NULL)`,
    );
    await client.query(`INSERT INTO ${RESTORE_MARKER_TABLE} VALUES (now(), $1, $2)`, [
      source.path,
      process.pid,
    ]);
    const result = await runRestoreTransaction(url, source, await publicTables(db));
    if (!result.ok) {
      // Rolled back: the database is as it was, so this restore's mark comes off.
      await client.query(`DELETE FROM ${RESTORE_MARKER_TABLE} WHERE pid = $1`, [process.pid]);
      await client.query(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM ${RESTORE_MARKER_TABLE}) THEN
        DROP TABLE ${RESTORE_MARKER_TABLE}; END IF; END $$`);
      say(`Restore FAILED and was rolled back: the database is as it was. ${result.error}`);
      return 1;
    }
    const problems = await problemsOf(db, source);
    if (problems.length > 0) {
      say(
        `Restored, but the database does NOT match the backup's manifest: ${problems.join('; ')}. It stays marked ` +
          'as an unfinished restore, so KASPR will not start on it: restore again from a good backup.',
      );
      return 1;
    }
    await client.query(`DROP TABLE ${RESTORE_MARKER_TABLE}`);
    const key = auditAnchorKey(config);
    await warnIfNewKey(db, key.key, key.generated);
    print(summary(source, 'PostgreSQL'));
    return 0;
  } finally {
    await client.end();
  }
}

/**
 * pg_restore's script fed to psql inside BEGIN … COMMIT, with the manifest check just before COMMIT. COMMIT is
 * written only once pg_restore has finished cleanly: if anything fails or this process dies, psql ends without
 * it and PostgreSQL rolls the whole restore back.
 */
function runRestoreTransaction(
  url: string,
  source: BackupSource,
  existingTables: string[],
): Promise<{ ok: true } | { ok: false; error: string }> {
  return new Promise((done) => {
    const psql = spawn('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', `--dbname=${url}`], {
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    const restorer = spawn(
      'pg_restore',
      ['--file=-', '--clean', '--if-exists', '--no-owner', '--no-privileges'],
      {
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let psqlErr = '';
    let restoreErr = '';
    let restoreCode: number | null = null;
    psql.stderr.on('data', (d: Buffer) => (psqlErr += d.toString()));
    restorer.stderr.on('data', (d: Buffer) => (restoreErr += d.toString()));
    for (const s of [psql.stdin, restorer.stdin]) s.on('error', () => undefined);
    psql.on('error', (err) =>
      done({ ok: false, error: `psql could not run (${err.message}); install postgresql-client.` }),
    );
    restorer.on('error', (err) =>
      done({ ok: false, error: `pg_restore could not run (${err.message}); install postgresql-client.` }),
    );

    psql.stdin.write('BEGIN;\n');
    // Tables of the target that the backup may not have (a newer schema) go too: the result is the backup only.
    if (existingTables.length > 0)
      psql.stdin.write(
        `DROP TABLE IF EXISTS ${existingTables.map((t) => `public."${t}"`).join(', ')} CASCADE;\n`,
      );
    restorer.stdout.pipe(psql.stdin, { end: false });
    payloadStream(source).pipe(restorer.stdin);
    restorer.on('close', (code) => {
      restoreCode = code;
      if (code === 0 && psql.exitCode === null) {
        if (source.header) psql.stdin.write(manifestCheckSql(source.header.manifest));
        psql.stdin.write('COMMIT;\n');
      }
      psql.stdin.end();
    });
    psql.on('close', (code) => {
      if (restorer.exitCode === null) restorer.kill('SIGTERM');
      if (code === 0 && restoreCode === 0) {
        done({ ok: true });
        return;
      }
      const why = (restoreCode !== 0 ? restoreErr : '') || psqlErr || `psql exited ${code}`;
      done({ ok: false, error: why.trim().split('\n').slice(-3).join(' ') });
    });
  });
}

// ── Embedded ──────────────────────────────────────────────────────────────────────────────────────────────────

async function embeddedDataFound(pgDir: string): Promise<{ table: string; rows: number }[]> {
  try {
    const db = wrapPglite(await PGlite.create(pgDir, PGLITE_OPTIONS));
    try {
      return await dataFound(db);
    } finally {
      await db.close();
    }
  } catch {
    return [{ table: '(a database folder that could not be opened)', rows: 1 }];
  }
}

async function restoreEmbedded(
  config: Config,
  dir: string,
  source: BackupSource,
  force: boolean,
): Promise<number> {
  mkdirSync(dir, { recursive: true });
  const release = lockDataDir(dir);
  try {
    const pgDir = pgDataPath(dir);
    if (existsSync(pgDir) && readdirSync(pgDir).length > 0) {
      const found = await embeddedDataFound(pgDir);
      if (found.length > 0 && !force) return refuseData(pgDir, found);
    }
    writeRestoreMarkerFile(dir, {
      startedAt: new Date().toISOString(),
      source: source.path,
      pid: process.pid,
    });
    const staging = join(dir, `pg.restoring-${randomBytes(4).toString('hex')}`);
    const secrets = source.header?.secrets;
    // The key in force after the restore: the setting, else the backup's, else the folder's own.
    const key = config.KASPR_AUDIT_ANCHOR_KEY
      ? { key: config.KASPR_AUDIT_ANCHOR_KEY, generated: false }
      : secrets
        ? { key: secrets.auditAnchorKey, generated: false }
        : auditAnchorKey(config);
    let problems: string[];
    try {
      const db = wrapPglite(
        await PGlite.create(staging, { ...PGLITE_OPTIONS, loadDataDir: await payloadBlob(source) }),
      );
      try {
        problems = await problemsOf(db, source);
        if (problems.length === 0) await warnIfNewKey(db, key.key, key.generated);
      } finally {
        await db.close();
      }
    } catch (err) {
      problems = [`the backup could not be loaded (${err instanceof Error ? err.message : String(err)})`];
    }
    if (problems.length > 0) {
      rmSync(staging, { recursive: true, force: true });
      clearRestoreMarkerFile(dir);
      say(`Restore FAILED: ${problems.join('; ')}. The data folder is as it was.`);
      return 1;
    }
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const aside = join(dir, `pg.replaced-${stamp}`);
    const replaced = existsSync(pgDir);
    if (replaced) renameSync(pgDir, aside);
    renameSync(staging, pgDir);
    if (secrets) restoreSecrets(dir, secrets, stamp);
    clearRestoreMarkerFile(dir);
    print(summary(source, dir));
    if (replaced)
      print(`The database it replaced is kept in ${aside}: delete it once you have checked the restore.`);
    return 0;
  } finally {
    release();
  }
}

/** Puts the backup's secrets (the anchor key) in the data folder, keeping a different existing file aside. */
function restoreSecrets(dir: string, secrets: Secrets, stamp: string): void {
  const path = secretsPath(dir);
  const text = JSON.stringify(secrets, null, 2);
  if (existsSync(path) && readFileSync(path, 'utf8') !== text) renameSync(path, `${path}.replaced-${stamp}`);
  writeFileSync(path, text, { mode: 0o600 });
}

function summary(source: BackupSource, into: string): string {
  const m = source.header?.manifest;
  return m
    ? `Restored ${source.path} into ${into}: manifest verified (${Object.keys(m.tables).length} tables; audit ` +
        `chain ${m.auditChain.rows} entries, head ${m.auditChain.head}; controlled-drug register ` +
        `${m.cdRegisterChain.rows} entries; KASPR ${m.kasprVersion}, backed up ${m.createdAt}).`
    : `Restored ${source.path} into ${into} (no manifest to check; audit chain intact).`;
}
