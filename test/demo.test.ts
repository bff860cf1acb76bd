// `kaspr demo` end to end: the CLI builds the demo service in a fresh database (embedded, or PostgreSQL under
// KASPR_TEST_DB=postgres); the records are checked in the database, both hash chains verify, and every printed
// sign-in works against the real app, whose outcomes dashboard has something to show for its default period.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/api/app.ts';
import type { AppContext, KasprApp } from '../src/api/context.ts';
import { loadConfig } from '../src/config/env.ts';
import { verifyAuditChain } from '../src/store/audit.ts';
import { openPglite, type Database } from '../src/store/db.ts';
import { verifyLedgerBalances, verifyLedgerChain } from '../src/store/ledger.ts';
import { createTestDatabase, testEngine, type TestDatabase } from './support/database.ts';
import { Client } from './support/server.ts';

interface SignIn {
  role: string;
  email: string;
  password: string;
}

let dataDir = '';
let pg: TestDatabase | undefined;
let db: Database;
let stdout = '';
let signIns: SignIn[] = [];

function kaspr(...args: string[]) {
  const env: Record<string, string | undefined> = { ...process.env, KASPR_DATA_DIR: dataDir };
  if (pg?.url) env.DATABASE_URL = pg.url;
  else delete env.DATABASE_URL;
  return spawnSync(process.execPath, ['bin/kaspr.mjs', ...args], { env, encoding: 'utf8' });
}

const count = async (sql: string, params: unknown[] = []): Promise<number> =>
  (await db.query<{ n: number }>(sql, params))[0]?.n ?? 0;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kaspr-demo-'));
  if (testEngine() === 'postgres') pg = await createTestDatabase('postgres');
  const run = kaspr('demo', '--patients', '40', '--seed', '7');
  stdout = run.stdout;
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  signIns = [...stdout.matchAll(/^ {2}(\S[^@\n]*?)\s+(\S+@example\.org)\s+(\S+)$/gm)].map((m) => ({
    role: (m[1] ?? '').trim(),
    email: m[2] ?? '',
    password: m[3] ?? '',
  }));
  db = pg ? pg.db : await openPglite(join(dataDir, 'pg'));
}, 300_000);

afterAll(async () => {
  if (pg) await pg.drop();
  else await db.close();
});

