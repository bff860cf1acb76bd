import { describe, expect, it } from 'vitest';
import { calculateDose } from './dose.ts';
import type { DoseRequest } from './dose-types.ts';
import { validateProtocol } from './protocol-validate.ts';
import { sublingualKap } from './protocol-sublingual.ts';
import { sublingual, TODAY, valueOf, weighed } from './test-fixtures.ts';
import { milligrams } from './units.ts';

const lozenge = (changes: Partial<DoseRequest>) =>
  calculateDose({ protocol: sublingual, today: TODAY, ...changes });
const warningsOf = (changes: Partial<DoseRequest>) => valueOf(lozenge(changes)).warnings.map((w) => w.code);

// Review 2026-12 §6 item 20: 400 mg at 40 kg (10 mg/kg) passed silently.
describe('calculateDose: sublingual mg/kg warning (setting 5 mg/kg)', () => {
  it.each([
    [400, 80, []],
    [400, 79.9, ['dose-per-kg-above-setting']],
    [350, 70, []],
    [400, 40, ['dose-per-kg-above-setting']],
    [300, 60, []],
    [300, 59.5, ['dose-per-kg-above-setting']],
  ])('%i mg at %f kg → %j', (mg, kg, expected) => {
    expect(warningsOf({ doseMg: milligrams(mg), weight: weighed(kg) })).toEqual(expected);
  });

  it('says what the dose is per kg and cites the setting', () => {
    const w = valueOf(lozenge({ doseMg: milligrams(400), weight: weighed(40) })).warnings[0];
    expect(w?.text).toBe(
      "400 mg is 10 mg/kg, above this protocol's 5 mg/kg: check the dose against the patient's weight.",
    );
    expect(w?.source).toMatch(/bioavailability/);
  });

  it('warns that the mg/kg could not be checked without a weight', () => {
    expect(warningsOf({ doseMg: milligrams(200) })).toEqual(['dose-per-kg-not-checked']);
  });

  it('uses a clinic’s own setting, and none when switched off', () => {
    const rule = sublingualKap.dose;
    if (rule.kind !== 'mg-range' || rule.mgPerKgWarnAbove === null) throw new Error('mg-range expected');
    const at = (value: number | null) =>
      valueOf(
        validateProtocol({
          ...sublingualKap,
          id: 'kap-clinic',
          dose: { ...rule, mgPerKgWarnAbove: value === null ? null : { ...rule.mgPerKgWarnAbove, value } },
        }),
      );
    const ask = (value: number | null) =>
      valueOf(
        calculateDose({ protocol: at(value), today: TODAY, doseMg: milligrams(300), weight: weighed(70) }),
      ).warnings.map((w) => w.code);
    expect(ask(4)).toEqual(['dose-per-kg-above-setting']);
    expect(ask(null)).toEqual([]);
  });
});
