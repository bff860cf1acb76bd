// The controlled-drug register over real HTTP: products, every entry kind, witnesses, corrections, refusals, the chain.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ledgerVerify } from '../src/cli/commands/ledger-verify.ts';
import { loadConfig } from '../src/config/env.ts';
import { stepAt, totpAt } from '../src/security/totp.ts';
import { openDatabase } from '../src/server/open-database.ts';
import type { Database } from '../src/store/db.ts';
import { insertLocation, insertProduct, recordLedgerEntry, verifyLedgerChain } from '../src/store/ledger.ts';
import { makeProduct } from '../src/domain/ledger/index.ts';
import { createTestDatabase, testEngine } from './support/database.ts';
import {
  buildWorld,
  Client,
  SAMPLE_PATIENT,
  STAFF_PASSWORD,
  startTestServer,
  type TestServer,
  type World,
} from './support/server.ts';

let server: TestServer;
let w: World;
let officer: Client;
let nurse: Client;
let nurse2: Client;
let nina: Client;
let auditor: Client;
const ids: Record<string, string> = {};
let patientId: string;
let productId: string;
let safeA: string;
let safeB: string;

const API = '/api/v1/cd-register';
const SESSION_ID = '3f0c1d2e-4b5a-4c6d-8e7f-901234567890';
const SUPPLIER = {
  name: 'Acme Wholesale',
  address: '1 Main St, Springfield',
  registrationNumber: 'RA1234563',
};
const KETAMINE = {
  drug: 'Ketamine hydrochloride',
  form: 'solution for injection',
  strength: { mgPerMl: 10 },
  containerSize: 20,
  containerName: 'vial',
  code: { system: 'ndc', value: '0409-2051-05' },
  schedule: { us: 'III', uk: { schedule: 2, drugClass: 'B' } },
};

async function staff(email: string, name: string, roles: string[], serviceId: string): Promise<Client> {
  const r = await w.admin.post('/api/v1/users', {
    email,
    displayName: name,
    roles,
    serviceIds: [serviceId],
    password: STAFF_PASSWORD,
  });
  if (r.status !== 201) throw new Error(`create user failed: ${r.text}`);
  ids[email] = r.body.user.id;
  const c = new Client(server.baseUrl);
  const l = await c.login(email, STAFF_PASSWORD);
  if (l.status !== 200) throw new Error(`login failed: ${l.text}`);
  return c;
}

const witness = (email: string, password = STAFF_PASSWORD) => ({ email, password });

const post = (c: Client, body: Record<string, unknown>) => c.post(`${API}/entries`, body);

const receipt = (containers: number, over: Record<string, unknown> = {}) => ({
  kind: 'receipt',
  productId,
  locationId: safeA,
  quantity: { containers },
  supplier: SUPPLIER,
  invoice: 'INV-1001',
  lot: 'L2026A',
  expiry: '2028-06-30',
  ...over,
});

const administration = (mg: number, over: Record<string, unknown> = {}) => ({
  kind: 'administration',
  productId,
  locationId: safeA,
  quantity: { mg },
  patientId,
  sessionId: SESSION_ID,
  prescriberId: ids['doc@clinic.test'],
  ...over,
});

async function balance(locationId: string) {
  const r = await officer.get(`${API}/balances`);
  return r.body.balances.find((b: any) => b.productId === productId && b.locationId === locationId);
}

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
  officer = await staff('cdo@clinic.test', 'Carla Officer', ['cd-officer'], w.serviceA);
  nurse = await staff('nurse@clinic.test', 'Nora Nurse', ['nurse'], w.serviceA);
  nurse2 = await staff('nurse2@clinic.test', 'Ned Nurse', ['nurse'], w.serviceA);
  await staff('doc@clinic.test', 'Dana Prescriber', ['prescriber'], w.serviceA);
  nina = await staff('nina@clinic.test', 'Nina South', ['nurse'], w.serviceB);
  auditor = await staff('aud@clinic.test', 'Audrey Auditor', ['auditor'], w.serviceA);
  patientId = (await w.alice.post('/api/v1/patients', SAMPLE_PATIENT)).body.id;
});
afterAll(() => server.close());

