// The audit trail: every patient read and write is recorded, the log refuses change, and verify catches tampering.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealAuditChain, verifyAuditChain } from '../src/store/audit.ts';
import { sealAll } from './support/audit.ts';
import { createTestDatabase, testEngine } from './support/database.ts';
import {
  buildWorld,
  SAMPLE_PATIENT,
  startTestServer,
  type TestServer,
  type World,
} from './support/server.ts';

let server: TestServer;
let w: World;

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
});
afterAll(() => server.close());

const db = () => server.ctx.db;

describe('what is audited', () => {
  it('records who, what, which patient, when and from where for each read and write', async () => {
    const created = await w.alice.post('/api/v1/patients', SAMPLE_PATIENT);
    const id = created.body.id as string;
    await w.alice.get(`/api/v1/patients/${id}`);
    await w.alice.get(`/api/v1/patients/${id}/timeline`);
    await w.alice.get(`/api/v1/patients/${id}/versions`);
    await w.alice.patch(
      `/api/v1/patients/${id}`,
      { givenName: 'Tess', reason: 'Preferred name' },
      { 'if-match': 'W/"1"' },
    );
    const rows = await db().query<{
      action: string;
      actor_id: string;
      patient_id: string;
      ip: string;
      outcome: string;
      at: Date;
      request_id: string;
    }>('SELECT * FROM audit_log WHERE patient_id = $1 ORDER BY entry_id', [id]);
    expect(rows.map((r) => r.action)).toEqual([
      'patient.create',
      'patient.read',
      'patient.timeline',
      'patient.history',
      'patient.update',
    ]);
    for (const r of rows) {
      expect(r.actor_id).toBe(w.aliceId);
      expect(r.ip).toBe('127.0.0.1');
      expect(r.outcome).toBe('success');
      expect(r.request_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(r.at).toBeInstanceOf(Date);
    }
  });

  it('records a refused access as denied', async () => {
    const [p] = await db().query<{ id: string }>('SELECT id FROM patients LIMIT 1');
    await w.bob.get(`/api/v1/patients/${p!.id}`);
    const [row] = await db().query<{ outcome: string; actor_id: string }>(
      "SELECT outcome, actor_id FROM audit_log WHERE action = 'patient.read' ORDER BY entry_id DESC LIMIT 1",
    );
    expect(row).toEqual({ outcome: 'denied', actor_id: w.bobId });
  });

  it('keeps names, notes and answers out of the audit details', async () => {
    const rows = await db().query<{ details: unknown }>('SELECT details FROM audit_log');
    const text = JSON.stringify(rows);
    for (const s of ['Testy', 'Patientson', 'Penicillin', 'Preferred name']) expect(text).not.toContain(s);
  });
});

describe('append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE on the audit log', async () => {
    await sealAll(db());
    const before = await verifyAuditChain(db());
    await expect(db().query("UPDATE audit_log SET action = 'x' WHERE seq = 1")).rejects.toThrow(
      /append-only/,
    );
    await expect(db().query('DELETE FROM audit_log WHERE seq = 1')).rejects.toThrow(/append-only/);
    await expect(db().query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    // Sealing again (a sealed entry given another place or hash) is a change like any other.
    await expect(
      db().query("UPDATE audit_log SET seq = seq + 100000, hash = repeat('0', 64) WHERE seq = 1"),
    ).rejects.toThrow(/append-only/);
    const after = await verifyAuditChain(db());
    expect(after).toEqual(before);
    expect(after.intact).toBe(true);
  });

  it('refuses any change to a pending entry other than sealing it', async () => {
    const pending = await db().transaction(async (tx) => {
      const { appendAudit } = await import('../src/store/audit.ts');
      return appendAudit(tx, {
        actorId: null,
        action: 'test.pending',
        resourceType: 'Test',
        outcome: 'success',
      });
    });
    // Its content, even while the chain fields are set in the same statement.
    await expect(
      db().query(
        "UPDATE audit_log SET outcome = 'failed', seq = 999999, prev_hash = 'x', hash = 'y' WHERE entry_id = $1",
        [pending],
      ),
    ).rejects.toThrow(/append-only/);
    await expect(db().query('DELETE FROM audit_log WHERE entry_id = $1', [pending])).rejects.toThrow(
      /append-only/,
    );
    // Half a seal is refused by the table itself.
    await expect(
      db().query('UPDATE audit_log SET seq = 999999 WHERE entry_id = $1', [pending]),
    ).rejects.toThrow(/audit_log_sealed_whole/);
    await sealAll(db());
    const [row] = await db().query<{ outcome: string; seq: number | null }>(
      'SELECT outcome, seq FROM audit_log WHERE entry_id = $1',
      [pending],
    );
    expect(row?.outcome).toBe('success');
    expect(row?.seq).not.toBeNull();
    expect((await verifyAuditChain(db())).intact).toBe(true);
  });

  it('keeps a gapless chain under concurrent writers', async () => {
    await Promise.all(Array.from({ length: 20 }, () => w.alice.get('/api/v1/patients?q=zz')));
    await sealAll(db());
    const v = await verifyAuditChain(db());
    expect(v.intact).toBe(true);
    const [{ n, max }] = (await db().query<{ n: number; max: number }>(
      'SELECT count(*)::int AS n, max(seq)::int AS max FROM audit_log',
    )) as [{ n: number; max: number }];
    expect(n).toBe(max);
    expect(v.rows).toBe(n);
    expect(v.pending).toBe(0);
  });
});

