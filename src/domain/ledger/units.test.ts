import { describe, expect, it } from 'vitest';
import { makeProduct } from './product.ts';
import { VIAL } from './test-fixtures.ts';
import {
  addMg,
  milligrams,
  mgInVolume,
  mgPerMl,
  millilitres,
  subtractMg,
  timesMg,
  volumeOfMg,
  wholeNeeded,
} from './units.ts';

const mg = (n: number) => milligrams(n)!;

describe('milligrams', () => {
  it('keeps values to the microgram and refuses finer ones', () => {
    expect(milligrams(36.5)).toBe(36.5);
    expect(milligrams(0.001)).toBe(0.001);
    expect(milligrams(0.0001)).toBeUndefined();
    expect(milligrams(Number.NaN)).toBeUndefined();
    expect(milligrams(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(milligrams(-5)).toBe(-5);
  });

  it('adds exactly where floating point would drift (0.1 + 0.2 = 0.3)', () => {
    expect(addMg(mg(0.1), mg(0.2))).toBe(0.3);
    expect(subtractMg(mg(0.3), mg(0.1))).toBe(0.2);
    expect(timesMg(mg(0.1), 3)).toBe(0.3);
  });

  it('never writes minus zero', () => {
    expect(Object.is(subtractMg(mg(5), mg(5)), 0)).toBe(true);
    expect(Object.is(timesMg(mg(200), -0), 0)).toBe(true);
  });

  it('counts whole containers needed to cover a draw', () => {
    expect(wholeNeeded(mg(0), mg(200))).toBe(0);
    expect(wholeNeeded(mg(-10), mg(200))).toBe(0);
    expect(wholeNeeded(mg(0.001), mg(200))).toBe(1);
    expect(wholeNeeded(mg(200), mg(200))).toBe(1);
    expect(wholeNeeded(mg(200.001), mg(200))).toBe(2);
  });

  it('converts between mL and mg at a strength', () => {
    expect(mgInVolume(millilitres(3.5)!, mgPerMl(10)!)).toBe(35);
    expect(volumeOfMg(mg(35), mgPerMl(50)!)).toBe(0.7);
    expect(millilitres(0)).toBeUndefined();
    expect(mgPerMl(-1)).toBeUndefined();
  });
});

describe('makeProduct', () => {
  it('derives mg per container from strength and size (clinic.md §3 vials)', () => {
    expect(VIAL.mgPerContainer).toBe(200);
    const big = (strengthMgPerMl: number, containerSize: number) =>
      makeProduct({ ...VIAL, strengthMgPerMl, containerSize });
    expect(big(50, 10)).toMatchObject({ ok: true, value: { mgPerContainer: 500 } });
    expect(big(100, 10)).toMatchObject({ ok: true, value: { mgPerContainer: 1000 } });
  });

  it('handles solid doses per unit (esketamine 28 mg devices, pack of 2 = 56 mg)', () => {
    const made = makeProduct({
      ...VIAL,
      form: 'nasal spray',
      mgPerUnit: 28,
      containerSize: 2,
      containerName: 'pack',
    });
    expect(made).toMatchObject({
      ok: true,
      value: { mgPerContainer: 56, strength: { per: 'unit', containerUnits: 2 } },
    });
  });

  it.each([
    ['no strength', { strengthMgPerMl: undefined }, 'strengthMgPerMl'],
    ['both strengths', { mgPerUnit: 5 }, 'strengthMgPerMl'],
    ['a zero strength', { strengthMgPerMl: 0 }, 'strengthMgPerMl'],
    ['a negative volume', { containerSize: -20 }, 'containerSize'],
    [
      'half a tablet per pack',
      { strengthMgPerMl: undefined, mgPerUnit: 5, containerSize: 2.5 },
      'containerSize',
    ],
    ['a bad unit strength', { strengthMgPerMl: undefined, mgPerUnit: 0 }, 'mgPerUnit'],
    ['no drug name', { drug: ' ' }, 'drug'],
    ['no code', { code: { system: 'ndc' as const, value: '' } }, 'code.value'],
    ['a content finer than a microgram', { strengthMgPerMl: 0.00001, containerSize: 1 }, 'containerSize'],
  ])('refuses %s', (_name, change, path) => {
    const made = makeProduct({ ...VIAL, strengthMgPerMl: 10, containerSize: 20, ...change });
    expect(made).toEqual({
      ok: false,
      problems: [expect.objectContaining({ code: 'invalid-product', path })],
    });
  });
});
