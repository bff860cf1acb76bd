// A write sent again with the same Idempotency-Key replays the first response instead of recording twice.
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { buildApp } from '../src/api/app.ts';
import { loadConfig } from '../src/config/env.ts';
import { api, setCsrfToken } from '../web/src/api/client.ts';
import { createTestDatabase } from './support/database.ts';
import { startIvSession } from './support/treatment.ts';
import {
  ADMIN,
  buildWorld,
  Client,
  STAFF_PASSWORD,
  startTestServer,
  type Reply,
  type TestServer,
  type World,
} from './support/server.ts';

let server: TestServer;
let w: World;
let prescriber: Client;
let officer: Client;
let prescriberId: string;
let productId: string;
let safeId: string;

const CD = '/api/v1/cd-register';
const today = new Date().toISOString().slice(0, 10);
const key = () => ({ 'idempotency-key': randomUUID() });

const patient = (familyName: string) => ({ givenName: 'Ida', familyName, birthDate: '1985-03-04' });

async function patientsNamed(client: Client, familyName: string): Promise<number> {
  const r = await client.get(`/api/v1/patients?q=${encodeURIComponent(familyName)}`);
  expect(r.status).toBe(200);
  return (r.body.patients as { familyName: string }[]).filter((p) => p.familyName === familyName).length;
}

async function registerLines(kind: string): Promise<{ entry: { kind: string; sessionId?: string } }[]> {
  const r = await officer.get(`${CD}/entries?productId=${productId}&locationId=${safeId}`);
  expect(r.status).toBe(200);
  return (r.body.lines as { entry: { kind: string } }[]).filter((l) => l.entry.kind === kind);
}

async function safeBalanceMg(): Promise<number> {
  const balances = (await officer.get(`${CD}/balances`)).body.balances as {
    locationId: string;
    mg: number;
  }[];
  return balances.find((b) => b.locationId === safeId)?.mg ?? 0;
}

function expectReplayOf(first: Reply, second: Reply): void {
  expect(second.status).toBe(first.status);
  expect(second.text).toBe(first.text);
  expect(second.headers.get('content-type')).toBe(first.headers.get('content-type'));
  expect(first.headers.get('idempotent-replayed')).toBeNull();
  expect(second.headers.get('idempotent-replayed')).toBe('true');
}

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
  const p = await w.admin.post('/api/v1/users', {
    email: 'rx@clinic.test',
    displayName: 'Rex Prescriber',
    roles: ['prescriber'],
    serviceIds: [w.serviceA],
    password: STAFF_PASSWORD,
  });
  prescriberId = p.body.user.id;
  await w.admin.post(`/api/v1/users/${prescriberId}/credentials`, { kind: 'ACLS', expiresOn: '2099-01-01' });
  await w.admin.post('/api/v1/users', {
    email: 'cdo@clinic.test',
    displayName: 'Carla Officer',
    roles: ['cd-officer'],
    serviceIds: [w.serviceA],
    password: STAFF_PASSWORD,
  });
  prescriber = new Client(server.baseUrl);
  await prescriber.login('rx@clinic.test', STAFF_PASSWORD);
  officer = new Client(server.baseUrl);
  await officer.login('cdo@clinic.test', STAFF_PASSWORD);
  productId = (
    await officer.post(`${CD}/products`, {
      drug: 'Ketamine hydrochloride',
      form: 'solution for injection',
      strength: { mgPerMl: 10 },
      containerSize: 5,
      containerName: 'vial',
      code: { system: 'other', value: 'KET-10-5' },
      schedule: { uk: { schedule: 2, drugClass: 'B' } },
    })
  ).body.id;
  safeId = (await officer.post(`${CD}/locations`, { name: 'Infusion suite safe', premises: 'North Clinic' }))
    .body.id;
});
afterAll(() => server.close());

const receipt = (invoice: string) => ({
  kind: 'receipt',
  productId,
  locationId: safeId,
  quantity: { containers: 4 },
  supplier: { name: 'Acme Wholesale', address: '1 Main St' },
  invoice,
  lot: 'L1',
  expiry: '2028-01-01',
});

