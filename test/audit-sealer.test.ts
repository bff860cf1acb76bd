// The audit sealer (decision record 016): entries are written without a lock and sealed into the hash chain
// later, by one sealer at a time. Nothing written is lost or sealed twice, nothing rolled back is sealed, and a
// server killed between writing entries and sealing them seals them when it starts again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuditSealer } from '../src/api/audit-sealer.ts';
import { appendAudit, sealAuditChain, verifyAuditChain } from '../src/store/audit.ts';
import { openPglite, openPostgres, type Database } from '../src/store/db.ts';
import { createTestDatabase, testEngine, type TestDatabase } from './support/database.ts';
import { startServerProcess, type ServerProcess } from './support/process.ts';
import { Client } from './support/server.ts';

const ADMIN = { email: 'seal@clinic.test', password: 'sealer pass phrase 2026' };

describe(`sealing (${testEngine()})`, () => {
  let t: TestDatabase;
  let second: Database | undefined;
  beforeAll(async () => {
    t = await createTestDatabase();
    // On PostgreSQL a second pool stands for a second app server with its own sealer.
    second = t.url ? openPostgres(t.url) : undefined;
  });
  afterAll(async () => {
    await second?.close();
    await t.drop();
  });

  it('seals every committed entry exactly once, none rolled back, with two sealers racing the writers', async () => {
    const committed: number[] = [];
    const rolledBack: number[] = [];
    const write = async (i: number) => {
      if (i % 5 === 4) {
        let id = 0;
        await t.db
          .transaction(async (tx) => {
            id = await appendAudit(tx, {
              actorId: null,
              action: 'test.rolled-back',
              resourceType: 'Test',
              outcome: 'failed',
            });
            throw new Error('roll back');
          })
          .catch(() => undefined);
        rolledBack.push(id);
        return;
      }
      committed.push(
        await t.db.transaction((tx) =>
          appendAudit(tx, { actorId: null, action: `test.${i}`, resourceType: 'Test', outcome: 'success' }),
        ),
      );
    };
    const sealers = [t.db, second ?? t.db];
    let writing = true;
    const sealing = sealers.map(async (db) => {
      let sealed = 0;
      while (writing) sealed += (await sealAuditChain(db, 7)).sealed;
      return sealed;
    });
    for (let round = 0; round < 10; round += 1) {
      await Promise.all(Array.from({ length: 20 }, (_, k) => write(round * 20 + k)));
    }
    writing = false;
    const byEach = await Promise.all(sealing);
    const last = (await sealAuditChain(t.db)).sealed;
    expect(byEach.reduce((a, b) => a + b, 0) + last).toBe(committed.length);

    const v = await verifyAuditChain(t.db);
    expect(v).toMatchObject({ intact: true, rows: committed.length, pending: 0 });
    const rows = await t.db.query<{ entry_id: number; seq: number }>(
      'SELECT entry_id, seq FROM audit_log ORDER BY seq',
    );
    expect(rows.map((r) => r.entry_id).sort((a, b) => a - b)).toEqual([...committed].sort((a, b) => a - b));
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    for (const id of rolledBack) expect(rows.some((r) => r.entry_id === id)).toBe(false);
  });

  it('seals at stop even when the run before failed', async () => {
    await t.db.transaction((tx) =>
      appendAudit(tx, {
        actorId: null,
        action: 'test.after-failure',
        resourceType: 'Test',
        outcome: 'success',
      }),
    );
    let failures = 1;
    // The first transaction fails (a lost connection, say); the ones after work.
    const flaky: Database = {
      ...t.db,
      engine: t.db.engine,
      query: (sql, params) => t.db.query(sql, params),
      transaction: (fn) => {
        if (failures > 0) {
          failures -= 1;
          return Promise.reject(new Error('connection lost'));
        }
        return t.db.transaction(fn);
      },
      close: () => Promise.resolve(),
    };
    const warnings: string[] = [];
    const log = { warn: (_o: unknown, m: string) => warnings.push(m) } as unknown as Parameters<
      typeof startAuditSealer
    >[2];
    const sealer = startAuditSealer(flaky, 600_000, log);
    await sealer.stop();
    expect(warnings).toContain('audit sealing failed; will retry');
    expect(await verifyAuditChain(t.db)).toMatchObject({ intact: true, pending: 0 });
  });

  it('lets one sealer work at a time: the other returns at once without sealing', async () => {
    if (!second) return; // the embedded engine has one connection, so sealers never overlap there
    for (let i = 0; i < 50; i += 1)
      await t.db.transaction((tx) =>
        appendAudit(tx, { actorId: null, action: 'test.later', resourceType: 'Test', outcome: 'success' }),
      );
    const holder = t.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(727002)');
      return sealAuditChain(second!);
    });
    await expect(holder).resolves.toEqual({ sealed: 0, ran: false });
    expect(await sealAuditChain(t.db)).toEqual({ sealed: 50, ran: true });
    expect(await verifyAuditChain(t.db)).toMatchObject({ intact: true, pending: 0 });
  });
});