describe('kaspr demo', () => {
  it('adds the people asked for, registered over about 18 months', async () => {
    expect(stdout).toMatch(/Added 40 synthetic people to "Demo service"/);
    expect(await count('SELECT count(*)::int AS n FROM patients')).toBe(40);
    const [span] = await db.query<{ days: number }>(
      `SELECT (extract(epoch FROM max(created_at) - min(created_at)) / 86400)::int AS days FROM patients`,
    );
    expect(span?.days).toBeGreaterThan(240);
  });

  it('writes the harm pathway: assessments with decisions and overrides, care plans, missed appointments', async () => {
    expect(await count('SELECT count(*)::int AS n FROM harm_assessments')).toBeGreaterThan(20);
    expect(
      await count(
        'SELECT count(*)::int AS n FROM harm_assessments a WHERE NOT EXISTS (SELECT 1 FROM harm_decisions d WHERE d.assessment_id = a.id)',
      ),
    ).toBe(0);
    expect(
      await count("SELECT count(*)::int AS n FROM harm_decisions WHERE overridden AND reason <> ''"),
    ).toBeGreaterThan(0);
    expect(await count('SELECT count(*)::int AS n FROM care_plans')).toBeGreaterThan(10);
    expect(
      await count("SELECT count(*)::int AS n FROM appointment_events WHERE status = 'did-not-attend'"),
    ).toBeGreaterThan(0);
    expect(
      await count("SELECT count(*)::int AS n FROM appointment_events WHERE status = 'attended'"),
    ).toBeGreaterThan(20);
  });

  it('writes the treatment pathway: consents, dosing sessions with vitals and discharges, integration sessions', async () => {
    expect(await count('SELECT count(*)::int AS n FROM consents')).toBeGreaterThan(0);
    expect(await count('SELECT count(*)::int AS n FROM treatment_eligibility')).toBeGreaterThan(0);
    const sessions = await count('SELECT count(*)::int AS n FROM treatment_sessions');
    expect(sessions).toBeGreaterThan(5);
    expect(await count('SELECT count(*)::int AS n FROM session_discharges')).toBe(sessions);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM treatment_sessions s WHERE
           (SELECT count(*) FROM session_events e WHERE e.session_id = s.id AND e.kind = 'vitals') < 3
           OR NOT EXISTS (SELECT 1 FROM session_events e WHERE e.session_id = s.id AND e.kind = 'administration-start')`,
      ),
    ).toBe(0);
    expect(
      await count("SELECT count(*)::int AS n FROM therapy_sessions WHERE kind = 'integration'"),
    ).toBeGreaterThan(0);
  });

  it('spreads questionnaire responses over more than 12 months', async () => {
    const [r] = await db.query<{ n: number; days: number }>(
      `SELECT count(*)::int AS n, (extract(epoch FROM max(completed_at) - min(completed_at)) / 86400)::int AS days
         FROM questionnaire_responses WHERE instrument_id = 'phq-9'`,
    );
    expect(r?.n).toBeGreaterThan(40);
    expect(r?.days).toBeGreaterThan(365);
  });

  it('keeps a controlled-drug register whose chain verifies and whose balances agree', async () => {
    for (const kind of ['receipt', 'administration', 'waste', 'count'])
      expect(
        await count('SELECT count(*)::int AS n FROM cd_entries WHERE kind = $1', [kind]),
      ).toBeGreaterThan(0);
    expect((await verifyLedgerChain(db)).intact).toBe(true);
    expect(await verifyLedgerBalances(db)).toEqual([]);
    // Every dose is drawn from the register.
    expect(
      await count(
        `SELECT count(*)::int AS n FROM treatment_sessions s
          WHERE NOT EXISTS (SELECT 1 FROM cd_entries c WHERE c.session_id = s.id::text AND c.kind = 'administration')`,
      ),
    ).toBe(0);
  });

  it('adds calibration vignettes rated by several clinicians', async () => {
    expect(await count('SELECT count(*)::int AS n FROM calibration_vignettes')).toBeGreaterThan(3);
    expect(
      await count('SELECT count(DISTINCT rater_id)::int AS n FROM calibration_ratings'),
    ).toBeGreaterThanOrEqual(3);
  });

  it('seals every audit entry into an intact chain', async () => {
    const chain = await verifyAuditChain(db);
    expect(chain.intact).toBe(true);
    expect(chain.pending).toBe(0);
    expect(chain.rows).toBeGreaterThan(500);
  });

  it('prints one working sign-in per role, and the outcomes dashboard has counts for its default period', async () => {
    const roles = new Set(signIns.flatMap((s) => s.role.split(', ')));
    for (const role of ['admin', 'supervisor', 'prescriber', 'nurse', 'practitioner', 'cd-officer'])
      expect(roles.has(role)).toBe(true);
    const config = loadConfig({ KASPR_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const ctx: AppContext = { db, config, now: () => new Date() };
    const app: KasprApp = await buildApp(ctx);
    const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      for (const s of signIns) {
        const client = new Client(baseUrl);
        const login = await client.login(s.email, s.password);
        expect(login.status, `${s.email} signs in`).toBe(200);
      }
      const supervisor = signIns.find((s) => s.role === 'supervisor');
      const client = new Client(baseUrl);
      await client.login(supervisor?.email ?? '', supervisor?.password ?? '');
      const to = new Date().toISOString().slice(0, 10);
      const from = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10);
      const series = await client.get(`/api/v1/reports/service-outcomes/series?from=${from}&to=${to}`);
      expect(series.status).toBe(200);
      const funnel = series.body.funnel.value;
      expect(funnel.inContact).toBeGreaterThan(0);
      expect(funnel.assessed).toBeGreaterThan(0);
      expect(funnel.carePlanned).toBeGreaterThan(0);
      expect(funnel.interventionDelivered).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });

  it('runs again on the same database, reusing the service and staff and adding more people', async () => {
    // The embedded database is one process's at a time: let the CLI have it.
    if (!pg) await db.close();
    const again = kaspr('demo', '--patients', '5', '--seed', '7');
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/it already had 40/);
    if (!pg) db = await openPglite(join(dataDir, 'pg'));
    expect(await count('SELECT count(*)::int AS n FROM patients')).toBe(45);
    expect(await count("SELECT count(*)::int AS n FROM services WHERE name = 'Demo service'")).toBe(1);
    expect((await verifyLedgerChain(db)).intact).toBe(true);
    expect(await verifyLedgerBalances(db)).toEqual([]);
    const chain = await verifyAuditChain(db);
    expect(chain.intact).toBe(true);
    expect(chain.pending).toBe(0);
  });
}, 300_000);
