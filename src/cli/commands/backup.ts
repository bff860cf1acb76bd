// `kaspr backup FILE`: a whole-database copy with a manifest (embedded: the data folder's archive and its secrets;
// PostgreSQL: pg_dump, taken in the same snapshot as the manifest).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { loadConfig } from '../../config/env.ts';
import { lockDataDir, pgDataPath } from '../../server/data-dir.ts';
import {
  assertDatabaseComplete,
  RESTORE_MARKER_TABLE,
  assertNoRestoreMarkerFile,
} from '../../server/restore-state.ts';
import { loadSecrets } from '../../server/secrets.ts';
import { openPostgres, wrapPglite } from '../../store/db.ts';
import { sealAuditChain } from '../../store/audit.ts';
import { fail, print } from '../open.ts';
import { writeBackupFile } from './backup-file.ts';
import { takeManifest } from './backup-manifest.ts';
import { clientQueryable, PGLITE_OPTIONS, postgresClient } from './restore-engines.ts';

export { restore } from './restore.ts';

export async function backup(file: string | undefined): Promise<number> {
  if (!file) fail('Usage: kaspr backup FILE');
  const config = loadConfig();
  const target = resolve(file);
  const work = mkdtempSync(join(dirname(target), '.kaspr-backup-'));
  const payload = join(work, 'payload');
  try {
    if (config.DATABASE_URL) return await backupPostgres(config.DATABASE_URL, target, payload);
    return await backupEmbedded(resolve(config.KASPR_DATA_DIR), target, payload);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function backupPostgres(url: string, target: string, payload: string): Promise<number> {
  // Entries written and not yet sealed are sealed first (as a running server would), so the backup's chain is whole.
  const sealer = openPostgres(url);
  try {
    await sealAuditChain(sealer);
  } finally {
    await sealer.close();
  }
  const client = await postgresClient(url);
  try {
    const db = clientQueryable(client);
    await assertDatabaseComplete(db);
    // The manifest and the dump see one snapshot, so the counts are those of the archive exactly.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const [snap] = (await client.query<{ s: string }>('SELECT pg_export_snapshot() AS s')).rows;
    if (!snap) throw new Error('PostgreSQL gave no snapshot to back up from.');
    const manifest = await takeManifest(db, 'postgres');
    const r = spawnSync(
      'pg_dump',
      [
        '--format=custom',
        `--snapshot=${snap.s}`,
        `--exclude-table=public.${RESTORE_MARKER_TABLE}`,
        `--file=${payload}`,
        `--dbname=${url}`,
      ],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    await client.query('COMMIT');
    if (r.status !== 0) fail('pg_dump failed; is the PostgreSQL client (postgresql-client) installed?');
    await writeBackupFile(target, { manifest }, 'pg_dump-custom', payload);
    print(
      `Backed up PostgreSQL to ${target} (${Object.keys(manifest.tables).length} tables; audit chain ` +
        `${manifest.auditChain.rows} entries, head ${manifest.auditChain.head}).`,
    );
    return 0;
  } finally {
    await client.end();
  }
}

async function backupEmbedded(dir: string, target: string, payload: string): Promise<number> {
  assertNoRestoreMarkerFile(dir);
  if (!existsSync(pgDataPath(dir))) fail(`No embedded database in ${dir}.`);
  const release = lockDataDir(dir);
  try {
    const pglite = await PGlite.create(pgDataPath(dir), PGLITE_OPTIONS);
    const db = wrapPglite(pglite);
    try {
      await assertDatabaseComplete(db);
      // No server holds the folder: seal what the last one (or a command) left pending, so the chain is whole.
      await sealAuditChain(db);
      const manifest = await takeManifest(db, 'pglite');
      await pglite.query('CHECKPOINT');
      const archive = await pglite.dumpDataDir('gzip');
      writeFileSync(payload, Buffer.from(await archive.arrayBuffer()), { mode: 0o600 });
      // The data folder's secrets travel with it: anchors signed with its key verify after a restore or move.
      const { secrets } = loadSecrets(dir);
      await writeBackupFile(target, { manifest, secrets }, 'pglite-datadir-gzip', payload);
      print(
        `Backed up ${dir} to ${target} (audit chain: ${manifest.auditChain.rows} entries, head ${manifest.auditChain.head}). ` +
          'The file holds the audit anchor key and health data: keep it as safe as the server.',
      );
      return 0;
    } finally {
      await db.close();
    }
  } finally {
    release();
  }
}
