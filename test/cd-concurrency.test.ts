// Stock never goes negative under concurrency (security.md R26): simultaneous draws over HTTP, on both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildWorld,
  Client,
  SAMPLE_PATIENT,
  STAFF_PASSWORD,
  startTestServer,
  type TestServer,
  type World,
} from './support/server.ts';
import { balanceTable } from '../src/domain/ledger/index.ts';
import { keptBalances, listEntries, verifyLedgerBalances } from '../src/store/ledger.ts';

let server: TestServer;
let w: World;
let officer: Client;
let nurses: Client[];
let prescriberId: string;
let patientId: string;
let productId: string;

const API = '/api/v1/cd-register';
const SESSION_ID = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const MG_PER_VIAL = 200;

async function staff(email: string, roles: string[]): Promise<{ client: Client; id: string }> {
  const r = await w.admin.post('/api/v1/users', {
    email,
    displayName: email.split('@')[0] ?? email,
    roles,
    serviceIds: [w.serviceA],
    password: STAFF_PASSWORD,
  });
  if (r.status !== 201) throw new Error(`create user failed: ${r.text}`);
  const client = new Client(server.baseUrl);
  if ((await client.login(email, STAFF_PASSWORD)).status !== 200) throw new Error('login failed');
  return { client, id: r.body.user.id };
}

async function newLocation(name: string): Promise<string> {
  const r = await officer.post(`${API}/locations`, { name, premises: 'North Clinic' });
  if (r.status !== 201) throw new Error(r.text);
  return r.body.id;
}

const receipt = (locationId: string, containers: number) => ({
  kind: 'receipt',
  productId,
  locationId,
  quantity: { containers },
  supplier: { name: 'Acme Wholesale', address: '1 Main St', registrationNumber: 'RA1234563' },
  invoice: 'INV-1',
  lot: 'L1',
  expiry: '2028-01-31',
});

const administration = (locationId: string, quantity: { containers?: number; mg: number }) => ({
  kind: 'administration',
  productId,
  locationId,
  quantity,
  patientId,
  sessionId: SESSION_ID,
  prescriberId,
});

