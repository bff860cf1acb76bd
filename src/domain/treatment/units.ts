// Branded clinical quantities: numbers tagged with their unit, so mixing mg with mL or kg is a compile error.

declare const unitBrand: unique symbol;

/** A number that carries its unit in the type; made only by the constructors below, one beside each unit. */
type Quantity<U extends string> = number & { readonly [unitBrand]: U };

// The constructors only tag the number. Whether it is plausible (finite, positive, in range) is a clinical
// question each calculation answers with a returned problem, so an entered 0 kg is reported, not hidden.

/** The constructor for the unit its argument names: it tags the number with that unit and does nothing else. */
const constructorOf =
  <U extends string>(_unit: U) =>
  (value: number): Quantity<U> =>
    value as Quantity<U>;

export type Kilograms = Quantity<'kg'>; // A body weight in kilograms.
export const kilograms = constructorOf('kg');
export type Milligrams = Quantity<'mg'>; // A dose in milligrams.
export const milligrams = constructorOf('mg');
export type MgPerKg = Quantity<'mg/kg'>; // A weight-based dose in milligrams per kilogram.
export const mgPerKg = constructorOf('mg/kg');
export type MgPerKgPerHour = Quantity<'mg/kg/h'>; // A weight-based infusion rate in milligrams per kilogram per hour.
export const mgPerKgPerHour = constructorOf('mg/kg/h');
export type MgPerHour = Quantity<'mg/h'>; // An infusion rate in milligrams per hour.
export const mgPerHour = constructorOf('mg/h');
export type MgPerMl = Quantity<'mg/mL'>; // A solution's concentration in milligrams per millilitre.
export const mgPerMl = constructorOf('mg/mL');
export type Millilitres = Quantity<'mL'>; // A volume in millilitres.
export const millilitres = constructorOf('mL');
export type MlPerHour = Quantity<'mL/h'>; // A pump rate in millilitres per hour.
export const mlPerHour = constructorOf('mL/h');
export type Minutes = Quantity<'min'>; // A duration in minutes.
export const minutes = constructorOf('min');
export type MmHg = Quantity<'mmHg'>; // A blood pressure in millimetres of mercury.
export const mmHg = constructorOf('mmHg');
export type BeatsPerMinute = Quantity<'bpm'>; // A heart rate in beats per minute.
export const beatsPerMinute = constructorOf('bpm');
export type BreathsPerMinute = Quantity<'breaths/min'>; // A respiratory rate in breaths per minute.
export const breathsPerMinute = constructorOf('breaths/min');
export type Percent = Quantity<'%'>; // A percentage, e.g. oxygen saturation.
export const percent = constructorOf('%');

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