describe('Idempotency-Key on writes', () => {
  it('registers a patient once for the same POST /patients sent twice with one key, replaying the first reply', async () => {
    const headers = key();
    const first = await w.alice.post('/api/v1/patients', patient('Onceonly'), headers);
    expect(first.status).toBe(201);
    const second = await w.alice.post('/api/v1/patients', patient('Onceonly'), headers);
    expectReplayOf(first, second);
    expect(second.body.id).toBe(first.body.id);
    expect(await patientsNamed(w.alice, 'Onceonly')).toBe(1);
    const audited = await server.ctx.db.query<{ actor_id: string }>(
      "SELECT actor_id FROM audit_log WHERE action = 'request.replay' AND request_id IS NOT NULL",
    );
    expect(audited.map((a) => a.actor_id)).toContain(w.aliceId);
  });

  it('treats the same body with its keys in another order as the same request', async () => {
    const headers = key();
    const first = await w.alice.post('/api/v1/patients', patient('Reordered'), headers);
    const { birthDate, familyName, givenName } = patient('Reordered');
    const second = await w.alice.post('/api/v1/patients', { birthDate, givenName, familyName }, headers);
    expectReplayOf(first, second);
    expect(await patientsNamed(w.alice, 'Reordered')).toBe(1);
  });

  it('refuses the same key with a different body with 422 idempotency-key-reused and records nothing more', async () => {
    const headers = key();
    expect((await w.alice.post('/api/v1/patients', patient('Keyowner'), headers)).status).toBe(201);
    const other = await w.alice.post('/api/v1/patients', patient('Keythief'), headers);
    expect(other.status).toBe(422);
    expect(other.headers.get('content-type')).toContain('application/problem+json');
    expect(other.body.code).toBe('idempotency-key-reused');
    expect(await patientsNamed(w.alice, 'Keythief')).toBe(0);
  });

  it('refuses the same key sent to the same route for another record (another path) with 422', async () => {
    const headers = key();
    const a = (await w.alice.post('/api/v1/patients', patient('Pathone'))).body.id as string;
    const b = (await w.alice.post('/api/v1/patients', patient('Pathtwo'))).body.id as string;
    const note = { kind: 'note', text: 'Seen in clinic' };
    const first = await w.alice.post(`/api/v1/patients/${a}/responses`, note, headers);
    const second = await w.alice.post(`/api/v1/patients/${b}/responses`, note, headers);
    // Whatever the first answered (it may refuse this body), the second is a different request.
    expect(first.status).toBeLessThan(500);
    expect(second.status).toBe(422);
    expect(second.body.code).toBe('idempotency-key-reused');
  });

  it('never replays one user’s key to another user: the same key from another user runs as their own request', async () => {
    const headers = key();
    const alices = await w.alice.post('/api/v1/patients', patient('Alicekey'), headers);
    expect(alices.status).toBe(201);
    const bobs = await w.bob.post('/api/v1/patients', patient('Alicekey'), headers);
    expect(bobs.status).toBe(201);
    expect(bobs.headers.get('idempotent-replayed')).toBeNull();
    expect(bobs.body.id).not.toBe(alices.body.id);
    expect(await patientsNamed(w.bob, 'Alicekey')).toBe(1);
    expect(await patientsNamed(w.alice, 'Alicekey')).toBe(1);
  });

  it('records each request without a key, as before', async () => {
    const first = await w.alice.post('/api/v1/patients', patient('Nokey'));
    const second = await w.alice.post('/api/v1/patients', patient('Nokey'));
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    expect(await patientsNamed(w.alice, 'Nokey')).toBe(2);
  });

  it('refuses a malformed key with 400 before anything is recorded', async () => {
    const r = await w.alice.post('/api/v1/patients', patient('Badkey'), { 'idempotency-key': 'a b' });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('bad-request');
    expect(await patientsNamed(w.alice, 'Badkey')).toBe(0);
  });

  it('runs two concurrent requests with one key once: the second waits and replays the first', async () => {
    const headers = key();
    const replies = await Promise.all(
      Array.from({ length: 5 }, () => w.alice.post('/api/v1/patients', patient('Together'), headers)),
    );
    expect(await patientsNamed(w.alice, 'Together')).toBe(1);
    const created = replies.filter((r) => r.headers.get('idempotent-replayed') === null);
    expect(created).toHaveLength(1);
    expect(created[0]?.status).toBe(201);
    for (const r of replies) expect(r.text).toBe(created[0]?.text);
  });

  it('replays a refusal (4xx) too: a retried refused request answers the same refusal', async () => {
    const headers = key();
    const bad = { givenName: 'Ida', familyName: 'Refused', birthDate: 'not a date' };
    const first = await w.alice.post('/api/v1/patients', bad, headers);
    expect(first.status).toBe(422);
    const second = await w.alice.post('/api/v1/patients', bad, headers);
    expect(second.status).toBe(422);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body.code).toBe(first.body.code);
  });

  it('answers 409 idempotency-key-in-progress, never running again, when the first request died after claiming the key', async () => {
    const k = randomUUID();
    const aliceId = w.aliceId;
    const body = patient('Crashed');
    const canonical = JSON.stringify({
      birthDate: body.birthDate,
      familyName: body.familyName,
      givenName: 'Ida',
    });
    const hash = createHash('sha256').update(`POST /api/v1/patients\n${canonical}`).digest('hex');
    // A claim left 'in-progress' two minutes ago: the server stopped between the write and storing its reply.
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await server.ctx.db.query(
      `INSERT INTO idempotency_keys
         (user_id, method, route, idempotency_key, request_hash, state, created_at, expires_at)
       VALUES ($1, 'POST', '/api/v1/patients', $2, $3, 'in-progress', $4, $5)`,
      [aliceId, k, hash, twoMinutesAgo, new Date(Date.now() + 3_600_000)],
    );
    const r = await w.alice.post('/api/v1/patients', body, { 'idempotency-key': k });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('idempotency-key-in-progress');
    expect(await patientsNamed(w.alice, 'Crashed')).toBe(0);
  });

  it('lets a key be used again once its row has expired (kept 24 hours)', async () => {
    const headers = key();
    const first = await w.alice.post('/api/v1/patients', patient('Expired'), headers);
    expect(first.status).toBe(201);
    const [row] = await server.ctx.db.query<{ created_at: Date; expires_at: Date }>(
      'SELECT created_at, expires_at FROM idempotency_keys WHERE idempotency_key = $1',
      [headers['idempotency-key']],
    );
    expect(row && new Date(row.expires_at).getTime() - new Date(row.created_at).getTime()).toBe(86_400_000);
    await server.ctx.db.query(
      `UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE idempotency_key = $1`,
      [headers['idempotency-key']],
    );
    const again = await w.alice.post('/api/v1/patients', patient('Expired'), headers);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
  });

  it('records a CD receipt sent twice with one key once, moving the balance once', async () => {
    const before = await safeBalanceMg();
    const receiptsBefore = (await registerLines('receipt')).length;
    const headers = key();
    const first = await officer.post(`${CD}/entries`, receipt('INV-IDEM-1'), headers);
    expect(first.status).toBe(201);
    const second = await officer.post(`${CD}/entries`, receipt('INV-IDEM-1'), headers);
    expectReplayOf(first, second);
    expect((await registerLines('receipt')).length).toBe(receiptsBefore + 1);
    expect(await safeBalanceMg()).toBe(before + 200);
  });

  it('draws an administration’s dose from the register once when the same administration is sent twice with one key', async () => {
    expect(await safeBalanceMg()).toBeGreaterThanOrEqual(70);
    const patientId = (
      await prescriber.post('/api/v1/patients', {
        givenName: 'Sam',
        familyName: 'Stock',
        birthDate: '1980-01-01',
        weight: { kg: 70, measuredOn: today },
      })
    ).body.id as string;
    const sessionId = await startIvSession(prescriber, patientId, prescriberId);
    const before = await safeBalanceMg();
    const body = {
      event: 'start',
      product: 'Ketamine 10 mg/mL',
      lot: 'L1',
      cdStock: { productId, locationId: safeId },
    };
    const headers = key();
    const first = await prescriber.post(
      `/api/v1/treatment-sessions/${sessionId}/administration`,
      body,
      headers,
    );
    expect(first.status).toBe(201);
    const second = await prescriber.post(
      `/api/v1/treatment-sessions/${sessionId}/administration`,
      body,
      headers,
    );
    expectReplayOf(first, second);
    const draws = (await registerLines('administration')).filter((l) => l.entry.sessionId === sessionId);
    expect(draws).toHaveLength(1);
    expect(await safeBalanceMg()).toBe(before - 35);
  });
});

