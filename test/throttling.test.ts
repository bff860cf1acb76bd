// Sign-in throttling fit for a real deployment, over real HTTP: per account and per address, behind trusted proxies
// only, no account enumeration through lockout answers, and no password hashing for throttled callers (R9).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/env.ts';
import { hashOperations } from '../src/security/hash-slots.ts';
import {
  ADMIN,
  Client,
  STAFF_PASSWORD,
  startTestServer,
  type Reply,
  type TestServer,
} from './support/server.ts';

let direct: TestServer;
let proxied: TestServer;

async function setUp(server: TestServer): Promise<void> {
  const admin = new Client(server.baseUrl);
  const setup = await admin.post('/api/v1/setup', { ...ADMIN, serviceName: 'North' });
  expect(setup.status).toBe(201);
  for (const email of ['real@clinic.test', 'roamer@clinic.test', 'victim@clinic.test']) {
    const r = await admin.post('/api/v1/users', {
      email,
      displayName: email.split('@')[0],
      roles: ['nurse'],
      serviceIds: setup.body.user.serviceIds,
      password: STAFF_PASSWORD,
    });
    expect(r.status).toBe(201);
  }
}

beforeAll(async () => {
  direct = await startTestServer();
  proxied = await startTestServer({ KASPR_TRUST_PROXY: '127.0.0.1' });
  await setUp(direct);
  await setUp(proxied);
});
afterAll(async () => {
  await direct.close();
  await proxied.close();
});
beforeEach(async () => {
  for (const s of [direct, proxied]) await s.ctx.db.query('DELETE FROM login_attempts');
});

const login = (server: TestServer, email: string, password: string, from?: string) =>
  new Client(server.baseUrl).post(
    '/api/v1/auth/login',
    { email, password },
    from ? { 'x-forwarded-for': from } : {},
  );

/** What a caller can see of an answer: status, body without the request id, and Retry-After. */
const visible = (r: Reply) => ({
  status: r.status,
  body: { ...(r.body as Record<string, unknown>), requestId: '' },
  retryAfter: r.headers.get('retry-after'),
});

describe('no account enumeration through lockout', () => {
  it('answers a real account and an unknown email identically, attempt by attempt, locked or not', async () => {
    // One server clock for the pair, so "try again in" is compared at the same moment.
    const at = new Date();
    direct.ctx.now = () => at;
    for (let i = 0; i < 8; i += 1) {
      const real = await login(direct, 'real@clinic.test', `wrong ${String(i)}`);
      const ghost = await login(direct, 'ghost@clinic.test', `wrong ${String(i)}`);
      expect(visible(ghost)).toEqual(visible(real));
      expect(real.status).toBe(i < 5 ? 401 : 429);
    }
    direct.ctx.now = () => new Date();
  });

  it('does the same work for both: one hash while open, none while locked', async () => {
    let before = hashOperations();
    await login(direct, 'fresh-ghost@clinic.test', 'a guess');
    expect(hashOperations() - before).toBe(1);
    before = hashOperations();
    await login(direct, 'roamer@clinic.test', 'a guess');
    expect(hashOperations() - before).toBe(1);
    // Both locked by the previous test.
    before = hashOperations();
    expect((await login(direct, 'real@clinic.test', STAFF_PASSWORD)).status).toBe(429);
    expect((await login(direct, 'ghost@clinic.test', STAFF_PASSWORD)).status).toBe(429);
    expect(hashOperations()).toBe(before);
  });
});

describe('per-address limit', () => {
  it('refuses an address after 30 failures, before any hashing, whatever the email', async () => {
    for (let i = 0; i < 30; i += 1) await login(direct, `nobody${String(i)}@clinic.test`, 'a guess');
    const before = hashOperations();
    const r = await login(direct, 'roamer@clinic.test', STAFF_PASSWORD);
    expect(r.status).toBe(429);
    expect(r.body.code).toBe('login-throttled');
    expect(Number(r.headers.get('retry-after'))).toBe(15 * 60);
    expect(hashOperations()).toBe(before);
  });

  it('ignores X-Forwarded-For unless the proxy is trusted, so a client cannot pick its own address', async () => {
    for (let i = 0; i < 30; i += 1) {
      await login(direct, `nobody${String(i)}@clinic.test`, 'a guess', `203.0.113.${String(i)}`);
    }
    expect((await login(direct, 'roamer@clinic.test', STAFF_PASSWORD, '198.51.100.9')).status).toBe(429);
  });

  it('behind a trusted proxy counts each client address, not the proxy’s', async () => {
    for (let i = 0; i < 30; i += 1) {
      await login(proxied, `nobody${String(i)}@clinic.test`, 'a guess', '203.0.113.7');
    }
    expect((await login(proxied, 'roamer@clinic.test', STAFF_PASSWORD, '203.0.113.7')).status).toBe(429);
    expect((await login(proxied, 'roamer@clinic.test', STAFF_PASSWORD, '198.51.100.9')).status).toBe(200);
    const [row] = await proxied.ctx.db.query<{ ip: string }>(
      "SELECT ip FROM audit_log WHERE action = 'auth.login' AND outcome = 'success' ORDER BY entry_id DESC LIMIT 1",
    );
    expect(row?.ip).toBe('198.51.100.9');
  });
});

describe('per-account limit', () => {
  it('locks an account guessed at from many addresses', async () => {
    for (let i = 0; i < 5; i += 1) {
      expect((await login(proxied, 'victim@clinic.test', 'a guess', `192.0.2.${String(i)}`)).status).toBe(
        401,
      );
    }
    const r = await login(proxied, 'victim@clinic.test', STAFF_PASSWORD, '192.0.2.200');
    expect(r.status).toBe(429);
    expect(r.body.code).toBe('login-throttled');
  });
});

describe('no hashing for anonymous callers once set up', () => {
  it('refuses a second setup without hashing its password', async () => {
    const before = hashOperations();
    const r = await new Client(direct.baseUrl).post('/api/v1/setup', {
      email: 'x@clinic.test',
      displayName: 'X',
      password: 'another long pass phrase',
      serviceName: 'Other',
    });
    expect(r.status).toBe(409);
    expect(hashOperations()).toBe(before);
  });
});

describe('KASPR_TRUST_PROXY', () => {
  it('is off by default and takes addresses, CIDR ranges or a hop count', () => {
    expect(loadConfig({}).KASPR_TRUST_PROXY).toBe(false);
    expect(loadConfig({ KASPR_TRUST_PROXY: '10.0.0.0/8, 192.168.1.1,::1' }).KASPR_TRUST_PROXY).toEqual([
      '10.0.0.0/8',
      '192.168.1.1',
      '::1',
    ]);
    expect(loadConfig({ KASPR_TRUST_PROXY: '2' }).KASPR_TRUST_PROXY).toBe(2);
  });
  it('refuses "true" (trust anyone) and malformed ranges, naming the setting', () => {
    expect(() => loadConfig({ KASPR_TRUST_PROXY: 'true' })).toThrow(/KASPR_TRUST_PROXY/);
    expect(() => loadConfig({ KASPR_TRUST_PROXY: '10.0.0.0/33' })).toThrow(/KASPR_TRUST_PROXY/);
  });
});
