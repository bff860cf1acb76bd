// Deadlines towards the database: a frozen PostgreSQL link makes /readyz 503 quickly and requests 503
// problem+json within the query deadline, and the server recovers without a restart when the link thaws.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine, type TestDatabase } from './support/database.ts';
import { startFreezableProxy, type FreezableProxy } from './support/freezable-proxy.ts';
import { startServerProcess, type ServerProcess } from './support/process.ts';
import { Client } from './support/server.ts';

const ADMIN = { email: 'deadline@clinic.test', password: 'deadline pass phrase 2026' };
const QUERY_TIMEOUT_MS = 3_000;
const onPostgres = testEngine() === 'postgres';

let pgDb: TestDatabase | undefined;
let proxy: FreezableProxy;
let server: ServerProcess;

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await fn();
  return { value, ms: Date.now() - started };
}

// The embedded engine has no link to freeze: these deadlines exist only towards PostgreSQL.
describe.skipIf(!onPostgres)('a frozen PostgreSQL link', () => {
  beforeAll(async () => {
    pgDb = await createTestDatabase('postgres');
    const target = new URL(pgDb.url!);
    proxy = await startFreezableProxy(target.hostname, Number(target.port || 5432));
    const viaProxy = new URL(pgDb.url!);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    server = await startServerProcess({
      DATABASE_URL: viaProxy.toString(),
      KASPR_DATA_DIR: mkdtempSync(join(tmpdir(), 'kaspr-deadline-')),
      KASPR_ADMIN_EMAIL: ADMIN.email,
      KASPR_ADMIN_PASSWORD: ADMIN.password,
      KASPR_DB_CONNECT_TIMEOUT_MS: '2000',
      KASPR_DB_STATEMENT_TIMEOUT_MS: '2000',
      KASPR_DB_QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS),
      KASPR_READY_TIMEOUT_MS: '1500',
      LOG_LEVEL: 'warn',
    });
  });
  afterAll(async () => {
    proxy.unfreeze();
    await server.stop('SIGKILL');
    await proxy.close();
    await pgDb?.drop();
  });

  it('makes /readyz answer 503 problem+json within 2 s, API reads 503 database-unavailable within the query deadline, and recovers when it thaws', async () => {
    const c = new Client(server.baseUrl);
    expect((await c.login(ADMIN.email, ADMIN.password)).status).toBe(200);
    expect((await c.get('/api/v1/me')).status).toBe(200);

    proxy.freeze();
    const ready = await timed(() => fetch(`${server.baseUrl}/readyz`));
    expect(ready.value.status).toBe(503);
    expect(ready.value.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await ready.value.json()).toMatchObject({ status: 503, code: 'database-unavailable' });
    expect(ready.ms).toBeLessThan(2_000);

    // Several reads at once, more than a connection's worth: none may hang for the stall, none may be a 500.
    const reads = await timed(() => Promise.all([1, 2, 3, 4].map(() => c.get('/api/v1/me'))));
    for (const r of reads.value) {
      expect(r.status).toBe(503);
      expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(r.body).toMatchObject({ code: 'database-unavailable' });
    }
    expect(reads.ms).toBeLessThan(QUERY_TIMEOUT_MS + 2_500);

    proxy.unfreeze();
    const deadline = Date.now() + 15_000;
    let readyAgain = 0;
    while (Date.now() < deadline) {
      readyAgain = (await fetch(`${server.baseUrl}/readyz`)).status;
      if (readyAgain === 200) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(readyAgain).toBe(200);
    expect((await c.get('/api/v1/me')).status).toBe(200);
    expect(server.child.exitCode).toBeNull();
  });

  it('times out a new connection that the frozen link never completes', async () => {
    const c = new Client(server.baseUrl);
    expect((await c.login(ADMIN.email, ADMIN.password)).status).toBe(200);
    proxy.freeze();
    try {
      // Enough parallel reads to need connections the pool does not have open yet.
      const reads = await timed(() => Promise.all(Array.from({ length: 12 }, () => c.get('/api/v1/me'))));
      for (const r of reads.value) expect(r.status).toBe(503);
      expect(reads.ms).toBeLessThan(QUERY_TIMEOUT_MS + 2_500);
    } finally {
      proxy.unfreeze();
    }
  });
});