describe('products and locations', () => {
  it('lets the CD officer add a product, deriving mg per container, and nobody else', async () => {
    const r = await officer.post(`${API}/products`, KETAMINE);
    expect(r.status).toBe(201);
    expect(r.body.mgPerContainer).toBe(200);
    expect(r.body.label).toBe('Ketamine hydrochloride 10 mg/mL solution for injection, 20 mL vial');
    productId = r.body.id;
    expect((await nurse.post(`${API}/products`, KETAMINE)).status).toBe(403);
    expect((await w.alice.get(`${API}/products`)).status).toBe(403);
    const list = await nurse.get(`${API}/products`);
    expect(list.body.products.map((p: any) => p.id)).toEqual([productId]);
  });

  it('refuses a product the domain cannot measure, naming the field', async () => {
    const r = await officer.post(`${API}/products`, {
      ...KETAMINE,
      strength: { mgPerUnit: 28 },
      containerSize: 2.5,
    });
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('invalid-product');
    expect(r.body.errors[0].path).toBe('body.containerSize');
  });

  it('adds stock locations per premises and refuses a duplicate', async () => {
    const a = await officer.post(`${API}/locations`, { name: 'Main safe', premises: 'North Clinic' });
    const b = await officer.post(`${API}/locations`, {
      name: 'Treatment room safe',
      premises: 'North Clinic',
    });
    expect([a.status, b.status]).toEqual([201, 201]);
    safeA = a.body.id;
    safeB = b.body.id;
    expect(a.body).toMatchObject({ name: 'Main safe', premises: 'North Clinic' });
    const dup = await officer.post(`${API}/locations`, { name: 'main safe', premises: 'North Clinic' });
    expect(dup.status).toBe(409);
    expect((await nurse.post(`${API}/locations`, { name: 'X', premises: 'Y' })).status).toBe(403);
    expect((await auditor.get(`${API}/locations`)).body.locations).toHaveLength(2);
  });
});

