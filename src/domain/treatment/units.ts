// Branded clinical quantities: numbers tagged with their unit, so mixing mg with mL or kg is a compile error.

declare const unitBrand: unique symbol;

/** A number that carries its unit in the type; made only by the constructors below. */
type Quantity<U extends string> = number & { readonly [unitBrand]: U };

export type Kilograms = Quantity<'kg'>;
export type Milligrams = Quantity<'mg'>;
export type MgPerKg = Quantity<'mg/kg'>;
export type MgPerKgPerHour = Quantity<'mg/kg/h'>;
export type MgPerHour = Quantity<'mg/h'>;
export type MgPerMl = Quantity<'mg/mL'>;
export type Millilitres = Quantity<'mL'>;
export type MlPerHour = Quantity<'mL/h'>;
export type Minutes = Quantity<'min'>;
export type MmHg = Quantity<'mmHg'>;
export type BeatsPerMinute = Quantity<'bpm'>;
export type BreathsPerMinute = Quantity<'breaths/min'>;
export type Percent = Quantity<'%'>;

// The constructors only tag the number. Whether it is plausible (finite, positive, in range) is a clinical
// question each calculation answers with a returned problem, so an entered 0 kg is reported, not hidden.

/** A body weight in kilograms. */
export const kilograms = (value: number): Kilograms => value as Kilograms;
/** A dose in milligrams. */
export const milligrams = (value: number): Milligrams => value as Milligrams;
/** A weight-based dose in milligrams per kilogram. */
export const mgPerKg = (value: number): MgPerKg => value as MgPerKg;
/** A weight-based infusion rate in milligrams per kilogram per hour. */
export const mgPerKgPerHour = (value: number): MgPerKgPerHour => value as MgPerKgPerHour;
/** An infusion rate in milligrams per hour. */
export const mgPerHour = (value: number): MgPerHour => value as MgPerHour;
/** A solution's concentration in milligrams per millilitre. */
export const mgPerMl = (value: number): MgPerMl => value as MgPerMl;
/** A volume in millilitres. */
export const millilitres = (value: number): Millilitres => value as Millilitres;
/** A pump rate in millilitres per hour. */
export const mlPerHour = (value: number): MlPerHour => value as MlPerHour;
/** A duration in minutes. */
export const minutes = (value: number): Minutes => value as Minutes;
/** A blood pressure in millimetres of mercury. */
export const mmHg = (value: number): MmHg => value as MmHg;
/** A heart rate in beats per minute. */
export const beatsPerMinute = (value: number): BeatsPerMinute => value as BeatsPerMinute;
/** A respiratory rate in breaths per minute. */
export const breathsPerMinute = (value: number): BreathsPerMinute => value as BreathsPerMinute;
/** A percentage, e.g. oxygen saturation. */
export const percent = (value: number): Percent => value as Percent;

/** Dose for a weight: mg = kg × mg/kg. */
export function doseForWeight(weight: Kilograms, dose: MgPerKg): Milligrams {
  return milligrams(weight * dose);
}

/** Dose per kilogram: mg/kg = mg ÷ kg. */
export function dosePerKg(dose: Milligrams, weight: Kilograms): MgPerKg {
  return mgPerKg(dose / weight);
}

/** Rate that gives `dose` over `duration`: mg/h = mg ÷ min × 60. */
export function doseRate(dose: Milligrams, duration: Minutes): MgPerHour {
  return mgPerHour((dose / duration) * 60);
}

/** Rate per kilogram: mg/kg/h = (mg/h) ÷ kg. */
export function doseRatePerKg(rate: MgPerHour, weight: Kilograms): MgPerKgPerHour {
  return mgPerKgPerHour(rate / weight);
}

/** Volume holding `dose` at `concentration`: mL = mg ÷ (mg/mL). */
export function volumeForDose(dose: Milligrams, concentration: MgPerMl): Millilitres {
  return millilitres(dose / concentration);
}

/** Concentration of `dose` dissolved in `volume`: mg/mL = mg ÷ mL. */
export function concentrationOf(dose: Milligrams, volume: Millilitres): MgPerMl {
  return mgPerMl(dose / volume);
}

/** Pump rate that runs `volume` over `duration`: mL/h = mL ÷ min × 60. */
export function volumeRate(volume: Millilitres, duration: Minutes): MlPerHour {
  return mlPerHour((volume / duration) * 60);
}
