import { describe, expect, it } from 'vitest';
import type { EntryDraft, EntryKind } from './entry.ts';
import { defaultLedgerPolicy } from './policy.ts';
import { LEDGER_PROBLEM_CODES } from './problems.ts';
import { codesOf, draftOf, SAFE_A, SAFE_B, TestRegister, VIAL } from './test-fixtures.ts';
import { validateEntry } from './validate.ts';

function stocked(policy = defaultLedgerPolicy('us')): TestRegister {
  const reg = new TestRegister(policy);
  reg.must('receipt', { quantity: { containers: 2 } });
  return reg;
}

describe('validateEntry refuses with a code naming the rule', () => {
  // Each rule's problem code, with cases that break it: [case, kind, overrides, path of the problem].
  const casesByCode: Readonly<Record<string, [string, EntryKind, Partial<EntryDraft>, string][]>> = {
    'insufficient-stock': [
      ['an administration beyond stock', 'administration', { quantity: { mg: 401 } }, 'quantity'],
      ['a transfer of more containers than held', 'transfer', { quantity: { containers: 3 } }, 'quantity'],
      ['waste with nothing opened', 'waste', { quantity: { mg: 1 } }, 'quantity'],
      ['a loss of opened mg when none is opened', 'loss', { quantity: { mg: 10 } }, 'quantity'],
    ],
    'witness-required': [['waste with no witness', 'waste', { witnesses: [] }, 'witnesses']],
    'two-witnesses-required': [
      [
        'destruction with one witness',
        'destruction',
        { witnesses: [{ userId: 'nurse-2', reauthenticatedAt: '2026-03-02T09:00:30Z' }] },
        'witnesses',
      ],
    ],
    'witness-must-differ': [
      [
        'the author as witness',
        'waste',
        { witnesses: [{ userId: 'nurse-1', reauthenticatedAt: '2026-03-02T09:00:30Z' }] },
        'witnesses[0].userId',
      ],
    ],
    'witness-not-reauthenticated': [
      [
        'a witness who re-authenticated ten minutes ago',
        'waste',
        { witnesses: [{ userId: 'nurse-2', reauthenticatedAt: '2026-03-02T08:51:00Z' }] },
        'witnesses[0].reauthenticatedAt',
      ],
    ],
    'future-entry': [
      ['a future transaction', 'receipt', { occurredAt: '2026-03-02T10:00:00Z' }, 'occurredAt'],
    ],
    'late-entry-needs-reason': [
      [
        'a transaction two days ago with no reason',
        'receipt',
        { occurredAt: '2026-02-28T09:00:00Z' },
        'lateEntryReason',
      ],
    ],
    'invalid-time': [
      ['a time with no offset', 'receipt', { occurredAt: '2026-03-02T08:00:00' }, 'occurredAt'],
    ],
    'discrepancy-needs-explanation': [
      ['a count that disagrees, unexplained', 'count', { quantity: { containers: 1, mg: 200 } }, 'reason'],
    ],
    'correction-needs-target': [
      ['a correction naming no entry', 'correction', {}, 'correctsEntryId'],
      ['a correction of an unknown entry', 'correction', { correctsEntryId: 'nope' }, 'correctsEntryId'],
    ],
    'correction-needs-reason': [
      ['a correction with no reason', 'correction', { correctsEntryId: 'e1', reason: ' ' }, 'reason'],
    ],
    'quantity-invalid': [
      ['a zero receipt', 'receipt', { quantity: { containers: 0 } }, 'quantity'],
      ['a negative draw', 'administration', { quantity: { mg: -5 } }, 'quantity.mg'],
      ['a draw of zero mg', 'administration', { quantity: { mg: 0 } }, 'quantity.mg'],
      ['half a container received', 'receipt', { quantity: { containers: 1.5 } }, 'quantity.containers'],
      [
        'receipt mg not matching containers',
        'receipt',
        { quantity: { containers: 1, mg: 150 } },
        'quantity.mg',
      ],
      ['a receipt given only in mg', 'receipt', { quantity: { mg: 200 } }, 'quantity.containers'],
      ['mg finer than a microgram', 'administration', { quantity: { mg: 1.0001 } }, 'quantity.mg'],
      [
        'a destruction of sealed vials with less mg than they hold',
        'destruction',
        { quantity: { containers: 1, mg: 100 } },
        'quantity.mg',
      ],
      [
        'waste of a sealed container',
        'waste',
        { quantity: { containers: 1, mg: 200 } },
        'quantity.containers',
      ],
      ['a count without the mg', 'count', { quantity: { containers: 2 } }, 'quantity'],
      [
        'a count with fewer mg than its sealed vials hold',
        'count',
        { quantity: { containers: 2, mg: 300 } },
        'quantity.mg',
      ],
      ['an entry with no quantity', 'loss', { quantity: undefined }, 'quantity'],
    ],
    'wrong-kind-fields': [
      ['a receipt without a supplier', 'receipt', { supplier: undefined }, 'supplier.name'],
      [
        'a receipt without the DEA number (US)',
        'receipt',
        { supplier: { name: 'A', address: 'B' } },
        'supplier.registrationNumber',
      ],
      ['a receipt without a lot', 'receipt', { lot: '' }, 'lot'],
      ['a receipt with an impossible expiry', 'receipt', { expiry: '2027-02-30' }, 'expiry'],
      ['a receipt naming a patient', 'receipt', { patientId: 'pat-1' }, 'patientId'],
      ['a destruction with no method', 'destruction', { destructionMethod: undefined }, 'destructionMethod'],
      ['a loss with no circumstances', 'loss', { reason: undefined }, 'reason'],
      [
        'a correction with its own transaction time',
        'correction',
        { correctsEntryId: 'e1', occurredAt: '2026-03-02T08:00:00Z' },
        'occurredAt',
      ],
      ['an entry with no author', 'receipt', { authorId: '' }, 'authorId'],
    ],
    'administration-needs-patient-and-session': [
      ['an administration without a patient', 'administration', { patientId: undefined }, 'patientId'],
      ['an administration without a session', 'administration', { sessionId: '' }, 'sessionId'],
    ],
    'transfer-needs-destination': [
      [
        'a transfer with no destination',
        'transfer',
        { counterpartyLocationId: undefined },
        'counterpartyLocationId',
      ],
    ],
    'transfer-to-same-location': [
      [
        'a transfer to the same safe',
        'transfer',
        { counterpartyLocationId: SAFE_A.id },
        'counterpartyLocationId',
      ],
    ],
  };
  const cases = Object.entries(casesByCode).flatMap(([code, rows]) =>
    rows.map(([name, kind, overrides, path]) => [name, kind, overrides, code, path] as const),
  );

  it.each(cases)('%s', (_name, kind, overrides, code, path) => {
    const result = stocked().add(kind, overrides);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual(expect.objectContaining({ code, path }));
  });

  it('exercises every problem code here or in a named test file', () => {
    const elsewhere = ['out-of-sequence', 'invalid-product']; // timing.test.ts, units.test.ts
    expect([...new Set([...cases.map((c) => c[3]), ...elsewhere])].sort()).toEqual(
      [...LEDGER_PROBLEM_CODES].sort(),
    );
  });

  it('lists every problem at once, not only the first', () => {
    const result = stocked().add('administration', {
      patientId: undefined,
      quantity: { mg: 9999 },
      witnesses: [],
    });
    expect(codesOf(result).sort()).toEqual([
      'administration-needs-patient-and-session',
      'insufficient-stock',
    ]);
  });

  it('refuses to check an entry against a product or location other than its own', () => {
    const reg = stocked();
    const draft = draftOf('receipt', reg.now);
    const ctx = { product: VIAL, location: SAFE_B, balances: [], policy: reg.policy, now: reg.now };
    expect(validateEntry(draft, ctx)).toEqual({
      ok: false,
      problems: [expect.objectContaining({ code: 'wrong-kind-fields', path: 'locationId' })],
    });
    expect(codesOf(validateEntry({ ...draft, productId: 'other', locationId: SAFE_B.id }, ctx))).toEqual([
      'wrong-kind-fields',
    ]);
  });

  it('appends nothing when an entry is refused', () => {
    const reg = stocked();
    reg.add('administration', { quantity: { mg: 401 } });
    expect(reg.entries).toHaveLength(1);
  });
});