describe('entries', () => {
  let administrationId: string;

  it('receives stock and shows the balance', async () => {
    const r = await post(nurse, receipt(5));
    expect(r.status).toBe(201);
    expect(r.body.entry).toMatchObject({ seq: 1, kind: 'receipt', quantity: { containers: 5, mg: 1000 } });
    expect(r.body.entry.supplier.name).toBe('Acme Wholesale');
    expect(r.body.balanceAfter).toMatchObject({ containers: 5, mg: 1000, openedMg: 0 });
    expect(await balance(safeA)).toMatchObject({ containers: 5, mg: 1000 });
    expect(await balance(safeB)).toMatchObject({ containers: 0, mg: 0 });
  });

  it('records an administration linked to a patient and session, drawing stock into the register', async () => {
    const r = await post(nurse, administration(35));
    expect(r.status).toBe(201);
    administrationId = r.body.entry.id;
    expect(r.body.entry).toMatchObject({
      kind: 'administration',
      patientId,
      sessionId: SESSION_ID,
      quantity: { containers: 1, mg: 35 },
      administeredBy: { id: ids['nurse@clinic.test'] },
      prescriber: { id: ids['doc@clinic.test'] },
    });
    expect(r.body.balanceAfter).toMatchObject({ containers: 4, mg: 965, openedMg: 165 });
    const register = await auditor.get(`${API}/entries?productId=${productId}&locationId=${safeA}`);
    expect(register.status).toBe(200);
    const line = register.body.lines.find((l: any) => l.entry.id === administrationId);
    expect(line.balancesAfter[0]).toMatchObject({ containers: 4, mg: 965 });
    expect(line.entry.author.displayName).toBe('Nora Nurse');
    const audit = await server.ctx.db.query<{ patient_id: string; outcome: string }>(
      "SELECT patient_id, outcome FROM audit_log WHERE action = 'cd-entry.create' AND resource_id = $1",
      [administrationId],
    );
    expect(audit).toEqual([{ patient_id: patientId, outcome: 'success' }]);
    const timeline = await w.alice.get(`/api/v1/patients/${patientId}/timeline`);
    expect(JSON.stringify(timeline.body)).toContain('Controlled drug administered: 35 mg (3.5 mL)');
  });

  it('needs the prescriber in UK mode, the patient and session always', async () => {
    const noPrescriber = await post(nurse, administration(10, { prescriberId: undefined }));
    expect(noPrescriber.status).toBe(422);
    expect(noPrescriber.body.code).toBe('wrong-kind-fields');
    expect(noPrescriber.body.errors.map((e: any) => e.path)).toEqual(['body.prescriberId']);
    const noSession = await post(nurse, administration(10, { sessionId: undefined }));
    expect(noSession.body.code).toBe('administration-needs-patient-and-session');
    expect(noSession.body.errors[0].path).toBe('body.sessionId');
    const notPrescriber = await post(nurse, administration(10, { prescriberId: ids['nurse2@clinic.test'] }));
    expect(notPrescriber.status).toBe(422);
    expect(notPrescriber.body.errors[0].path).toBe('body.prescriberId');
  });

  it('refuses an entry for a patient of another service with 404, writing nothing', async () => {
    const r = await post(nina, administration(10));
    expect(r.status).toBe(404);
    expect(r.text).not.toContain('Patientson');
    const rows = await server.ctx.db.query('SELECT 1 FROM cd_entries WHERE author_id = $1', [
      ids['nina@clinic.test'],
    ]);
    expect(rows).toHaveLength(0);
  });

  it('needs a re-authenticated second user to witness waste', async () => {
    const waste = (over: Record<string, unknown>) => ({
      kind: 'waste',
      productId,
      locationId: safeA,
      quantity: { mg: 15 },
      patientId,
      sessionId: SESSION_ID,
      ...over,
    });
    const none = await post(nurse, waste({}));
    expect(none.status).toBe(422);
    expect(none.body.code).toBe('witness-required');
    const self = await post(nurse, waste({ witness: witness('nurse@clinic.test') }));
    expect(self.status).toBe(422);
    expect(self.body.code).toBe('witness-must-differ');
    expect(self.body.errors[0].path).toBe('body.witness');
    const wrong = await post(nurse, waste({ witness: witness('nurse2@clinic.test', 'not the password') }));
    const unknown = await post(nurse, waste({ witness: witness('nobody@clinic.test') }));
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('witness-authentication-failed');
    // The same answer whether the email or the password was wrong.
    expect(unknown.body.code).toBe(wrong.body.code);
    expect(unknown.body.detail).toBe(wrong.body.detail);
    expect(wrong.body.errors).toEqual([{ path: 'body.witness', message: 'Not confirmed' }]);
    const denied = await server.ctx.db.query<{ outcome: string }>(
      "SELECT outcome FROM audit_log WHERE action = 'cd-witness.authenticate' AND resource_id = $1",
      [ids['nurse2@clinic.test']],
    );
    expect(denied).toEqual([{ outcome: 'denied' }]);
    const practitioner = await post(nurse, waste({ witness: witness('alice@clinic.test') }));
    expect(practitioner.body.code).toBe('witness-authentication-failed');

    const ok = await post(nurse, waste({ witness: witness('nurse2@clinic.test') }));
    expect(ok.status).toBe(201);
    expect(ok.body.entry.witnesses).toEqual([
      expect.objectContaining({ id: ids['nurse2@clinic.test'], reauthenticatedAt: expect.any(String) }),
    ]);
    expect(ok.body.balanceAfter).toMatchObject({ containers: 4, mg: 950, openedMg: 150 });
  });

  it('accepts a witness signing with a TOTP code, once', async () => {
    const setup = await nurse2.post('/api/v1/me/totp/setup');
    const secret = setup.body.secret as string;
    expect(
      (await nurse2.post('/api/v1/me/totp/enable', { code: totpAt(secret, stepAt(new Date()) - 1) })).status,
    ).toBe(200);
    const code = totpAt(secret, stepAt(new Date()));
    const body = {
      kind: 'waste',
      productId,
      locationId: safeA,
      quantity: { mg: 10 },
      witness: { email: 'nurse2@clinic.test', totp: code },
    };
    const ok = await post(nurse, body);
    expect(ok.status).toBe(201);
    const replay = await post(nurse, body);
    expect(replay.status).toBe(422);
    expect(replay.body.code).toBe('witness-authentication-failed');
    expect(ok.body.balanceAfter).toMatchObject({ containers: 4, mg: 940 });
  });

  it('needs two witnesses to destroy stock', async () => {
    const destruction = {
      kind: 'destruction',
      productId,
      locationId: safeA,
      quantity: { containers: 1 },
      destructionMethod: 'Denaturing kit',
      reason: 'Expired',
    };
    const one = await post(nurse, { ...destruction, witness: witness('nurse2@clinic.test') });
    expect(one.status).toBe(422);
    expect(one.body.code).toBe('two-witnesses-required');
    expect(one.body.errors[0].path).toBe('body.witnesses');
    const same = await post(nurse, {
      ...destruction,
      witnesses: [witness('nurse2@clinic.test'), witness('nurse2@clinic.test')],
    });
    expect(same.body.code).toBe('witness-must-differ');
    expect(same.body.errors[0].path).toBe('body.witnesses.1');
    const two = await post(nurse, {
      ...destruction,
      witnesses: [witness('nurse2@clinic.test'), witness('cdo@clinic.test')],
    });
    expect(two.status).toBe(201);
    expect(two.body.entry.witnesses).toHaveLength(2);
    expect(two.body.balanceAfter).toMatchObject({ containers: 3, mg: 740 });
  });

  it('transfers sealed stock between safes', async () => {
    const r = await post(nurse, {
      kind: 'transfer',
      productId,
      locationId: safeA,
      toLocationId: safeB,
      quantity: { containers: 1 },
    });
    expect(r.status).toBe(201);
    expect(r.body.entry.toLocationId).toBe(safeB);
    expect(r.body.balancesAfter).toEqual([
      expect.objectContaining({ locationId: safeA, containers: 2, mg: 540 }),
      expect.objectContaining({ locationId: safeB, containers: 1, mg: 200 }),
    ]);
    const same = await post(nurse, {
      kind: 'transfer',
      productId,
      locationId: safeA,
      toLocationId: safeA,
      quantity: { containers: 1 },
    });
    expect(same.body.code).toBe('transfer-to-same-location');
    expect(same.body.errors[0].path).toBe('body.toLocationId');
  });

  it('needs an explanation for a count that differs, and moves the balance to the count', async () => {
    const count = {
      kind: 'count',
      productId,
      locationId: safeA,
      quantity: { containers: 2, mg: 530 },
      witness: witness('nurse2@clinic.test'),
    };
    const unexplained = await post(nurse, count);
    expect(unexplained.status).toBe(422);
    expect(unexplained.body.code).toBe('discrepancy-needs-explanation');
    expect(unexplained.body.errors[0].path).toBe('body.reason');
    const stale = await post(nurse, { ...count, reason: 'Overfill', expected: { containers: 2, mg: 600 } });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('register-changed');
    const r = await post(nurse, {
      ...count,
      reason: 'Opened vial reads 10 mg short',
      expected: { containers: 2, mg: 540 },
    });
    expect(r.status).toBe(201);
    expect(r.body.entry.expected).toEqual({ containers: 2, mg: 540 });
    expect(r.body.balanceAfter).toMatchObject({ containers: 2, mg: 530 });
    const list = await auditor.get(`${API}/discrepancies`);
    expect(list.body.counts).toHaveLength(1);
    expect(list.body.counts[0]).toMatchObject({
      difference: { containers: 0, mg: -10 },
      explanation: 'Opened vial reads 10 mg short',
    });
  });

  it('corrects an entry with a new dated entry; the original stays as written and shows its correction', async () => {
    const before = await server.ctx.db.query<{ hash: string; mg: string }>(
      'SELECT hash, mg FROM cd_entries WHERE id = $1',
      [administrationId],
    );
    const noReason = await post(nurse, {
      kind: 'correction',
      productId,
      locationId: safeA,
      correctsEntryId: administrationId,
      quantity: { mg: 30 },
      witness: witness('nurse2@clinic.test'),
    });
    expect(noReason.body.code).toBe('correction-needs-reason');
    const r = await post(nurse, {
      kind: 'correction',
      productId,
      locationId: safeA,
      correctsEntryId: administrationId,
      quantity: { mg: 30 },
      reason: 'Typing error: 30 mg given',
      witness: witness('nurse2@clinic.test'),
    });
    expect(r.status).toBe(201);
    expect(r.body.entry.effects).toEqual([{ locationId: safeA, containers: 0, mg: 5 }]);
    expect(r.body.balanceAfter).toMatchObject({ containers: 2, mg: 535 });
    const after = await server.ctx.db.query('SELECT hash, mg FROM cd_entries WHERE id = $1', [
      administrationId,
    ]);
    expect(after).toEqual(before);
    const one = await auditor.get(`${API}/entries/${administrationId}`);
    expect(one.body.entry.quantity).toEqual({ containers: 1, mg: 35 });
    expect(one.body.struck).toBe(true);
    expect(one.body.standing).toEqual({ containers: 1, mg: 30 });
    expect(one.body.corrections[0].reason).toBe('Typing error: 30 mg given');
    const register = await auditor.get(`${API}/entries?productId=${productId}`);
    const original = register.body.lines.find((l: any) => l.entry.id === administrationId);
    expect(original.struck).toBe(true);
    expect(original.corrections.map((c: any) => c.id)).toEqual([r.body.entry.id]);
    const fix = register.body.lines.find((l: any) => l.entry.id === r.body.entry.id);
    expect(fix.corrects).toEqual({ id: administrationId, seq: 2, kind: 'administration' });
  });

  it('records a loss with its report deadlines for the worklist', async () => {
    const r = await post(nurse, {
      kind: 'loss',
      productId,
      locationId: safeB,
      quantity: { containers: 1 },
      reason: 'Vial dropped and broken',
      occurredAt: '2026-03-06T16:00:00-05:00',
      lateEntryReason: 'Recorded after the incident review',
    });
    expect(r.status).toBe(201);
    expect(r.body.balanceAfter).toMatchObject({ containers: 0, mg: 0 });
    const uk = await auditor.get(`${API}/discrepancies`);
    expect(uk.body.losses[0].deadlines.map((d: any) => [d.code, d.dueBy])).toEqual([
      ['uk-accountable-officer', null],
    ]);
    expect((await nurse.patch(`${API}/settings`, { mode: 'us' })).status).toBe(403);
    expect((await officer.patch(`${API}/settings`, { mode: 'us' })).body.mode).toBe('us');
    const us = await auditor.get(`${API}/discrepancies`);
    // Discovered Friday 6 March 2026 (local): written notice by the next business day, Form 106 within 45 days.
    expect(us.body.losses[0].discoveredOn).toBe('2026-03-06');
    expect(us.body.losses[0].deadlines.map((d: any) => [d.code, d.dueBy])).toEqual([
      ['dea-field-office-notice', '2026-03-09'],
      ['dea-form-106', '2026-04-20'],
    ]);
    expect((await officer.patch(`${API}/settings`, { mode: 'uk' })).body.mode).toBe('uk');
  });

  it('refuses a late entry without a reason', async () => {
    const twoDaysAgo = new Date(Date.now() - 48 * 3_600_000).toISOString();
    const late = await post(nurse, receipt(1, { occurredAt: twoDaysAgo }));
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('late-entry-needs-reason');
    expect(late.body.errors[0].path).toBe('body.lateEntryReason');
    const explained = await post(
      nurse,
      receipt(1, { occurredAt: twoDaysAgo, lateEntryReason: 'Delivery signed for by locum' }),
    );
    expect(explained.status).toBe(201);
    expect(explained.body.balanceAfter).toMatchObject({ containers: 3, mg: 735 });
  });

  it('refuses to draw more than there is with 409 and the numbers', async () => {
    const r = await post(nurse, administration(800));
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('insufficient-stock');
    expect(r.body.stock).toEqual([{ locationId: safeA, containers: 3, mg: 735, openedMg: 135 }]);
    expect(r.body.requested).toEqual({ mg: 800 });
    expect(r.body.errors[0].path).toBe('body.quantity');
    expect(await balance(safeA)).toMatchObject({ containers: 3, mg: 735 });
    const moved = await post(nurse, {
      kind: 'transfer',
      productId,
      locationId: safeB,
      toLocationId: safeA,
      quantity: { containers: 1 },
    });
    expect(moved.status).toBe(409);
    expect(moved.body.stock[0]).toMatchObject({ locationId: safeB, containers: 0 });
  });

  it('maps other domain problems to 422 with the domain code and body paths', async () => {
    const r = await post(nurse, receipt(1, { quantity: { containers: 1, mg: 150 } }));
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('quantity-invalid');
    expect(r.body.errors[0].path).toBe('body.quantity.mg');
    const future = await post(nurse, receipt(1, { occurredAt: '2099-01-01T00:00:00Z' }));
    expect(future.body.code).toBe('future-entry');
    const wrong = await post(nurse, receipt(1, { theft: true }));
    expect(wrong.body.code).toBe('wrong-kind-fields');
    expect(wrong.body.errors[0].path).toBe('body.theft');
    const unknown = await post(nurse, receipt(1, { productId: '00000000-0000-4000-8000-000000000000' }));
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].path).toBe('body.productId');
    expect((await post(w.alice, receipt(1))).status).toBe(403);
    expect((await post(auditor, receipt(1))).status).toBe(403);
  });
});

