// A clean stop under load, started exactly as `npm start` starts the server: SIGTERM reaches the server
// itself, in-flight writes finish, idle keep-alive connections close, the database closes and the lock goes,
// within the shutdown deadline; every write that was answered 2xx is there after a restart, and the audit
// chain verifies.
import { existsSync, mkdtempSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine, type TestDatabase } from './support/database.ts';
import { NPM_START, startScript, startServerProcess, type ServerProcess } from './support/process.ts';
import { openSocket } from './support/raw-http.ts';
import { Client, SAMPLE_PATIENT } from './support/server.ts';

const ADMIN = { email: 'stop@clinic.test', password: 'stop pass phrase 2026' };
const SHUTDOWN_TIMEOUT_MS = 10_000;
let dataDir: string;
let pgDb: TestDatabase | undefined;
let env: Record<string, string>;
let servers: ServerProcess[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kaspr-stop-'));
  if (testEngine() === 'postgres') pgDb = await createTestDatabase('postgres');
  env = {
    KASPR_DATA_DIR: dataDir,
    DATABASE_URL: pgDb?.url ?? '',
    KASPR_ADMIN_EMAIL: ADMIN.email,
    KASPR_ADMIN_PASSWORD: ADMIN.password,
    KASPR_SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
    LOG_LEVEL: 'info',
  };
});
afterAll(async () => {
  for (const s of servers) await s.stop('SIGTERM');
  await pgDb?.drop();
});

async function practitioner(baseUrl: string): Promise<Client> {
  const c = new Client(baseUrl);
  expect((await c.login(ADMIN.email, ADMIN.password)).status).toBe(200);
  return c;
}

/** A keep-alive connection that has had one answer and now sits idle. */
async function idleKeepAlive(baseUrl: string): Promise<Socket> {
  const socket = await openSocket(baseUrl);
  socket.on('error', () => undefined);
  const answered = new Promise<void>((resolve) => socket.once('data', () => resolve()));
  socket.write(`GET /healthz HTTP/1.1\r\nHost: ${new URL(baseUrl).host}\r\nConnection: keep-alive\r\n\r\n`);
  await answered;
  return socket;
}

describe('stopping under load', () => {
  it('npm start makes the server the process that receives the signal (no relaying runner, no shell between)', () => {
    expect(startScript()).toEqual(['exec', 'node', '--import', 'tsx', 'src/server/main.ts']);
  });

  it('on SIGTERM finishes in-flight writes, closes idle keep-alive connections and the database, releases the lock and exits 0 within the deadline; every 2xx write survives and the audit chain verifies', async () => {
    const server = await startServerProcess(env, true, NPM_START);
    servers.push(server);
    const admin = await practitioner(server.baseUrl);
    const me = await admin.get('/api/v1/me');
    await admin.patch(`/api/v1/users/${me.body.user.id}`, { roles: ['admin', 'practitioner'] });
    const writer = await practitioner(server.baseUrl);

    const idle = await Promise.all([1, 2, 3, 4, 5].map(() => idleKeepAlive(server.baseUrl)));

    const saved: string[] = [];
    let attempts = 0;
    let stopWriting = false;
    const worker = async (w: number) => {
      for (let n = 0; !stopWriting && n < 500; n += 1) {
        attempts += 1;
        try {
          const { identifiers: _ids, ...rest } = SAMPLE_PATIENT;
          const r = await writer.post('/api/v1/patients', { ...rest, familyName: `Stopload${w}x${n}` });
          if (r.status >= 200 && r.status < 300) saved.push(r.body.id as string);
        } catch {
          // Refused or reset once the server stops listening: that write was never acknowledged.
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    };
    const workers = [1, 2, 3, 4].map((w) => worker(w));
    while (saved.length < 10) await new Promise((r) => setTimeout(r, 20));

    // SIGTERM to npm, as a container runtime or a terminal's Ctrl-C would send it: npm relays it to its child.
    const signalled = Date.now();
    server.child.kill('SIGTERM');
    const code = await Promise.race([
      server.exited,
      new Promise<'still running'>((r) => setTimeout(() => r('still running'), SHUTDOWN_TIMEOUT_MS + 5_000)),
    ]);
    const tookMs = Date.now() - signalled;
    stopWriting = true;
    await Promise.all(workers);
    for (const s of idle) s.destroy();

    expect(code, server.output()).toBe(0);
    expect(tookMs).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
    expect(server.output()).toContain('stopped cleanly');
    if (testEngine() === 'pglite') expect(existsSync(join(dataDir, 'kaspr.lock'))).toBe(false);
    expect(saved.length).toBeGreaterThanOrEqual(10);
    expect(attempts).toBeGreaterThan(saved.length - 1);

    const again = await startServerProcess(env, true, NPM_START);
    servers.push(again);
    const reader = await practitioner(again.baseUrl);
    for (const id of saved) {
      expect((await reader.get(`/api/v1/patients/${id}`)).status, id).toBe(200);
    }
    const verify = await reader.get('/api/v1/audit/verify');
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({ intact: true });
    expect(await again.stop('SIGTERM')).toBe(0);
    servers = [];
  }, 300_000);
});
