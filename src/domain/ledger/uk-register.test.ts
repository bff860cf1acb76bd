import { describe, expect, it } from 'vitest';
import type { Directory } from './format.ts';
import { defaultLedgerPolicy } from './policy.ts';
import { SAFE_A, SAFE_B, TestRegister, VIAL } from './test-fixtures.ts';
import { ukRegisterRows } from './uk-register.ts';

const directory: Directory = {
  'nurse-1': { name: 'Ann Nurse', initials: 'AN' },
  'nurse-2': { name: 'Ben Witness' },
  'cd-officer': { name: 'Cara Officer' },
  'pat-1': { name: 'Pat Patient', address: '2 High St, Leeds' },
  'dr-1': { name: 'Dr Dee Prescriber, GMC 1234567' },
  [SAFE_B.id]: { name: SAFE_B.name },
};

function register(): TestRegister {
  const reg = new TestRegister(defaultLedgerPolicy('uk'));
  reg.must('receipt', {
    quantity: { containers: 2 },
    supplier: { name: 'UK Wholesale', address: 'Leeds LS1' },
  });
  reg.doseAndWasteRest();
  reg.must('transfer', { quantity: { containers: 1 } });
  return reg;
}

describe('UK register section (MDR 2001 reg 19)', () => {
  it('heads the section with drug, form, strength and class', () => {
    expect(ukRegisterRows(register().entries, VIAL, SAFE_A, directory).heading).toEqual({
      drug: 'Ketamine hydrochloride',
      form: 'solution for injection',
      strength: '10 mg/mL',
      container: '20 mL vial',
      drugClass: 'Class B, Schedule 2',
      location: 'Main safe',
    });
  });

  it('puts receipts under "obtained" with name, address and quantity received', () => {
    const [row] = ukRegisterRows(register().entries, VIAL, SAFE_A, directory).rows;
    expect(row).toMatchObject({
      part: 'obtained',
      date: '2026-03-02',
      receivedFrom: { name: 'UK Wholesale', address: 'Leeds LS1' },
      quantityReceived: '2 × 20 mL vial (400 mg)',
      suppliedTo: null,
      balance: '2 × 20 mL vial (400 mg); total 400 mg',
      enteredBy: 'Ann Nurse',
    });
  });

  it('puts an administration under "supplied" with the patient, the prescriber as authority and the quantity', () => {
    const row = ukRegisterRows(register().entries, VIAL, SAFE_A, directory).rows[1];
    expect(row).toMatchObject({
      part: 'supplied',
      suppliedTo: { name: 'Pat Patient', address: '2 High St, Leeds' },
      authorityToPossess: 'Dr Dee Prescriber, GMC 1234567',
      quantitySupplied: '35 mg (3.5 mL)',
      personCollecting: null,
      proofOfIdentityRequested: null,
      proofOfIdentityProvided: null,
      balance: '1 × 20 mL vial (200 mg) + 165 mg (16.5 mL) opened; total 365 mg',
    });
    expect(row?.details).toMatch(/1 × 20 mL vial opened/);
  });

  it('explains waste in the details with its witness', () => {
    const row = ukRegisterRows(register().entries, VIAL, SAFE_A, directory).rows[2];
    expect(row).toMatchObject({ part: 'other', witnessedBy: ['Ben Witness'] });
    expect(row?.details).toMatch(/Waste .*165 mg/);
  });

  it('shows a transfer as supplied at the source and obtained at the destination', () => {
    const entries = register().entries;
    expect(ukRegisterRows(entries, VIAL, SAFE_A, directory).rows[3]).toMatchObject({
      part: 'supplied',
      suppliedTo: { name: 'Treatment room safe' },
    });
    expect(ukRegisterRows(entries, VIAL, SAFE_B, directory).rows).toEqual([
      expect.objectContaining({ part: 'obtained', receivedFrom: { name: `[unknown ${SAFE_A.id}]` } }),
    ]);
  });

  it('keeps a corrected line as written, struck through, with a dated footnote', () => {
    const reg = register();
    reg.must('correction', { correctsEntryId: 'e2', quantity: { mg: 30 }, reason: 'Dose was 30 mg' });
    const rows = ukRegisterRows(reg.entries, VIAL, SAFE_A, directory).rows;
    expect(rows[1]).toMatchObject({ quantitySupplied: '35 mg (3.5 mL)', struck: true });
    expect(rows[1]?.footnotes).toEqual([
      'Corrected on 2026-03-02 by Ann Nurse (entry 5): Dose was 30 mg; now reads 30 mg (3 mL), 1 × 20 mL vial opened.',
    ]);
    expect(rows[4]).toMatchObject({
      kind: 'correction',
      part: 'other',
      struck: false,
      enteredOn: '2026-03-02',
    });
    expect(rows[4]?.details).toBe(
      'Correction of entry e2: now reads 30 mg (3 mL), 1 × 20 mL vial opened. Reason: Dose was 30 mg.',
    );
  });

  it('shows the late-entry reason', () => {
    const reg = register();
    reg.must('receipt', { supplier: { name: 'UK Wholesale', address: 'Leeds LS1' } });
    reg.now = new Date('2026-03-05T09:00:00Z');
    reg.must('loss', {
      quantity: { containers: 1 },
      occurredAt: '2026-03-03T09:00:00Z',
      lateEntryReason: 'Found at audit',
    });
    expect(ukRegisterRows(reg.entries, VIAL, SAFE_A, directory).rows.at(-1)).toMatchObject({
      lateEntryReason: 'Found at audit',
      date: '2026-03-03',
      enteredOn: '2026-03-05',
    });
  });
});