describe('tamper detection', () => {
  /** A fresh database holding `n` sealed entries, with the immutability trigger off as a superuser could. */
  async function tampered(n: number, tamper: (q: (sql: string) => Promise<unknown>) => Promise<void>) {
    const t = await createTestDatabase();
    const { appendAudit } = await import('../src/store/audit.ts');
    for (let i = 0; i < n; i += 1) {
      await t.db.transaction((tx) =>
        appendAudit(tx, { actorId: null, action: `test.${i}`, resourceType: 'Test', outcome: 'success' }),
      );
    }
    await sealAuditChain(t.db);
    expect(await verifyAuditChain(t.db)).toMatchObject({ intact: true, rows: n, pending: 0 });
    await t.db.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change');
    await tamper((sql) => t.db.query(sql));
    try {
      return await verifyAuditChain(t.db);
    } finally {
      await t.drop();
    }
  }

  it('names an edited entry', async () => {
    expect(
      await tampered(5, (q) => q("UPDATE audit_log SET action = 'test.forged' WHERE seq = 3").then(() => {})),
    ).toMatchObject({ intact: false, rows: 2, brokenAt: { seq: 3, problem: 'hash-mismatch' } });
  });

  it('names an edit that also recomputed the hash: the next link breaks', async () => {
    // Whoever rewrites an entry and its hash still leaves the next entry pointing at the old hash.
    expect(
      await tampered(5, (q) =>
        q("UPDATE audit_log SET prev_hash = repeat('a', 64) WHERE seq = 4").then(() => {}),
      ),
    ).toMatchObject({ intact: false, brokenAt: { seq: 4, problem: 'prev-hash-mismatch' } });
  });

  it('names a deleted entry as a gap', async () => {
    expect(await tampered(5, (q) => q('DELETE FROM audit_log WHERE seq = 3').then(() => {}))).toMatchObject({
      intact: false,
      rows: 2,
      brokenAt: { seq: 3, problem: 'gap' },
    });
  });

  it('names reordered entries', async () => {
    // Two entries swap places in the chain.
    expect(
      await tampered(5, async (q) => {
        await q('UPDATE audit_log SET seq = -2 WHERE seq = 2');
        await q('UPDATE audit_log SET seq = 2 WHERE seq = 3');
        await q('UPDATE audit_log SET seq = 3 WHERE seq = -2');
      }),
    ).toMatchObject({ intact: false, rows: 1, brokenAt: { seq: 2, problem: 'prev-hash-mismatch' } });
  });

  it('names a gap left by renumbering', async () => {
    expect(
      await tampered(5, async (q) => {
        await q('UPDATE audit_log SET seq = 6 WHERE seq = 5');
        await q('UPDATE audit_log SET seq = 5 WHERE seq = 4');
      }),
    ).toMatchObject({ intact: false, rows: 3, brokenAt: { seq: 4, problem: 'gap' } });
  });

  it('names an entry that was unsealed to be rewritten later', async () => {
    // Emptying the last entry's chain fields hides it from the chain; the pending count shows it.
    const v = await tampered(5, (q) =>
      q('UPDATE audit_log SET seq = NULL, prev_hash = NULL, hash = NULL WHERE seq = 3').then(() => {}),
    );
    expect(v).toMatchObject({ intact: false, rows: 2, pending: 1, brokenAt: { seq: 3, problem: 'gap' } });
  });
});

describe('kaspr audit verify', () => {
  it('exits 0 on an intact chain and non-zero naming the broken entry', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kaspr-cli-'));
    const env: Record<string, string | undefined> = { ...process.env, KASPR_DATA_DIR: dataDir };
    let t: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
    if (testEngine() === 'postgres') {
      t = await createTestDatabase('postgres');
      env.DATABASE_URL = t.url ?? '';
    } else {
      delete env.DATABASE_URL;
    }
    const kaspr = (...args: string[]) =>
      spawnSync(process.execPath, ['bin/kaspr.mjs', ...args], { env, encoding: 'utf8' });
    try {
      const created = kaspr(
        'user',
        'create',
        '--email',
        'cli@clinic.test',
        '--name',
        'Cli User',
        '--role',
        'nurse',
        '--password',
        'a long cli pass phrase',
      );
      expect(created.stderr).toBe('');
      expect(created.status).toBe(0);
      const ok = kaspr('audit', 'verify');
      expect(ok.status).toBe(0);
      expect(ok.stdout).toMatch(/Audit chain intact: 1 entries/);

      const tamper = `ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change; UPDATE audit_log SET outcome = 'failed' WHERE seq = 1;`;
      if (t) {
        for (const s of tamper.split(';').filter((x) => x.trim())) await t.db.query(s);
      } else {
        const { openPglite } = await import('../src/store/db.ts');
        const pgl = await openPglite(join(dataDir, 'pg'));
        for (const s of tamper.split(';').filter((x) => x.trim())) await pgl.query(s);
        await pgl.close();
      }
      const broken = kaspr('audit', 'verify');
      expect(broken.status).toBe(1);
      expect(broken.stderr).toMatch(/BROKEN at entry 1 \(hash-mismatch\)/);
    } finally {
      await t?.drop();
    }
  });
});
