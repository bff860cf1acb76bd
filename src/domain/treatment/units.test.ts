import { describe, expect, it } from 'vitest';
import {
  concentrationOf,
  doseForWeight,
  dosePerKg,
  doseRate,
  doseRatePerKg,
  kilograms,
  mgPerKg,
  mgPerMl,
  milligrams,
  millilitres,
  minutes,
  volumeForDose,
  volumeRate,
} from './units.ts';

describe('branded units', () => {
  it('works the pump-rate arithmetic of clinic.md §3: 70 kg × 0.5 mg/kg = 35 mg; over 40 min at 1 mg/mL = 52.5 mL/h', () => {
    const dose = doseForWeight(kilograms(70), mgPerKg(0.5));
    expect(dose).toBe(35);
    expect(doseRate(dose, minutes(40))).toBe(52.5);
    const volume = volumeForDose(dose, mgPerMl(1));
    expect(volume).toBe(35);
    expect(volumeRate(volume, minutes(40))).toBe(52.5);
  });

  it('converts back and forth between mg, mg/kg, mg/kg/h and mg/mL', () => {
    expect(dosePerKg(milligrams(105), kilograms(70))).toBe(1.5);
    expect(doseRatePerKg(doseRate(milligrams(35), minutes(40)), kilograms(70))).toBe(0.75);
    expect(concentrationOf(milligrams(50), millilitres(100))).toBe(0.5);
  });

  it('makes mixing units a compile error', () => {
    // @ts-expect-error: a volume is not a dose
    volumeForDose(millilitres(35), mgPerMl(1));
    // @ts-expect-error: a plain number is not a weight; it must go through kilograms()
    doseForWeight(70, mgPerKg(0.5));
    // @ts-expect-error: mg/kg is not mg/mL
    volumeForDose(milligrams(35), mgPerKg(1));
    expect(true).toBe(true);
  });
});