describe('validateEntry accepts and completes a good entry', () => {
  it('stamps recordedAt with now and keeps occurredAt as written', () => {
    const reg = stocked();
    const now = reg.now;
    const entry = reg.must('administration', { occurredAt: '2026-03-02T04:00:00-05:00' });
    expect(entry.recordedAt).toBe(now.toISOString());
    expect(entry.occurredAt).toBe('2026-03-02T04:00:00-05:00');
  });

  it('records the author as the person who administered when no one else is named', () => {
    const reg = stocked();
    expect(reg.must('administration').administeredById).toBe('nurse-1');
    expect(reg.must('administration', { administeredById: 'nurse-3' }).administeredById).toBe('nurse-3');
  });

  it('accepts a receipt given in containers and mg that agree', () => {
    expect(stocked().add('receipt', { quantity: { containers: 2, mg: 400 } }).ok).toBe(true);
  });

  it('needs the prescriber (authority to possess) for an administration in UK mode only', () => {
    expect(
      codesOf(stocked(defaultLedgerPolicy('uk')).add('administration', { prescriberId: undefined })),
    ).toEqual(['wrong-kind-fields']);
    expect(stocked().add('administration', { prescriberId: undefined }).ok).toBe(true);
  });

  it('does not need the supplier DEA number in UK mode', () => {
    const reg = new TestRegister(defaultLedgerPolicy('uk'));
    expect(reg.add('receipt', { supplier: { name: 'UK Wholesale', address: 'Leeds' } }).ok).toBe(true);
  });

  it('lets an administration open a vial on purpose even when the open one would do', () => {
    const reg = stocked();
    reg.must('administration', { quantity: { mg: 35 } });
    expect(reg.must('administration', { quantity: { containers: 1, mg: 35 } }).quantity.containers).toBe(1);
  });

  it('refuses an administration that says no vial is opened when none is open', () => {
    expect(codesOf(stocked().add('administration', { quantity: { containers: 0, mg: 35 } }))).toEqual([
      'insufficient-stock',
    ]);
  });
});
