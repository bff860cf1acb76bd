import { describe, expect, it } from 'vitest';
import { balanceOf } from './balance.ts';
import { correctionsOf, standingQuantity } from './correction.ts';
import { runningBalances } from './register.ts';
import { codesOf, SAFE_A, SAFE_B, TestRegister, VIAL } from './test-fixtures.ts';

const mgAt = (reg: TestRegister, locationId = SAFE_A.id) => {
  const b = balanceOf(reg.entries, VIAL.id, locationId);
  return [b.containers, b.mg];
};

describe('corrections carry the signed delta that fixes the original', () => {
  it('fixes an administration recorded as 40 mg that was 35 mg: +5 mg back into stock', () => {
    const reg = new TestRegister();
    reg.must('receipt', { quantity: { containers: 1 } });
    const wrong = reg.must('administration', { quantity: { mg: 40 } });
    const fix = reg.correct(wrong, { quantity: { mg: 35 }, reason: 'Mis-keyed' });
    expect(fix.effects).toEqual([{ locationId: SAFE_A.id, containers: 0, mg: 5 }]);
    expect(fix.quantity).toEqual({ containers: 1, mg: 35 });
    expect(mgAt(reg)).toEqual([0, 165]);
  });

  it('leaves the original exactly as written', () => {
    const reg = new TestRegister();
    const receipt = reg.must('receipt');
    const copy = structuredClone(receipt);
    reg.correct(receipt, { quantity: { containers: 4 } });
    expect(reg.entries[0]).toEqual(copy);
  });

  it('voids a receipt entered twice with a zero quantity', () => {
    const reg = new TestRegister();
    reg.must('receipt');
    const twice = reg.must('receipt');
    reg.correct(twice, { quantity: { containers: 0 }, reason: 'Entered twice' });
    expect(mgAt(reg)).toEqual([5, 1000]);
  });

  it('corrects details only (an invoice number) without touching the balance', () => {
    const reg = new TestRegister();
    const receipt = reg.must('receipt');
    const fix = reg.correct(receipt, { reason: 'Invoice is INV-2, not INV-1' });
    expect(fix.effects).toEqual([]);
    expect(fix.quantity).toEqual(receipt.quantity);
    expect(mgAt(reg)).toEqual([5, 1000]);
  });

  it('fixes a transfer at both ends', () => {
    const reg = new TestRegister();
    reg.must('receipt');
    const transfer = reg.must('transfer', { quantity: { containers: 2 } });
    const fix = reg.correct(transfer, { quantity: { containers: 1 } });
    expect(fix.counterpartyLocationId).toBe(SAFE_B.id);
    expect(mgAt(reg, SAFE_A.id)).toEqual([4, 800]);
    expect(mgAt(reg, SAFE_B.id)).toEqual([1, 200]);
  });

  it('measures a second correction from the first, which it supersedes', () => {
    const reg = new TestRegister();
    reg.must('receipt', { quantity: { containers: 1 } });
    const admin = reg.must('administration', { quantity: { mg: 40 } });
    reg.correct(admin, { quantity: { mg: 35 } });
    const second = reg.correct(admin, { quantity: { mg: 30 } });
    expect(second.effects).toEqual([{ locationId: SAFE_A.id, containers: 0, mg: 5 }]);
    expect(mgAt(reg)).toEqual([0, 170]);
    expect(standingQuantity(reg.entries, admin)).toEqual({ containers: 1, mg: 30 });
    expect(correctionsOf(reg.entries, admin.id).map((e) => e.seq)).toEqual([3, 4]);
  });

  it('fixes a count: the adjustment follows the corrected figure', () => {
    const reg = new TestRegister();
    reg.must('receipt');
    reg.must('administration', { quantity: { mg: 35 } });
    const count = reg.must('count', {
      quantity: { containers: 4, mg: 955 },
      reason: 'Opened vial short 10 mg',
    });
    expect(mgAt(reg)).toEqual([4, 955]);
    reg.correct(count, { quantity: { mg: 965 }, reason: 'Syringe scale mis-read' });
    expect(mgAt(reg)).toEqual([4, 965]);
  });

  it('refuses a correction that would take stock below zero', () => {
    const reg = new TestRegister();
    const receipt = reg.must('receipt', { quantity: { containers: 2 } });
    reg.must('administration', { quantity: { mg: 250 } });
    expect(
      codesOf(reg.add('correction', { correctsEntryId: receipt.id, quantity: { containers: 1 } })),
    ).toEqual(['insufficient-stock']);
  });

  it('refuses to correct a correction: correct the original instead', () => {
    const reg = new TestRegister();
    const receipt = reg.must('receipt');
    const fix = reg.correct(receipt, { quantity: { containers: 4 } });
    expect(codesOf(reg.add('correction', { correctsEntryId: fix.id }))).toEqual(['correction-needs-target']);
  });

  it('refuses a correction filed under another location', () => {
    const reg = new TestRegister();
    const receipt = reg.must('receipt');
    const result = reg.add('correction', { correctsEntryId: receipt.id, locationId: SAFE_B.id });
    expect(codesOf(result)).toEqual(['correction-needs-target']);
  });

  it('refuses a corrected quantity that breaks the original kind’s rule', () => {
    const reg = new TestRegister();
    const receipt = reg.must('receipt');
    expect(
      codesOf(reg.add('correction', { correctsEntryId: receipt.id, quantity: { containers: 1, mg: 10 } })),
    ).toEqual(['quantity-invalid']);
  });

  it('needs a witness by default, and a reason', () => {
    const reg = new TestRegister();
    const receipt = reg.must('receipt');
    expect(
      codesOf(reg.add('correction', { correctsEntryId: receipt.id, witnesses: [], reason: '' })).sort(),
    ).toEqual(['correction-needs-reason', 'witness-required']);
  });

  it('marks the original struck through with the correction as its footnote', () => {
    const reg = new TestRegister();
    const receipt = reg.must('receipt');
    const fix = reg.correct(receipt, { quantity: { containers: 4 } });
    const lines = runningBalances(reg.entries);
    expect(lines[0]?.correctedBy).toEqual([fix.id]);
    expect(lines.map((l) => l.balancesAfter[0]?.mg)).toEqual([1000, 800]);
  });
});
