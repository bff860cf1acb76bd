// Branded quantities for the controlled-drug register (mg, mL, strengths), held to the microgram so sums stay exact.

declare const mgBrand: unique symbol;
declare const mlBrand: unique symbol;
declare const mgPerMlBrand: unique symbol;
declare const mgPerUnitBrand: unique symbol;

/** A mass of drug in milligrams, signed (a delta may be negative); made only by `milligrams` or the helpers here. */
export type Milligrams = number & { readonly [mgBrand]: true };
/** A volume in millilitres; made only by `millilitres` or `volumeOfMg`. */
export type Millilitres = number & { readonly [mlBrand]: true };
/** A liquid strength in mg per mL; made only by `mgPerMl`. */
export type MgPerMl = number & { readonly [mgPerMlBrand]: true };
/** A solid-dose strength in mg per unit (tablet, lozenge, nasal device); made only by `mgPerUnit`. */
export type MgPerUnit = number & { readonly [mgPerUnitBrand]: true };

/** Quantities are kept to 0.001 mg (1 µg): fine enough for any ketamine measure, coarse enough to add exactly. */
const MICROGRAMS_PER_MG = 1000;
const LARGEST_MICROGRAMS = Number.MAX_SAFE_INTEGER / 4;

function toMicrograms(value: number): number {
  return Math.round(value * MICROGRAMS_PER_MG);
}

function fromMicrograms(micrograms: number): Milligrams {
  // Normalise -0 so a zero balance is always written 0.
  return (micrograms === 0 ? 0 : micrograms / MICROGRAMS_PER_MG) as Milligrams;
}

/** The amount in mg, or undefined when it is not finite or is finer than 0.001 mg. Negative values are allowed. */
export function milligrams(value: number): Milligrams | undefined {
  if (!Number.isFinite(value)) return undefined;
  const micrograms = toMicrograms(value);
  if (Math.abs(micrograms) > LARGEST_MICROGRAMS) return undefined;
  if (Math.abs(value * MICROGRAMS_PER_MG - micrograms) > 1e-6) return undefined;
  return fromMicrograms(micrograms);
}

/** Zero milligrams. */
export const NO_MG = 0 as Milligrams;

/** a + b, exact to the microgram. */
export function addMg(a: Milligrams, b: Milligrams): Milligrams {
  return fromMicrograms(toMicrograms(a) + toMicrograms(b));
}

/** a − b, exact to the microgram. */
export function subtractMg(a: Milligrams, b: Milligrams): Milligrams {
  return fromMicrograms(toMicrograms(a) - toMicrograms(b));
}

/** `count` times `each` (e.g. containers × mg per container), exact to the microgram. */
export function timesMg(each: Milligrams, count: number): Milligrams {
  return fromMicrograms(toMicrograms(each) * count);
}

/** How many whole `each` are needed to cover `amount` (0 when `amount` ≤ 0): containers to open for a draw. */
export function wholeNeeded(amount: Milligrams, each: Milligrams): number {
  const needed = toMicrograms(amount);
  return needed <= 0 ? 0 : Math.ceil(needed / toMicrograms(each));
}

function positive(value: number): boolean {
  return Number.isFinite(value) && value > 0;
}

/** A positive volume in mL, or undefined. */
export function millilitres(value: number): Millilitres | undefined {
  return positive(value) ? (value as Millilitres) : undefined;
}

/** A positive liquid strength in mg/mL, or undefined. */
export function mgPerMl(value: number): MgPerMl | undefined {
  return positive(value) ? (value as MgPerMl) : undefined;
}

/** A positive strength in mg per unit, or undefined. */
export function mgPerUnit(value: number): MgPerUnit | undefined {
  return positive(value) ? (value as MgPerUnit) : undefined;
}

/** The mg in `volume` of a liquid of `strength`, or undefined when it is not a whole number of micrograms. */
export function mgInVolume(volume: Millilitres, strength: MgPerMl): Milligrams | undefined {
  return milligrams(Math.round(volume * strength * MICROGRAMS_PER_MG) / MICROGRAMS_PER_MG);
}

/** The volume holding `mg` of a liquid of `strength`, rounded to 0.001 mL for display. */
export function volumeOfMg(mg: Milligrams, strength: MgPerMl): Millilitres {
  return (Math.round((mg / strength) * 1000) / 1000) as Millilitres;
}