describe(`a server killed between writing entries and sealing them (${testEngine()})`, () => {
  let dataDir: string;
  let pg: TestDatabase | undefined;
  let env: Record<string, string | undefined>;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kaspr-sealer-'));
    if (testEngine() === 'postgres') pg = await createTestDatabase('postgres');
    env = {
      KASPR_ADMIN_EMAIL: ADMIN.email,
      KASPR_ADMIN_PASSWORD: ADMIN.password,
      KASPR_DATA_DIR: dataDir,
      DATABASE_URL: pg?.url ?? '',
      LOG_LEVEL: 'warn',
    };
  });
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await pg?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function admin(baseUrl: string): Promise<Client> {
    const c = new Client(baseUrl);
    const r = await c.login(ADMIN.email, ADMIN.password);
    if (r.status !== 200) throw new Error(`sign-in failed: ${r.status} ${r.text}`);
    return c;
  }
  type Entry = { seq: number; chainSeq: number | null; action: string };

  it('loses nothing and leaves nothing unsealed after the restart', async () => {
    // A sealer that, after its first run at start, would not run again for ten minutes.
    server = await startServerProcess({ ...env, KASPR_AUDIT_SEAL_INTERVAL_MS: '600000' });
    const a = await admin(server.baseUrl);
    for (let i = 0; i < 5; i += 1) expect((await a.get('/api/v1/audit?limit=10')).status).toBe(200);
    const listed = await a.get<{ entries: Entry[] }>('/api/v1/audit?limit=500');
    const waiting = listed.body.entries.filter((e) => e.chainSeq === null);
    expect(waiting.length).toBeGreaterThanOrEqual(6); // the sign-in and five reads of the audit log
    const before = await a.get<{ pending: number; intact: boolean; rows: number }>('/api/v1/audit/verify');
    expect(before.body.intact).toBe(true);
    expect(before.body.pending).toBeGreaterThanOrEqual(waiting.length);

    server.child.kill('SIGKILL');
    await server.exited;

    server = await startServerProcess(env);
    const b = await admin(server.baseUrl);
    // Wait for the condition, not for a time: the sealer seals at start, then every 200 ms.
    const deadline = Date.now() + 60_000;
    let after = await b.get<{ pending: number; intact: boolean; rows: number }>('/api/v1/audit/verify');
    while (after.body.pending > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      after = await b.get('/api/v1/audit/verify');
    }
    expect(after.body).toMatchObject({ intact: true, pending: 0 });
    expect(after.body.rows).toBeGreaterThanOrEqual(before.body.rows + waiting.length);
    const relisted = await b.get<{ entries: Entry[] }>('/api/v1/audit?limit=500');
    for (const e of waiting) {
      const now = relisted.body.entries.find((x) => x.seq === e.seq);
      expect(now, `entry ${e.seq} (${e.action})`).toBeDefined();
      expect(now?.action).toBe(e.action);
      expect(now?.chainSeq).not.toBeNull();
    }

    // A clean stop seals what was written last (the reads above), so nothing waits for the next start.
    expect((await b.get('/api/v1/audit?limit=1')).status).toBe(200);
    expect(await server.stop('SIGTERM')).toBe(0);
    server = undefined;
    const db = pg ? pg.db : await openPglite(join(dataDir, 'pg'));
    try {
      expect(await verifyAuditChain(db)).toMatchObject({ intact: true, pending: 0 });
    } finally {
      if (!pg) await db.close();
    }
  });
});