describe('the web client', () => {
  /** Points the web client's relative fetches at the test server as Alice, keeping every request it sends. */
  function asAliceInTheBrowser(): { sent: Headers[]; restore: () => void } {
    const realFetch = globalThis.fetch;
    const sent: Headers[] = [];
    setCsrfToken(w.alice.csrfToken);
    globalThis.fetch = (input: string | URL | Request, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      headers.set('cookie', w.alice.cookie);
      sent.push(headers);
      const path = typeof input === 'string' ? input : input instanceof URL ? input.pathname : input.url;
      return realFetch(server.baseUrl + path, { ...init, headers });
    };
    return { sent, restore: () => void (globalThis.fetch = realFetch) };
  }

  it('sends a fresh Idempotency-Key with every write, so two separate submits record two patients', async () => {
    const browser = asAliceInTheBrowser();
    try {
      await api.post('/patients', patient('Twosubmits'));
      await api.post('/patients', patient('Twosubmits'));
    } finally {
      browser.restore();
    }
    const keys = browser.sent.map((h) => h.get('idempotency-key'));
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keys[1]).not.toBe(keys[0]);
    expect(await patientsNamed(w.alice, 'Twosubmits')).toBe(2);
  });

  it('sends a double click (the same write while the first is on its way) once, and both resolve with its reply', async () => {
    const browser = asAliceInTheBrowser();
    let replies: { id: string }[];
    try {
      replies = await Promise.all([
        api.post<{ id: string }>('/patients', patient('Doubleclick')),
        api.post<{ id: string }>('/patients', patient('Doubleclick')),
      ]);
    } finally {
      browser.restore();
    }
    expect(browser.sent).toHaveLength(1);
    expect(replies[1]?.id).toBe(replies[0]?.id);
    expect(await patientsNamed(w.alice, 'Doubleclick')).toBe(1);
  });
});

