// A controlled-drug write reads only what it needs (kept balances, the chain head, the latest entry, a correction's
// target), so its cost does not grow with the register; the refusals stay the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProduct, type LedgerProblem } from '../src/domain/ledger/index.ts';
import type { Queryable } from '../src/store/db.ts';
import {
  insertLocation,
  insertProduct,
  keptBalances,
  recordLedgerEntry,
  verifyLedgerBalances,
  verifyLedgerChain,
  type LedgerDraft,
} from '../src/store/ledger.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';

let t: TestDatabase;
let userId: string;
let witnessId: string;
const EARLY = 400;
const START = Date.parse('2026-03-02T09:00:00Z');
let clock = START;
const tick = (): Date => new Date((clock += 1000));

function product(id: string) {
  const made = makeProduct({
    id,
    drug: 'Ketamine',
    form: 'solution for injection',
    strengthMgPerMl: 50,
    containerSize: 10,
    containerName: 'vial',
    code: { system: 'dmd', value: '123' },
    schedule: {},
  });
  if (!made.ok) throw new Error('product');
  return made.value;
}
const KETAMINE = product('8d6b0c1e-2f3a-4b5c-9d7e-0123456789ab');
const OTHER = product('9d6b0c1e-2f3a-4b5c-9d7e-0123456789ab');
const SAFE = { id: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', name: 'Safe', premisesId: 'Clinic' };
let firstDose: string;
let otherReceipt: string;

const receipt = (productId: string, containers: number): LedgerDraft => ({
  kind: 'receipt',
  productId,
  locationId: SAFE.id,
  quantity: { containers },
  supplier: { name: 'Acme', address: '1 Road' },
  invoiceNumber: 'I-1',
  lot: 'L',
  expiry: '2030-01-01',
});
/** A draw of stock (a small loss needs no patient or witness, so the register can be filled quickly). */
const dose = (containers: number): LedgerDraft => ({
  kind: 'loss',
  productId: KETAMINE.id,
  locationId: SAFE.id,
  quantity: { containers },
  reason: 'Broken vial',
});

async function write(tx: Queryable, draft: LedgerDraft, now: Date = tick()) {
  return recordLedgerEntry(tx, { draft: { ...draft, occurredAt: now.toISOString() }, authorId: userId, now });
}

/** Runs one write with every row read from cd_entries counted. */
async function counted(draft: LedgerDraft, now?: Date) {
  return t.db.transaction(async (tx) => {
    let rows = 0;
    const spy: Queryable = {
      query: async <T>(sql: string, params?: readonly unknown[]) => {
        const result = await tx.query<T>(sql, params);
        if (/\bcd_entries\b/.test(sql) && /^\s*SELECT/i.test(sql)) rows += result.length;
        return result;
      },
    };
    const at = now ?? tick();
    // A correction is witnessed by a second, freshly re-authenticated member of staff.
    const witnesses = [{ userId: witnessId, reauthenticatedAt: at.toISOString() }];
    const result = await (draft.kind === 'correction'
      ? recordLedgerEntry(spy, { draft: { ...draft, witnesses }, authorId: userId, now: at })
      : write(spy, draft, at));
    return { result, rows };
  });
}

const codes = (problems: readonly LedgerProblem[]) => problems.map((p) => p.code);

beforeAll(async () => {
  t = await createTestDatabase();
  const [user] = await t.db.query<{ id: string }>(
    "INSERT INTO users (email, display_name, roles) VALUES ('g@clinic.test', 'Gail Nurse', '{nurse}') RETURNING id",
  );
  userId = user!.id;
  const [witness] = await t.db.query<{ id: string }>(
    "INSERT INTO users (email, display_name, roles) VALUES ('w@clinic.test', 'Will Nurse', '{nurse}') RETURNING id",
  );
  witnessId = witness!.id;
  await t.db.transaction(async (tx) => {
    await insertProduct(tx, KETAMINE, userId, new Date(START));
    await insertProduct(tx, OTHER, userId, new Date(START));
    await insertLocation(tx, SAFE, userId, new Date(START));
    const other = await write(tx, receipt(OTHER.id, 1));
    if (!other.ok) throw new Error('receipt');
    otherReceipt = other.entry.id;
    expect((await write(tx, receipt(KETAMINE.id, 1000))).ok).toBe(true);
    for (let i = 0; i < EARLY; i += 1) {
      const r = await write(tx, dose(1));
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      if (i === 0) firstDose = r.entry.id;
    }
  });
}, 120_000);
afterAll(() => t.drop());

describe('a register write reads only what it needs', () => {
  it(`reads a handful of entries, not the ${EARLY} before it, for a draw, a refusal and a correction`, async () => {
    const drawn = await counted(dose(1));
    expect(drawn.result.ok).toBe(true);
    expect(drawn.rows).toBeLessThanOrEqual(4);
    if (!drawn.result.ok) return;
    // 1000 vials of 500 mg, less 400 and 1.
    expect(drawn.result.balanceAfter).toMatchObject({ containers: 599, mg: 599 * 500 });

    const refused = await counted(dose(600));
    expect(refused.rows).toBeLessThanOrEqual(4);
    expect(refused.result.ok).toBe(false);
    if (refused.result.ok) return;
    expect(codes(refused.result.problems)).toEqual(['insufficient-stock']);
    expect(refused.result.balances).toEqual([
      { productId: KETAMINE.id, locationId: SAFE.id, containers: 599, mg: 599 * 500 },
    ]);

    const corrected = await counted({
      kind: 'correction',
      productId: KETAMINE.id,
      locationId: SAFE.id,
      correctsEntryId: firstDose,
      quantity: { containers: 2 },
      reason: 'Written in error',
    });
    expect(corrected.rows).toBeLessThanOrEqual(6);
    expect(corrected.result.ok).toBe(true);
    if (!corrected.result.ok) return;
    expect(corrected.result.balanceAfter).toMatchObject({ containers: 598, mg: 598 * 500 });
    // A second correction supersedes the first: measured from what now stands (2 vials), not the original.
    const again = await counted({
      kind: 'correction',
      productId: KETAMINE.id,
      locationId: SAFE.id,
      correctsEntryId: firstDose,
      quantity: { containers: 1 },
      reason: 'Back to one vial',
    });
    expect(again.result.ok && again.result.balanceAfter.containers).toBe(599);
    expect(await verifyLedgerBalances(t.db)).toEqual([]);
    expect((await verifyLedgerChain(t.db)).intact).toBe(true);
    expect(await keptBalances(t.db, KETAMINE.id)).toEqual([
      { productId: KETAMINE.id, locationId: SAFE.id, containers: 599, mg: 599 * 500 },
    ]);
  });

  it('keeps the same refusals: out of sequence, and a correction of an entry not in the product', async () => {
    const early = await counted(dose(1), new Date(START));
    expect(!early.result.ok && codes(early.result.problems)).toContain('out-of-sequence');
    const wrong = await counted({
      kind: 'correction',
      productId: KETAMINE.id,
      locationId: SAFE.id,
      correctsEntryId: otherReceipt,
      reason: 'Wrong product',
    });
    expect(!wrong.result.ok && wrong.result.problems.map((p) => [p.code, p.text])).toEqual([
      ['correction-needs-target', 'The entry to correct is not in this register.'],
    ]);
  });

  it('names a tampered kept balance row, and agrees again once it is put back', async () => {
    await t.db.query('UPDATE cd_balances SET mg = mg - 1 WHERE product_id = $1', [KETAMINE.id]);
    expect(await verifyLedgerBalances(t.db)).toEqual([
      {
        productId: KETAMINE.id,
        locationId: SAFE.id,
        kept: { containers: 599, mg: 599 * 500 - 1 },
        recomputed: { containers: 599, mg: 599 * 500 },
      },
    ]);
    await t.db.query('UPDATE cd_balances SET mg = mg + 1 WHERE product_id = $1', [KETAMINE.id]);
    expect(await verifyLedgerBalances(t.db)).toEqual([]);
  });
});