/** A small seeded generator (mulberry32), so a failing interleaving can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function register(locationId: string) {
  const r = await officer.get(`${API}/entries?productId=${productId}&locationId=${locationId}`);
  expect(r.status).toBe(200);
  return r.body.lines as {
    entry: { seq: number; kind: string };
    balancesAfter: { containers: number; mg: number }[];
  }[];
}

async function balanceAt(locationId: string) {
  const r = await officer.get(`${API}/balances`);
  return r.body.balances.find((b: any) => b.productId === productId && b.locationId === locationId);
}

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
  officer = (await staff('cdo@clinic.test', ['cd-officer'])).client;
  nurses = [];
  for (let i = 1; i <= 5; i += 1) nurses.push((await staff(`nurse${i}@clinic.test`, ['nurse'])).client);
  prescriberId = (await staff('doc@clinic.test', ['prescriber'])).id;
  patientId = (await w.alice.post('/api/v1/patients', SAMPLE_PATIENT)).body.id;
  const product = await officer.post(`${API}/products`, {
    drug: 'Ketamine hydrochloride',
    form: 'solution for injection',
    strength: { mgPerMl: 10 },
    containerSize: 20,
    code: { system: 'ndc', value: '0409-2051-05' },
    schedule: { us: 'III', uk: { schedule: 2, drugClass: 'B' } },
  });
  productId = product.body.id;
});
afterAll(() => server.close());

describe('simultaneous withdrawals', () => {
  it('lets exactly 5 of 50 simultaneous whole-vial draws through 5 vials; the rest get 409', async () => {
    const safe = await newLocation('Main safe');
    expect((await officer.post(`${API}/entries`, receipt(safe, 5))).status).toBe(201);
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        nurses[i % nurses.length]!.post(
          `${API}/entries`,
          administration(safe, { containers: 1, mg: MG_PER_VIAL }),
        ),
      ),
    );
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 409)).toHaveLength(45);
    for (const r of replies.filter((x) => x.status === 409)) {
      expect(r.body.code).toBe('insufficient-stock');
      expect(r.body.stock[0]).toMatchObject({ containers: 0, mg: 0 });
    }
    expect(await balanceAt(safe)).toMatchObject({ containers: 0, mg: 0, openedMg: 0 });
    const lines = await register(safe);
    expect(lines).toHaveLength(1 + 5);
    expect(lines.map((l) => l.balancesAfter[0]!.containers)).toEqual([5, 4, 3, 2, 1, 0]);
    const verify = await officer.get(`${API}/verify`);
    expect(verify.body).toMatchObject({ intact: true, rows: 6 });
    const seqs = await server.ctx.db.query<{ seq: number }>('SELECT seq FROM cd_entries ORDER BY seq');
    expect(seqs.map((s) => s.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    const refused = await server.ctx.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'cd-entry.create' AND outcome = 'failed'",
    );
    expect(refused[0]?.n).toBe(45);
  });

  it('keeps receipts − successful draws = balance, never negative, under a random mix of receipts and draws', async () => {
    const seed = Date.now() % 1_000_000;
    const next = random(seed);
    const safe = await newLocation('Treatment room safe');
    expect((await officer.post(`${API}/entries`, receipt(safe, 1))).status).toBe(201);
    const plan = Array.from({ length: 60 }, () =>
      next() < 0.25
        ? { kind: 'receipt' as const, containers: 1 + Math.floor(next() * 2) }
        : { kind: 'draw' as const, mg: [50, 100, 150, 200, 250][Math.floor(next() * 5)] ?? 50 },
    );
    const replies = await Promise.all(
      plan.map((step, i) =>
        step.kind === 'receipt'
          ? officer.post(`${API}/entries`, receipt(safe, step.containers))
          : nurses[i % nurses.length]!.post(`${API}/entries`, administration(safe, { mg: step.mg })),
      ),
    );
    let receivedMg = MG_PER_VIAL;
    let drawnMg = 0;
    let accepted = 1;
    plan.forEach((step, i) => {
      const r = replies[i]!;
      if (step.kind === 'receipt') {
        expect(r.status, `seed ${seed} step ${i}`).toBe(201);
        receivedMg += step.containers * MG_PER_VIAL;
        accepted += 1;
      } else {
        expect([201, 409], `seed ${seed} step ${i}: ${r.text}`).toContain(r.status);
        if (r.status === 201) {
          drawnMg += step.mg;
          accepted += 1;
        } else expect(r.body.code).toBe('insufficient-stock');
      }
    });
    const final = await balanceAt(safe);
    expect(final.mg, `seed ${seed}`).toBe(receivedMg - drawnMg);
    expect(final.openedMg).toBeGreaterThanOrEqual(0);
    const lines = await register(safe);
    expect(lines).toHaveLength(accepted);
    for (const line of lines) {
      const b = line.balancesAfter[0]!;
      expect(b.containers, `seed ${seed} entry ${line.entry.seq}`).toBeGreaterThanOrEqual(0);
      expect(
        b.mg - b.containers * MG_PER_VIAL,
        `seed ${seed} entry ${line.entry.seq}`,
      ).toBeGreaterThanOrEqual(0);
    }
    expect(lines.at(-1)?.balancesAfter[0]).toMatchObject({ containers: final.containers, mg: final.mg });
    const verify = await officer.get(`${API}/verify`);
    expect(verify.body.intact).toBe(true);
    const seqs = await server.ctx.db.query<{ seq: number }>('SELECT seq FROM cd_entries ORDER BY seq');
    expect(seqs.map((s) => s.seq)).toEqual(seqs.map((_, i) => i + 1));
  });
});

describe('kept balances (migration 017)', () => {
  it('equal the sums of the entries after receipts, transfers, corrections, a count and concurrent draws', async () => {
    const a = await newLocation('Kept safe A');
    const b = await newLocation('Kept safe B');
    const witness = (i: number) => ({ email: `nurse${i}@clinic.test`, password: STAFF_PASSWORD });
    const ok = async (client: Client, body: Record<string, unknown>): Promise<string> => {
      const r = await client.post(`${API}/entries`, body);
      expect(r.status, r.text).toBe(201);
      return r.body.entry.id;
    };
    const first = await ok(officer, receipt(a, 4));
    await ok(officer, receipt(b, 1));
    // Three vials arrived, not four.
    await ok(nurses[1]!, {
      kind: 'correction',
      productId,
      locationId: a,
      correctsEntryId: first,
      quantity: { containers: 3 },
      reason: 'Three arrived',
      witness: witness(3),
    });
    await ok(nurses[0]!, {
      kind: 'transfer',
      productId,
      locationId: a,
      toLocationId: b,
      quantity: { containers: 1 },
    });
    const replies = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        nurses[i % nurses.length]!.post(
          `${API}/entries`,
          administration(i % 2 === 0 ? a : b, { mg: [30, 70, 120][i % 3] ?? 30 }),
        ),
      ),
    );
    for (const r of replies) expect([201, 409], r.text).toContain(r.status);
    const dose = replies.find((r) => r.status === 201)!.body.entry;
    // One dose was 5 mg less than written.
    await ok(nurses[1]!, {
      kind: 'correction',
      productId,
      locationId: dose.locationId,
      correctsEntryId: dose.id,
      quantity: { mg: dose.quantity.mg - 5 },
      reason: 'Written in error',
      witness: witness(3),
    });
    const shown = (await officer.get(`${API}/balances`)).body.balances.find(
      (x: { productId: string; locationId: string }) => x.productId === productId && x.locationId === b,
    );
    await ok(nurses[2]!, {
      kind: 'count',
      productId,
      locationId: b,
      quantity: { containers: shown.containers, mg: shown.mg - 10 },
      reason: 'Spillage found on count',
      witness: witness(4),
    });

    const db = server.ctx.db;
    expect(await verifyLedgerBalances(db)).toEqual([]);
    expect(await keptBalances(db)).toEqual(balanceTable(await listEntries(db)));
    const mine = (await keptBalances(db, productId)).filter((x) => x.locationId === a || x.locationId === b);
    expect(mine).toHaveLength(2);
    for (const x of mine) expect(x.containers).toBeGreaterThanOrEqual(0);
  });
});