describe('the register cannot be changed', () => {
  it('has no update or delete route for entries', async () => {
    const [any] = await server.ctx.db.query<{ id: string }>('SELECT id FROM cd_entries ORDER BY seq LIMIT 1');
    for (const method of ['PATCH', 'PUT', 'DELETE']) {
      const r = await officer.request(
        method,
        `${API}/entries/${any!.id}`,
        method === 'DELETE' ? undefined : { reason: 'x' },
      );
      expect(r.status, method).toBe(404);
    }
    const writes = server.app.kaspr.routes.filter(
      (r) => r.url.startsWith('/api/v1/cd-register/entries/') && r.method !== 'GET',
    );
    expect(writes).toEqual([]);
  });

  it('refuses UPDATE, DELETE and TRUNCATE at the database', async () => {
    const db = server.ctx.db;
    const count = async () =>
      (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM cd_entries'))[0]?.n;
    const before = await count();
    await expect(db.query("UPDATE cd_entries SET reason = 'changed' WHERE seq = 1")).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query('DELETE FROM cd_entries WHERE seq = 1')).rejects.toThrow(/append-only/);
    await expect(db.query('TRUNCATE cd_entries CASCADE')).rejects.toThrow(/append-only/);
    await expect(db.query("UPDATE cd_products SET drug = 'x'")).rejects.toThrow(/append-only/);
    expect(await count()).toBe(before);
  });
});

