import { describe, expect, it } from 'vitest';
import {
  remsConcomitantMedication,
  remsFortyMinuteBp,
  remsMedicationSuggestion,
  remsPreDoseAcceptable,
} from './rems-fill.ts';
import { at, esketamine, vitals } from './test-fixtures.ts';

describe('REMS 40-minute BP', () => {
  it.each([
    ['nothing but the 120-min reading', [120], null],
    ['29 min', [29, 120], null],
    ['30 min', [30, 120], 30],
    ['50 min', [50, 120], 50],
    ['51 min', [51, 120], null],
  ])('with %s reports %s', (_label, minutes, expected) => {
    const readings = minutes.map((m) => vitals({ systolic: 100 + m, diastolic: 80 }, at(m)));
    const bp = remsFortyMinuteBp(esketamine, at(0), readings);
    expect(bp === null ? null : bp.systolic - 100).toBe(expected);
  });
});

describe('REMS "vital signs acceptable before administration"', () => {
  it.each([
    ['140/90 (at the threshold)', 140, 90, true],
    ['141/90', 141, 90, false],
    ['140/91', 140, 91, false],
  ])('%s without acknowledgement → %s', (_label, systolic, diastolic, acceptable) => {
    const result = remsPreDoseAcceptable(esketamine, vitals({ systolic, diastolic }), null);
    expect(result.acceptable).toBe(acceptable);
    expect(result.note === null).toBe(acceptable);
  });

  it('says No when dosing went ahead over a high BP, naming the prescriber who acknowledged it and when', () => {
    const result = remsPreDoseAcceptable(esketamine, vitals({ systolic: 150, diastolic: 95 }), {
      by: 'Pat Prescriber',
      at: at(-2),
    });
    expect(result).toEqual({
      acceptable: false,
      note: 'Pre-dose BP 150/95 mmHg was above 140/90; dosing went ahead, acknowledged by prescriber Pat Prescriber at 2026-11-22T09:58:00.000Z.',
    });
  });

  it('says No for an incomplete pre-dose reading', () => {
    expect(remsPreDoseAcceptable(esketamine, vitals({ spo2: Number.NaN }), null).acceptable).toBe(false);
  });
});

describe('REMS concomitant medication', () => {
  it('turns the matcher’s classes into a suggestion only', () => {
    expect(remsMedicationSuggestion(['opioid', 'benzodiazepine'])).toEqual({
      benzodiazepines: true,
      nonBenzodiazepineSedativeHypnotics: false,
      psychostimulants: false,
      maois: false,
      opioids: true,
    });
  });

  it('leaves every answer blank until a person confirms, then uses their answers', () => {
    expect(Object.values(remsConcomitantMedication(null))).toEqual([null, null, null, null, null]);
    const answers = {
      benzodiazepines: false,
      nonBenzodiazepineSedativeHypnotics: false,
      psychostimulants: true,
      maois: false,
      opioids: true,
    };
    expect(remsConcomitantMedication({ answers, confirmedBy: 'Sam', confirmedAt: at(0) })).toEqual(answers);
  });
});
