// Starts the real HTTP server on a free loopback port over a fresh test database, with a cookie-aware client.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/api/app.ts';
import type { AppContext, KasprApp } from '../../src/api/context.ts';
import { loadConfig } from '../../src/config/env.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

export interface TestServer {
  baseUrl: string;
  app: KasprApp;
  ctx: AppContext;
  database: TestDatabase;
  close: () => Promise<void>;
}

export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  const config = loadConfig({
    KASPR_DATA_DIR: mkdtempSync(join(tmpdir(), 'kaspr-test-')),
    LOG_LEVEL: 'silent',
    ...env,
  });
  const ctx: AppContext = { db: database.db, config, now: () => new Date() };
  const app = await buildApp(ctx);
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    baseUrl,
    app,
    ctx,
    database,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

/** A browser-like HTTP client: keeps the session cookie and sends the CSRF token on writes. */
export class Client {
  cookie = '';
  csrfToken = '';
  constructor(readonly baseUrl: string) {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (method !== 'GET' && this.csrfToken && !('x-csrf-token' in h)) h['x-csrf-token'] = this.csrfToken;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await fetch(this.baseUrl + path, { method, headers: h, body: payload, redirect: 'manual' });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const m = /^([^=]+)=([^;]*)/.exec(setCookie);
      if (m) this.cookie = m[2] ? `${m[1]}=${m[2]}` : '';
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    const maybe = parsed as { csrfToken?: unknown } | undefined;
    if (maybe && typeof maybe === 'object' && typeof maybe.csrfToken === 'string')
      this.csrfToken = maybe.csrfToken;
    return { status: res.status, body: parsed as T, headers: res.headers, text };
  }

  get<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, undefined, headers);
  }
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body ?? {}, headers);
  }
  patch<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', path, body ?? {}, headers);
  }

  async login(email: string, password: string, totp?: string): Promise<Reply> {
    return this.post('/api/v1/auth/login', { email, password, ...(totp ? { totp } : {}) });
  }
}

export const ADMIN = {
  email: 'admin@clinic.test',
  password: 'admin pass phrase 2026',
  displayName: 'Ada Admin',
};
export const STAFF_PASSWORD = 'staff pass phrase 2026';

export interface World {
  server: TestServer;
  admin: Client;
  serviceA: string;
  serviceB: string;
  /** A practitioner in service A, and one in service B. */
  alice: Client;
  bob: Client;
  aliceId: string;
  bobId: string;
}

/** Sets up an organisation with two services and a clinician in each, all signed in. */
export async function buildWorld(server: TestServer): Promise<World> {
  const admin = new Client(server.baseUrl);
  const setup = await admin.post('/api/v1/setup', { ...ADMIN, serviceName: 'North Team' });
  if (setup.status !== 201) throw new Error(`setup failed: ${setup.text}`);
  const serviceA = setup.body.user.serviceIds[0] as string;
  const b = await admin.post('/api/v1/services', { name: 'South Team' });
  const serviceB = b.body.id as string;
  const make = async (email: string, name: string, serviceId: string) => {
    const r = await admin.post('/api/v1/users', {
      email,
      displayName: name,
      roles: ['practitioner'],
      serviceIds: [serviceId],
      password: STAFF_PASSWORD,
    });
    if (r.status !== 201) throw new Error(`create user failed: ${r.text}`);
    const c = new Client(server.baseUrl);
    const l = await c.login(email, STAFF_PASSWORD);
    if (l.status !== 200) throw new Error(`login failed: ${l.text}`);
    return { client: c, id: r.body.user.id as string };
  };
  const alice = await make('alice@clinic.test', 'Alice North', serviceA);
  const bob = await make('bob@clinic.test', 'Bob South', serviceB);
  return {
    server,
    admin,
    serviceA,
    serviceB,
    alice: alice.client,
    bob: bob.client,
    aliceId: alice.id,
    bobId: bob.id,
  };
}

/** Adds a staff member with the given roles (password STAFF_PASSWORD) and signs them in. */
export async function addStaff(
  w: World,
  email: string,
  displayName: string,
  roles: string[],
  serviceIds: string[],
): Promise<{ client: Client; id: string }> {
  const r = await w.admin.post('/api/v1/users', {
    email,
    displayName,
    roles,
    serviceIds,
    password: STAFF_PASSWORD,
  });
  if (r.status !== 201) throw new Error(`create user failed: ${r.text}`);
  const client = new Client(w.server.baseUrl);
  const l = await client.login(email, STAFF_PASSWORD);
  if (l.status !== 200) throw new Error(`login failed: ${l.text}`);
  return { client, id: r.body.user.id as string };
}

export const SAMPLE_PATIENT = {
  givenName: 'Testy',
  familyName: 'Patientson',
  birthDate: '1988-04-12',
  sex: 'female',
  identifiers: [
    { system: 'nhs', value: '943 476 5919' },
    { system: 'mrn', value: 'MRN-0001' },
  ],
  weight: { kg: 70, measuredOn: '2026-11-01' },
  allergies: [{ substance: 'Penicillin', reaction: 'Rash', severity: 'moderate' }],
  medications: [{ name: 'Sertraline', dose: '50 mg', route: 'oral', frequency: 'once daily' }],
};