describe('the hash chain', () => {
  it('verifies, then names the entry that was tampered with', async () => {
    const db = server.ctx.db;
    const ok = await auditor.get(`${API}/verify`);
    expect(ok.status).toBe(200);
    expect(ok.body.intact).toBe(true);
    const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM cd_entries');
    expect(ok.body.rows).toBe(row?.n);
    const [third] = await db.query<{ witnesses: string }>(
      'SELECT witnesses::text FROM cd_entries WHERE seq = 3',
    );
    await db.query('ALTER TABLE cd_entries DISABLE TRIGGER cd_entries_no_change');
    try {
      await db.query('UPDATE cd_entries SET mg = mg - 5 WHERE seq = 2');
      const broken = await auditor.get(`${API}/verify`);
      expect(broken.body).toMatchObject({
        intact: false,
        rows: 1,
        brokenAt: { seq: 2, problem: 'hash-mismatch' },
      });
      await db.query('UPDATE cd_entries SET mg = mg + 5 WHERE seq = 2');
      expect((await verifyLedgerChain(db)).intact).toBe(true);
      // A witness swapped for someone else is caught too.
      await db.query(
        "UPDATE cd_entries SET witnesses = jsonb_build_array(jsonb_build_object('userId', $1::text, 'reauthenticatedAt', '2026-01-01T00:00:00.000Z')) WHERE seq = 3",
        [ids['cdo@clinic.test']],
      );
      expect((await verifyLedgerChain(db)).brokenAt).toEqual({ seq: 3, problem: 'hash-mismatch' });
      // Even with the trigger off, the database refuses a witness who is the author.
      await expect(
        db.query(
          "UPDATE cd_entries SET witnesses = jsonb_build_array(jsonb_build_object('userId', author_id::text)) WHERE seq = 3",
        ),
      ).rejects.toThrow(/cd_entries_witness_not_author/);
      await db.query('UPDATE cd_entries SET witnesses = $1::jsonb WHERE seq = 3', [third?.witnesses]);
    } finally {
      await db.query('ALTER TABLE cd_entries ENABLE TRIGGER cd_entries_no_change');
    }
    expect(await verifyLedgerChain(db)).toMatchObject({ intact: true, rows: row?.n });
  });
});

