// Shared test data for the register: a ketamine vial, two safes, and a register that validates then appends.
import { balanceTable } from './balance.ts';
import { recordEntry, type EntryDraft, type EntryKind, type LedgerEntry, type ValidEntry } from './entry.ts';
import { defaultLedgerPolicy, type LedgerPolicy } from './policy.ts';
import type { Outcome } from './problems.ts';
import { makeProduct, type Location, type Product, type ProductInput } from './product.ts';
import { validateEntry } from './validate.ts';

/** A product that must be valid; fails the test loudly otherwise. */
export function productOf(input: ProductInput): Product {
  const made = makeProduct(input);
  if (!made.ok) throw new Error(JSON.stringify(made.problems));
  return made.value;
}

/** Ketamine 10 mg/mL, 20 mL multi-dose vial = 200 mg (clinic.md §3). */
export const VIAL = productOf({
  id: 'ket-10',
  drug: 'Ketamine hydrochloride',
  form: 'solution for injection',
  strengthMgPerMl: 10,
  containerSize: 20,
  containerName: 'vial',
  code: { system: 'ndc', value: '0000-0000-00' },
  schedule: { us: 'III', uk: { schedule: 2, drugClass: 'B' } },
});

export const SAFE_A: Location = { id: 'safe-a', name: 'Main safe', premisesId: 'clinic-1' };
export const SAFE_B: Location = { id: 'safe-b', name: 'Treatment room safe', premisesId: 'clinic-1' };
const LOCATIONS = [SAFE_A, SAFE_B];

/** Monday 2 March 2026, 09:00 UTC. */
export const T0 = new Date('2026-03-02T09:00:00.000Z');

export const minutesAfter = (start: Date, minutes: number): Date =>
  new Date(start.getTime() + minutes * 60_000);

const SUPPLIER = {
  name: 'Acme Wholesale',
  address: '1 Main St, Springfield',
  registrationNumber: 'RA1234563',
};

/** A complete draft of `kind` made at `now`, with the fields its kind needs; `overrides` replace them. */
export function draftOf(kind: EntryKind, now: Date, overrides: Partial<EntryDraft> = {}): EntryDraft {
  const witness = (userId: string) => ({ userId, reauthenticatedAt: minutesAfter(now, -1).toISOString() });
  const base = {
    kind,
    productId: VIAL.id,
    locationId: SAFE_A.id,
    authorId: 'nurse-1',
    occurredAt: minutesAfter(now, -10).toISOString(),
  };
  const byKind: Record<EntryKind, Partial<EntryDraft>> = {
    receipt: {
      quantity: { containers: 5 },
      supplier: SUPPLIER,
      invoiceNumber: 'INV-1',
      lot: 'L1',
      expiry: '2027-12-31',
    },
    administration: { quantity: { mg: 35 }, patientId: 'pat-1', sessionId: 'ses-1', prescriberId: 'dr-1' },
    waste: { quantity: { mg: 15 }, patientId: 'pat-1', sessionId: 'ses-1', witnesses: [witness('nurse-2')] },
    transfer: { quantity: { containers: 1 }, counterpartyLocationId: SAFE_B.id },
    return: { quantity: { containers: 1 }, supplier: SUPPLIER, reason: 'Recall' },
    destruction: {
      quantity: { containers: 1 },
      destructionMethod: 'Denaturing kit',
      witnesses: [witness('nurse-2'), witness('cd-officer')],
    },
    loss: { quantity: { containers: 1 }, reason: 'Vial broken on the floor' },
    count: { quantity: { containers: 0, mg: 0 }, witnesses: [witness('nurse-2')] },
    correction: { occurredAt: undefined, reason: 'Typing error', witnesses: [witness('nurse-2')] },
  };
  return { ...base, ...byKind[kind], ...overrides };
}

/** A register under test: validates each draft against what it holds, and appends only accepted ones. */
export class TestRegister {
  readonly entries: LedgerEntry[] = [];
  now: Date = T0;

  constructor(
    readonly policy: LedgerPolicy = defaultLedgerPolicy('us'),
    readonly products: readonly Product[] = [VIAL],
  ) {}

  /** Validates `draft` at the register's clock; appends it when valid. The clock moves on a minute. */
  submit(draft: EntryDraft): Outcome<ValidEntry> {
    const product = this.products.find((p) => p.id === draft.productId) ?? VIAL;
    const location = LOCATIONS.find((l) => l.id === draft.locationId) ?? SAFE_A;
    const checked = validateEntry(draft, {
      product,
      location,
      balances: balanceTable(this.entries),
      policy: this.policy,
      now: this.now,
      entries: this.entries,
    });
    if (checked.ok)
      this.entries.push(recordEntry(checked.value, `e${this.entries.length + 1}`, this.entries.length + 1));
    this.now = minutesAfter(this.now, 1);
    return checked;
  }

  /** A default draft of `kind` at the register's clock, submitted. */
  add(kind: EntryKind, overrides: Partial<EntryDraft> = {}): Outcome<ValidEntry> {
    return this.submit(draftOf(kind, this.now, overrides));
  }

  /** Like `add`, but the test fails when the entry is refused. */
  must(kind: EntryKind, overrides: Partial<EntryDraft> = {}): LedgerEntry {
    const result = this.add(kind, overrides);
    if (!result.ok) throw new Error(`${kind} refused: ${JSON.stringify(result.problems)}`);
    const last = this.entries.at(-1);
    if (last === undefined) throw new Error('nothing appended');
    return last;
  }

  /** Corrects `entry` with `changes` (the quantity it should have had, the reason, ...); must be accepted. */
  correct(entry: LedgerEntry, changes: Partial<EntryDraft> = {}): LedgerEntry {
    return this.must('correction', { correctsEntryId: entry.id, ...changes });
  }

  /** Gives 35 mg from a newly opened 200 mg vial, then wastes the 165 mg left in it. */
  doseAndWasteRest(): void {
    this.must('administration', { quantity: { mg: 35 } });
    this.must('waste', { quantity: { mg: 165 } });
  }
}

/** The problem codes of a refused outcome (empty when accepted). */
export function codesOf(result: Outcome<unknown>): string[] {
  return result.ok ? [] : result.problems.map((p) => p.code);
}