describe('a write that fails on the server (5xx)', () => {
  let flaky: { app: Awaited<ReturnType<typeof buildApp>>; admin: Client; drop: () => Promise<void> };
  let runs = 0;

  beforeAll(async () => {
    const database = await createTestDatabase();
    const config = loadConfig({
      KASPR_DATA_DIR: mkdtempSync(join(tmpdir(), 'kaspr-test-')),
      LOG_LEVEL: 'silent',
    });
    const app = await buildApp({ db: database.db, config, now: () => new Date() });
    // A write that fails on its first run only, as a write whose transaction hit a fault would.
    app.post(
      '/api/v1/test-flaky-write',
      { config: { access: 'authenticated' }, schema: { response: { 201: z.object({ run: z.number() }) } } },
      async (_req, reply) => {
        runs += 1;
        if (runs === 1) throw new Error('simulated fault');
        return reply.code(201).send({ run: runs });
      },
    );
    const admin = new Client(await app.listen({ port: 0, host: '127.0.0.1' }));
    expect((await admin.post('/api/v1/setup', { ...ADMIN, serviceName: 'Test Team' })).status).toBe(201);
    flaky = { app, admin, drop: database.drop };
  });
  afterAll(async () => {
    await flaky.app.close();
    await flaky.drop();
  });

  it('keeps no reply for a 5xx, so the same key may run again and its success is then replayed', async () => {
    const headers = key();
    const failed = await flaky.admin.post('/api/v1/test-flaky-write', { a: 1 }, headers);
    expect(failed.status).toBe(500);
    const retried = await flaky.admin.post('/api/v1/test-flaky-write', { a: 1 }, headers);
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    const again = await flaky.admin.post('/api/v1/test-flaky-write', { a: 1 }, headers);
    expectReplayOf(retried, again);
    expect(runs).toBe(2);
  });
});
