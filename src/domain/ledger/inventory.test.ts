import { describe, expect, it } from 'vitest';
import { isoDate } from '../core/calendar.ts';
import { balanceTable } from './balance.ts';
import { biennialInventory, inventoryDueBy } from './inventory.ts';
import { productOf, SAFE_A, SAFE_B, TestRegister, VIAL } from './test-fixtures.ts';

const d = (text: string) => isoDate(text)!;

const TABLETS = productOf({
  id: 'tabs',
  drug: 'Example',
  form: 'tablet',
  mgPerUnit: 5,
  containerSize: 1001,
  containerName: 'bottle',
  code: { system: 'other', value: 'X1' },
  schedule: { us: 'IV' },
});

describe('inventory sheet (21 CFR 1304.11)', () => {
  it('lists sealed containers and opened contents per product and location, zero balances included', () => {
    const reg = new TestRegister();
    reg.must('receipt', { quantity: { containers: 3 } });
    reg.must('transfer', { quantity: { containers: 1 } });
    reg.must('administration', { locationId: SAFE_B.id, quantity: { mg: 35 } });
    reg.must('waste', { locationId: SAFE_B.id, quantity: { mg: 165 } });
    const sheet = biennialInventory(balanceTable(reg.entries), [VIAL], d('2026-05-01'), 'opening');
    expect(sheet.asOf).toBe('2026-05-01');
    expect(sheet.takenAt).toBe('opening');
    expect(
      sheet.rows.map((r) => [r.locationId, r.sealedContainers, r.openedMg, r.opened, r.totalMg]),
    ).toEqual([
      [SAFE_A.id, 2, 0, '0 mg (0 mL)', 400],
      [SAFE_B.id, 0, 0, '0 mg (0 mL)', 0],
    ]);
    expect(sheet.rows[0]).toMatchObject({
      drug: 'Ketamine hydrochloride',
      finishedForm: '10 mg/mL solution for injection',
      containerSize: '20 mL vial',
      openedMeasure: 'estimate-allowed',
    });
  });

  it('needs an exact count for Schedule II and for containers over 1,000 units', () => {
    const scheduleTwo = { ...VIAL, schedule: { us: 'II' as const } };
    const balances = [
      { productId: VIAL.id, locationId: SAFE_A.id, containers: 1, mg: VIAL.mgPerContainer },
      { productId: TABLETS.id, locationId: SAFE_A.id, containers: 0, mg: TABLETS.mgPerContainer },
    ];
    expect(
      biennialInventory(balances, [scheduleTwo, TABLETS], d('2026-05-01'), 'close').rows.map(
        (r) => r.openedMeasure,
      ),
    ).toEqual(['exact-required', 'exact-required']);
  });

  it('leaves out balances of products it was not given', () => {
    const balances = [{ productId: 'gone', locationId: SAFE_A.id, containers: 1, mg: VIAL.mgPerContainer }];
    expect(biennialInventory(balances, [VIAL], d('2026-05-01'), 'close').rows).toEqual([]);
  });

  it('is due two years after the last one, or sooner where a state says so', () => {
    expect(inventoryDueBy(d('2026-05-01'))).toBe('2028-05-01');
    expect(inventoryDueBy(d('2024-02-29'))).toBe('2026-02-28');
    expect(inventoryDueBy(d('2026-05-01'), 12)).toBe('2027-05-01');
    expect(inventoryDueBy(d('2026-12-31'), 2)).toBe('2027-02-28');
  });
});
