import { describe, expect, it } from 'vitest';
import {
  applyEntry,
  balanceOf,
  balanceTable,
  emptyBalance,
  findBalance,
  isPossible,
  openMg,
} from './balance.ts';
import { SAFE_A, SAFE_B, TestRegister, VIAL } from './test-fixtures.ts';

const stock = (reg: TestRegister, locationId = SAFE_A.id) => {
  const b = balanceOf(reg.entries, VIAL.id, locationId);
  return { containers: b.containers, mg: b.mg, open: openMg(b, VIAL) };
};

function stocked(containers = 5): TestRegister {
  const reg = new TestRegister();
  reg.must('receipt', { quantity: { containers } });
  return reg;
}

describe('balance arithmetic per entry kind', () => {
  it('adds a receipt in sealed containers and their mg (5 × 200 mg vials = 1000 mg)', () => {
    expect(stock(stocked())).toEqual({ containers: 5, mg: 1000, open: 0 });
  });

  it('takes an administration from an opened vial, opening one only when needed', () => {
    const reg = stocked();
    const first = reg.must('administration', { quantity: { mg: 35 } });
    expect(first.quantity).toEqual({ containers: 1, mg: 35 });
    expect(stock(reg)).toEqual({ containers: 4, mg: 965, open: 165 });
    const second = reg.must('administration', { quantity: { mg: 35 } });
    expect(second.quantity).toEqual({ containers: 0, mg: 35 });
    expect(stock(reg)).toEqual({ containers: 4, mg: 930, open: 130 });
  });

  it('opens two vials when one draw needs more than one (250 mg from 200 mg vials)', () => {
    const reg = stocked();
    expect(reg.must('administration', { quantity: { mg: 250 } }).quantity.containers).toBe(2);
    expect(stock(reg)).toEqual({ containers: 3, mg: 750, open: 150 });
  });

  it('takes waste from the opened remainder only', () => {
    const reg = stocked();
    reg.must('administration', { quantity: { mg: 35 } });
    reg.must('waste', { quantity: { mg: 165 } });
    expect(stock(reg)).toEqual({ containers: 4, mg: 800, open: 0 });
  });

  it('moves a transfer out of the source and into the destination', () => {
    const reg = stocked();
    reg.must('transfer', { quantity: { containers: 2 } });
    expect(stock(reg, SAFE_A.id)).toEqual({ containers: 3, mg: 600, open: 0 });
    expect(stock(reg, SAFE_B.id)).toEqual({ containers: 2, mg: 400, open: 0 });
  });

  it('moves an opened remainder with a transfer when mg exceeds the sealed contents', () => {
    const reg = stocked();
    reg.must('administration', { quantity: { mg: 50 } });
    reg.must('transfer', { quantity: { containers: 1, mg: 350 } });
    expect(stock(reg, SAFE_A.id)).toEqual({ containers: 3, mg: 600, open: 0 });
    expect(stock(reg, SAFE_B.id)).toEqual({ containers: 1, mg: 350, open: 150 });
  });

  it.each(['return', 'destruction', 'loss'] as const)('takes a %s of sealed containers away', (kind) => {
    const reg = stocked();
    reg.must(kind, { quantity: { containers: 2 } });
    expect(stock(reg)).toEqual({ containers: 3, mg: 600, open: 0 });
  });

  it('destroys sealed containers and an opened remainder in one entry', () => {
    const reg = stocked();
    reg.must('administration', { quantity: { mg: 50 } });
    reg.must('destruction', { quantity: { containers: 1, mg: 350 } });
    expect(stock(reg)).toEqual({ containers: 3, mg: 600, open: 0 });
  });

  it('records a count that agrees without changing the balance', () => {
    const reg = stocked();
    const count = reg.must('count', { quantity: { containers: 5, mg: 1000 } });
    expect(count.effects).toEqual([]);
    expect(count.expected).toEqual({ containers: 5, mg: 1000 });
    expect(stock(reg)).toEqual({ containers: 5, mg: 1000, open: 0 });
  });

  it('moves the balance to what was counted when the discrepancy is explained', () => {
    const reg = stocked();
    reg.must('administration', { quantity: { mg: 35 } });
    // Overfill: the opened vial measures 170 mg, not the 165 mg the register expects.
    const count = reg.must('count', {
      quantity: { containers: 4, mg: 970 },
      reason: 'Vial overfill measured',
    });
    expect(count.effects).toEqual([{ locationId: SAFE_A.id, containers: 0, mg: 5 }]);
    expect(stock(reg)).toEqual({ containers: 4, mg: 970, open: 170 });
  });

  it('adjusts downwards for an explained shortfall', () => {
    const reg = stocked();
    reg.must('count', {
      quantity: { containers: 4, mg: 800 },
      reason: 'One vial missing; loss report opened',
    });
    expect(stock(reg)).toEqual({ containers: 4, mg: 800, open: 0 });
  });

  it('keeps mg exact to the microgram over many fractional draws', () => {
    const reg = stocked(1);
    for (let i = 0; i < 10; i += 1) reg.must('administration', { quantity: { mg: 0.1 } });
    expect(stock(reg)).toEqual({ containers: 0, mg: 199, open: 199 });
  });
});

describe('applyEntry, balanceOf and balanceTable', () => {
  it('ignores entries for another product or location', () => {
    const reg = stocked();
    const receipt = reg.entries[0]!;
    expect(applyEntry(emptyBalance('other', SAFE_A.id), receipt)).toEqual(emptyBalance('other', SAFE_A.id));
    expect(applyEntry(emptyBalance(VIAL.id, SAFE_B.id), receipt)).toEqual(emptyBalance(VIAL.id, SAFE_B.id));
  });

  it('lists every product and location touched, and finds an empty balance for others', () => {
    const reg = stocked();
    reg.must('transfer');
    expect(balanceTable(reg.entries).map((b) => [b.locationId, b.containers, b.mg])).toEqual([
      [SAFE_A.id, 4, 800],
      [SAFE_B.id, 1, 200],
    ]);
    expect(findBalance(balanceTable(reg.entries), 'other', SAFE_A.id)).toEqual(
      emptyBalance('other', SAFE_A.id),
    );
  });

  it('calls a balance impossible when sealed containers or the opened remainder are negative', () => {
    expect(isPossible({ ...emptyBalance(VIAL.id, SAFE_A.id), containers: 1, mg: 199 as never }, VIAL)).toBe(
      false,
    );
    expect(isPossible({ ...emptyBalance(VIAL.id, SAFE_A.id), containers: -1, mg: 0 as never }, VIAL)).toBe(
      false,
    );
    expect(isPossible({ ...emptyBalance(VIAL.id, SAFE_A.id), containers: 1, mg: 200 as never }, VIAL)).toBe(
      true,
    );
  });
});
