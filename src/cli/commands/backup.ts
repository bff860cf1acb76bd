// `kaspr backup FILE` / `kaspr restore FILE`: a whole-database copy (embedded: data folder archive; PostgreSQL: pg_dump).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { loadConfig } from '../../config/env.ts';
import { lockDataDir, pgDataPath } from '../../server/data-dir.ts';
import { wrapPglite } from '../../store/db.ts';
import { verifyAuditChain } from '../../store/audit.ts';
import { fail, print } from '../open.ts';

export async function backup(file: string | undefined): Promise<number> {
  if (!file) fail('Usage: kaspr backup FILE');
  const config = loadConfig();
  const target = resolve(file);
  if (config.DATABASE_URL) {
    const r = spawnSync('pg_dump', ['--format=custom', `--file=${target}`, config.DATABASE_URL], {
      stdio: 'inherit',
    });
    if (r.status !== 0) fail('pg_dump failed; is the PostgreSQL client installed?');
    print(`Backed up PostgreSQL to ${target}`);
    return 0;
  }
  const dir = resolve(config.KASPR_DATA_DIR);
  if (!existsSync(pgDataPath(dir))) fail(`No embedded database in ${dir}.`);
  const release = lockDataDir(dir);
  try {
    const pglite = await PGlite.create(pgDataPath(dir));
    const db = wrapPglite(pglite);
    const chain = await verifyAuditChain(db);
    await pglite.query('CHECKPOINT');
    const archive = await pglite.dumpDataDir('gzip');
    writeFileSync(target, Buffer.from(await archive.arrayBuffer()));
    await db.close();
    print(`Backed up ${dir} to ${target} (audit chain: ${chain.rows} entries, head ${chain.headHash}).`);
    return 0;
  } finally {
    release();
  }
}

export async function restore(file: string | undefined): Promise<number> {
  if (!file) fail('Usage: kaspr restore FILE');
  const config = loadConfig();
  const source = resolve(file);
  if (!existsSync(source)) fail(`No backup at ${source}.`);
  if (config.DATABASE_URL) {
    const r = spawnSync(
      'pg_restore',
      ['--clean', '--if-exists', '--no-owner', `--dbname=${config.DATABASE_URL}`, source],
      {
        stdio: 'inherit',
      },
    );
    if (r.status !== 0) fail('pg_restore failed.');
    print(`Restored ${source} into PostgreSQL.`);
    return 0;
  }
  const dir = resolve(config.KASPR_DATA_DIR);
  const pgDir = pgDataPath(dir);
  if (existsSync(pgDir) && readdirSync(pgDir).length > 0) {
    fail(`${pgDir} already holds a database. Restore into an empty KASPR_DATA_DIR, then point KASPR at it.`);
  }
  mkdirSync(dir, { recursive: true });
  const release = lockDataDir(dir);
  try {
    const blob = new Blob([readFileSync(source)]);
    const pglite = await PGlite.create(pgDir, { loadDataDir: blob });
    const db = wrapPglite(pglite);
    const chain = await verifyAuditChain(db);
    await db.close();
    print(
      `Restored ${source} into ${dir} (audit chain ${chain.intact ? 'intact' : 'BROKEN'}: ${chain.rows} entries, head ${chain.headHash}).`,
    );
    return chain.intact ? 0 : 1;
  } finally {
    release();
  }
}
