// The server as an operator runs it: first admin from the environment, data-folder lock, clean shutdown, quiet logs.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine, type TestDatabase } from './support/database.ts';
import { startServerProcess, type ServerProcess } from './support/process.ts';
import { Client, SAMPLE_PATIENT } from './support/server.ts';

const ADMIN_ENV = {
  KASPR_ADMIN_EMAIL: 'boot@clinic.test',
  KASPR_ADMIN_PASSWORD: 'boot pass phrase 2026',
  LOG_LEVEL: 'info',
};
let dataDir: string;
let pgDb: TestDatabase | undefined;
let env: Record<string, string | undefined>;
let server: ServerProcess;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kaspr-proc-'));
  if (testEngine() === 'postgres') pgDb = await createTestDatabase('postgres');
  env = { ...ADMIN_ENV, KASPR_DATA_DIR: dataDir, DATABASE_URL: pgDb?.url ?? '' };
  server = await startServerProcess(env);
});
afterAll(async () => {
  await server.stop('SIGKILL');
  await pgDb?.drop();
});

describe('starting', () => {
  it('serves health and readiness, and creates the admin from the environment', async () => {
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.baseUrl}/readyz`)).status).toBe(200);
    const c = new Client(server.baseUrl);
    expect((await c.get('/api/v1/setup')).body).toEqual({ needed: false });
    const login = await c.login(ADMIN_ENV.KASPR_ADMIN_EMAIL, ADMIN_ENV.KASPR_ADMIN_PASSWORD);
    expect(login.status).toBe(200);
    expect(login.body.user.roles).toEqual(['admin']);
  });

  it('publishes an OpenAPI document generated from the request schemas', async () => {
    const doc = (await (await fetch(`${server.baseUrl}/api/v1/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: {
              content: { 'application/json': { schema: { properties: Record<string, unknown> } } };
            };
          }
        >
      >;
    };
    expect(doc.openapi).toMatch(/^3\./);
    const create = doc.paths['/api/v1/patients']?.post?.requestBody?.content['application/json'].schema;
    expect(Object.keys(create?.properties ?? {})).toEqual(
      expect.arrayContaining(['givenName', 'familyName', 'birthDate', 'identifiers']),
    );
  });
});

describe('a second server process', () => {
  it('is refused on the same embedded data folder, naming the holder; on PostgreSQL it shares the database', async () => {
    const second = await startServerProcess(env, testEngine() === 'postgres');
    if (testEngine() === 'pglite') {
      const code = await second.exited;
      expect(code).not.toBe(0);
      expect(second.output()).toMatch(/in use by another KASPR process \(pid \d+\)/);
    } else {
      // Several stateless app servers over one PostgreSQL: a session made on one is valid on the other.
      const c = new Client(server.baseUrl);
      await c.login(ADMIN_ENV.KASPR_ADMIN_EMAIL, ADMIN_ENV.KASPR_ADMIN_PASSWORD);
      const other = new Client(second.baseUrl);
      other.cookie = c.cookie;
      expect((await other.get('/api/v1/me')).status).toBe(200);
      expect(await second.stop('SIGTERM')).toBe(0);
    }
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
  });
});

describe('logs', () => {
  it('carry ids and routes, never patient names, identifiers or passwords', async () => {
    const c = new Client(server.baseUrl);
    await c.login(ADMIN_ENV.KASPR_ADMIN_EMAIL, ADMIN_ENV.KASPR_ADMIN_PASSWORD);
    const me = await c.get('/api/v1/me');
    await c.patch(`/api/v1/users/${me.body.user.id}`, { roles: ['admin', 'practitioner'] });
    await c.login(ADMIN_ENV.KASPR_ADMIN_EMAIL, ADMIN_ENV.KASPR_ADMIN_PASSWORD);
    expect((await c.post('/api/v1/patients', SAMPLE_PATIENT)).status).toBe(201);
    expect((await c.get('/api/v1/patients?q=Patientson')).status).toBe(200);
    expect((await c.get('/api/v1/patients?q=9434765919')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    const log = server.output();
    expect(log).toContain('/api/v1/patients');
    for (const s of [
      'Testy',
      'Patientson',
      '9434765919',
      'Penicillin',
      ADMIN_ENV.KASPR_ADMIN_PASSWORD,
      c.cookie.split('=')[1]!,
    ]) {
      expect(log).not.toContain(s);
    }
  });
});

describe('stopping', () => {
  it('shuts down cleanly on SIGTERM, releases the lock, and keeps the data for the next start', async () => {
    expect(await server.stop('SIGTERM')).toBe(0);
    expect(existsSync(join(dataDir, 'kaspr.lock'))).toBe(false);
    server = await startServerProcess(env);
    const c = new Client(server.baseUrl);
    expect((await c.login(ADMIN_ENV.KASPR_ADMIN_EMAIL, ADMIN_ENV.KASPR_ADMIN_PASSWORD)).status).toBe(200);
    expect((await c.get('/api/v1/patients?q=Patientson')).body.patients).toHaveLength(1);
  });
});