describe('recordLedgerEntry (for the treatment session)', () => {
  it('appends an administration in the caller transaction, on the same chain and stock', async () => {
    const now = () => new Date();
    const draft = {
      kind: 'administration' as const,
      productId,
      locationId: safeA,
      quantity: { mg: 100 },
      occurredAt: new Date().toISOString(),
      patientId,
      sessionId: SESSION_ID,
      prescriberId: ids['doc@clinic.test'],
    };
    const written = await server.ctx.db.transaction((tx) =>
      recordLedgerEntry(tx, { draft, authorId: ids['nurse@clinic.test']!, now }),
    );
    expect(written.ok).toBe(true);
    if (!written.ok) return;
    expect(written.entry.authorId).toBe(ids['nurse@clinic.test']);
    expect(written.balanceAfter).toMatchObject({ containers: 3, mg: 635 });
    const refused = await server.ctx.db.transaction((tx) =>
      recordLedgerEntry(tx, {
        draft: { ...draft, quantity: { mg: 5000 } },
        authorId: ids['nurse@clinic.test']!,
        now,
      }),
    );
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.problems.map((p) => p.code)).toEqual(['insufficient-stock']);
  });
});

describe('kaspr ledger verify', () => {
  it('exits 0 on an intact chain and 1 naming the broken entry', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kaspr-ledger-'));
    const saved = { KASPR_DATA_DIR: process.env.KASPR_DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
    let pg: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
    process.env.KASPR_DATA_DIR = dataDir;
    if (testEngine() === 'postgres') {
      pg = await createTestDatabase('postgres');
      process.env.DATABASE_URL = pg.url ?? '';
    } else {
      delete process.env.DATABASE_URL;
    }
    const open = async (): Promise<{ db: Database; close: () => Promise<void> }> =>
      pg ? { db: pg.db, close: async () => undefined } : openDatabase(loadConfig());
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const { db, close } = await open();
      const [user] = await db.query<{ id: string }>(
        "INSERT INTO users (email, display_name, roles) VALUES ('cli@clinic.test', 'Cli Nurse', '{nurse}') RETURNING id",
      );
      const made = makeProduct({
        id: '8d6b0c1e-2f3a-4b5c-9d7e-0123456789ab',
        drug: 'Ketamine',
        form: 'solution for injection',
        strengthMgPerMl: 50,
        containerSize: 10,
        containerName: 'vial',
        code: { system: 'dmd', value: '123' },
        schedule: {},
      });
      if (!made.ok) throw new Error('product');
      const location = { id: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', name: 'Safe', premisesId: 'Clinic' };
      await db.transaction(async (tx) => {
        await insertProduct(tx, made.value, user!.id, new Date());
        await insertLocation(tx, location, user!.id, new Date());
        const r = await recordLedgerEntry(tx, {
          draft: {
            kind: 'receipt',
            productId: made.value.id,
            locationId: location.id,
            quantity: { containers: 2 },
            occurredAt: new Date().toISOString(),
            supplier: { name: 'Acme', address: '1 Road' },
            invoiceNumber: 'I-1',
            lot: 'L',
            expiry: '2030-01-01',
          },
          authorId: user!.id,
          now: new Date(),
        });
        if (!r.ok) throw new Error(JSON.stringify(r.problems));
      });
      await close();
      expect(await ledgerVerify()).toBe(0);
      expect(out.mock.calls.map((c) => String(c[0])).join('')).toMatch(/chain intact: 1 entries/);
      expect(out.mock.calls.map((c) => String(c[0])).join('')).toMatch(
        /Kept balances agree with the entries/,
      );

      const again = await open();
      await again.db.query('ALTER TABLE cd_entries DISABLE TRIGGER cd_entries_no_change');
      await again.db.query("UPDATE cd_entries SET occurred_at = '2020-01-01T00:00:00Z' WHERE seq = 1");
      await again.db.query('ALTER TABLE cd_entries ENABLE TRIGGER cd_entries_no_change');
      await again.close();
      expect(await ledgerVerify()).toBe(1);
      expect(err.mock.calls.map((c) => String(c[0])).join('')).toMatch(/BROKEN at entry 1 \(hash-mismatch\)/);
    } finally {
      out.mockRestore();
      err.mockRestore();
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) Reflect.deleteProperty(process.env, key);
        else process.env[key] = value;
      }
      await pg?.drop();
    }
  });

  it('exits 1 naming a kept balance that differs from the sum of the entries', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kaspr-ledger-'));
    const saved = { KASPR_DATA_DIR: process.env.KASPR_DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
    let pg: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
    process.env.KASPR_DATA_DIR = dataDir;
    if (testEngine() === 'postgres') {
      pg = await createTestDatabase('postgres');
      process.env.DATABASE_URL = pg.url ?? '';
    } else {
      delete process.env.DATABASE_URL;
    }
    const open = async (): Promise<{ db: Database; close: () => Promise<void> }> =>
      pg ? { db: pg.db, close: async () => undefined } : openDatabase(loadConfig());
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const { db, close } = await open();
      const [user] = await db.query<{ id: string }>(
        "INSERT INTO users (email, display_name, roles) VALUES ('cli@clinic.test', 'Cli Nurse', '{nurse}') RETURNING id",
      );
      const made = makeProduct({
        id: '8d6b0c1e-2f3a-4b5c-9d7e-0123456789ab',
        drug: 'Ketamine',
        form: 'solution for injection',
        strengthMgPerMl: 50,
        containerSize: 10,
        containerName: 'vial',
        code: { system: 'dmd', value: '123' },
        schedule: {},
      });
      if (!made.ok) throw new Error('product');
      const location = { id: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', name: 'Safe', premisesId: 'Clinic' };
      await db.transaction(async (tx) => {
        await insertProduct(tx, made.value, user!.id, new Date());
        await insertLocation(tx, location, user!.id, new Date());
        const r = await recordLedgerEntry(tx, {
          draft: {
            kind: 'receipt',
            productId: made.value.id,
            locationId: location.id,
            quantity: { containers: 2 },
            occurredAt: new Date().toISOString(),
            supplier: { name: 'Acme', address: '1 Road' },
            invoiceNumber: 'I-1',
            lot: 'L',
            expiry: '2030-01-01',
          },
          authorId: user!.id,
          now: new Date(),
        });
        if (!r.ok) throw new Error(JSON.stringify(r.problems));
      });
      // The kept balance row (derived data, migration 017) is changed behind the register's back.
      await db.query('UPDATE cd_balances SET containers = containers + 1');
      await close();
      expect(await ledgerVerify()).toBe(1);
      expect(err.mock.calls.map((c) => String(c[0])).join('')).toContain(
        `BALANCE MISMATCH for product ${made.value.id} at location ${location.id}: kept 3 containers / 1000 mg, entries add up to 2 containers / 1000 mg`,
      );
    } finally {
      out.mockRestore();
      err.mockRestore();
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) Reflect.deleteProperty(process.env, key);
        else process.env[key] = value;
      }
      await pg?.drop();
    }
  }, 180_000);
});
