import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../audit/canonical-json.ts';
import { canonicalEntry, CANONICAL_ENTRY_VERSION } from './canonical.ts';
import { TestRegister } from './test-fixtures.ts';

function entries() {
  const reg = new TestRegister();
  const receipt = reg.must('receipt');
  const admin = reg.must('administration');
  return { receipt, admin };
}

describe('canonicalEntry', () => {
  it('writes every field of a receipt, versioned, with no absent fields', () => {
    expect(canonicalEntry(entries().receipt)).toEqual({
      version: CANONICAL_ENTRY_VERSION,
      id: 'e1',
      seq: 1,
      kind: 'receipt',
      productId: 'ket-10',
      locationId: 'safe-a',
      quantity: { containers: 5, mg: 1000 },
      occurredAt: '2026-03-02T08:50:00.000Z',
      recordedAt: '2026-03-02T09:00:00.000Z',
      authorId: 'nurse-1',
      witnesses: [],
      effects: [{ locationId: 'safe-a', containers: 5, mg: 1000 }],
      supplier: {
        name: 'Acme Wholesale',
        address: '1 Main St, Springfield',
        registrationNumber: 'RA1234563',
      },
      invoiceNumber: 'INV-1',
      lot: 'L1',
      expiry: '2027-12-31',
    });
  });

  it('gives the same text however the entry object was built', () => {
    const { admin } = entries();
    const reordered = Object.fromEntries(Object.entries(admin).reverse()) as typeof admin;
    expect(canonicalJson(canonicalEntry(reordered))).toBe(canonicalJson(canonicalEntry(admin)));
  });

  it('changes when any hashed field changes', () => {
    const { admin } = entries();
    const base = canonicalJson(canonicalEntry(admin));
    const edits = [
      { ...admin, quantity: { ...admin.quantity, mg: 36 as never } },
      { ...admin, patientId: 'pat-2' },
      { ...admin, authorId: 'nurse-9' },
      { ...admin, seq: 3 },
      { ...admin, witnesses: [{ userId: 'x', reauthenticatedAt: '2026-03-02T09:00:00Z' }] },
    ];
    for (const edited of edits) expect(canonicalJson(canonicalEntry(edited))).not.toBe(base);
  });

  it('ignores fields that are not part of the record', () => {
    const { admin } = entries();
    const extra = { ...admin, uiOnly: 'x' };
    expect(canonicalJson(canonicalEntry(extra))).toBe(canonicalJson(canonicalEntry(admin)));
  });
});
