import { describe, expect, it } from 'vitest';
import type { Directory } from './format.ts';
import { SAFE_A, SAFE_B, TestRegister, VIAL } from './test-fixtures.ts';
import { usAdministrationRecordRows } from './us-record.ts';

const directory: Directory = {
  'nurse-1': { name: 'Ann Nurse', initials: 'AN' },
  'nurse-2': { name: 'Ben Witness' },
  'cd-officer': { name: 'Cara Officer' },
  'pat-1': { name: 'Pat Patient', address: '2 Elm St, Springfield' },
  [SAFE_B.id]: { name: SAFE_B.name },
};

function register(): TestRegister {
  const reg = new TestRegister();
  reg.must('receipt', { quantity: { containers: 3 } });
  reg.doseAndWasteRest();
  reg.must('destruction', { quantity: { containers: 1 } });
  reg.must('loss', { quantity: { containers: 1 }, theft: true, reason: 'Safe forced' });
  return reg;
}

const rows = () => usAdministrationRecordRows(register().entries, VIAL, SAFE_A, directory).rows;

describe('US dispensing/administration record (21 CFR 1304.22(c))', () => {
  it('heads the record with substance, finished form, container size, schedule and NDC', () => {
    expect(usAdministrationRecordRows([], VIAL, SAFE_A).heading).toEqual({
      substance: 'Ketamine hydrochloride',
      finishedForm: '10 mg/mL solution for injection',
      containerSize: '20 mL vial',
      schedule: 'CIII',
      code: 'NDC 0000-0000-00',
      location: 'Main safe',
    });
  });

  it.each([
    [
      'records containers received with the supplier’s name, address and DEA number (c)(3)',
      0,
      {
        section: 'received',
        date: '2026-03-02',
        containersReceived: 3,
        supplier: { name: 'Acme Wholesale', address: '1 Main St, Springfield', deaNumber: 'RA1234563' },
        invoiceNumber: 'INV-1',
        lot: 'L1',
      },
    ],
    [
      'records an administration with the patient’s name and address and who administered (c)(4)',
      1,
      {
        section: 'administered',
        quantity: '35 mg (3.5 mL), 1 × 20 mL vial opened',
        patient: { name: 'Pat Patient', address: '2 Elm St, Springfield' },
        administeredBy: 'Ann Nurse (AN)',
        sessionId: 'ses-1',
      },
    ],
    [
      'records wastage with the session it follows, and its witness',
      2,
      { section: 'wasted', quantity: '165 mg (16.5 mL)', sessionId: 'ses-1', witnessedBy: ['Ben Witness'] },
    ],
  ])('%s', (_title, index, expected) => {
    expect(rows()[index]).toMatchObject(expected);
  });

  it('records other disposal with its manner and quantity (c)(5)', () => {
    expect(
      rows()
        .slice(3)
        .map((r) => [r.section, r.mannerOfDisposal, r.quantity]),
    ).toEqual([
      ['disposed', 'Destroyed: Denaturing kit', '1 × 20 mL vial (200 mg)'],
      ['disposed', 'Theft', '1 × 20 mL vial (200 mg)'],
    ]);
    expect(rows()[3]?.witnessedBy).toEqual(['Ben Witness', 'Cara Officer']);
  });

  it('records returns, transfers and counts in their own sections', () => {
    const reg = register();
    reg.must('receipt', { quantity: { containers: 3 } });
    reg.must('return');
    reg.must('transfer');
    reg.must('count', { quantity: { containers: 1, mg: 200 } });
    const tail = usAdministrationRecordRows(reg.entries, VIAL, SAFE_A, directory).rows.slice(-3);
    expect(tail.map((r) => [r.section, r.mannerOfDisposal])).toEqual([
      ['disposed', 'Returned to supplier Acme Wholesale'],
      ['transferred', 'Transferred to Treatment room safe'],
      ['inventory', null],
    ]);
    expect(usAdministrationRecordRows(reg.entries, VIAL, SAFE_B, directory).rows[0]?.mannerOfDisposal).toBe(
      `Received from [unknown ${SAFE_A.id}]`,
    );
  });

  it('keeps the running balance on every row', () => {
    expect(rows().map((r) => r.balance)).toEqual([
      '3 × 20 mL vial (600 mg); total 600 mg',
      '2 × 20 mL vial (400 mg) + 165 mg (16.5 mL) opened; total 565 mg',
      '2 × 20 mL vial (400 mg); total 400 mg',
      '1 × 20 mL vial (200 mg); total 200 mg',
      '0 mg (0 mL); total 0 mg',
    ]);
  });

  it('shows a correction in the corrected entry’s terms and strikes the original', () => {
    const reg = register();
    reg.must('correction', { correctsEntryId: 'e2', quantity: { mg: 30 }, reason: 'Dose was 30 mg' });
    const all = usAdministrationRecordRows(reg.entries, VIAL, SAFE_A, directory).rows;
    expect(all[1]?.struck).toBe(true);
    expect(all.at(-1)).toMatchObject({
      section: 'correction',
      quantity: '30 mg (3 mL), 1 × 20 mL vial opened',
    });
  });
});
