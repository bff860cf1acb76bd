// Rounding of doses, volumes and rates to what a clinician can measure, stated in words with every result.

/**
 * Removes binary floating-point noise (e.g. 0.15 × 10 = 1.4999999999999998) before rounding,
 * so a value that is exactly half a step in decimal rounds the way a person expects.
 */
function clean(value: number): number {
  return Number(value.toPrecision(12));
}

/** `value` rounded half-up (away from zero for positive values) to `decimals` places. */
export function roundHalfUp(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return clean(Math.round(clean(value * factor)) / factor);
}

/** `value` rounded down to `decimals` places. */
export function roundDown(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return clean(Math.floor(clean(value * factor)) / factor);
}

/**
 * How close two clinical numbers must be to count as equal at a limit. Protocol limits are written to at
 * most two decimals, so anything smaller than this is arithmetic noise (1.5 × 70 ÷ 70), not a real excess.
 */
export const LIMIT_TOLERANCE = 1e-9;

/** True when `value` is above `limit` by more than arithmetic noise. */
export function isAbove(value: number, limit: number): boolean {
  return value - limit > LIMIT_TOLERANCE;
}

/** True when `value` is below `limit` by more than arithmetic noise. */
export function isBelow(value: number, limit: number): boolean {
  return limit - value > LIMIT_TOLERANCE;
}

/** A number for a message: at most two decimals, no trailing zeros. */
export function fmt(value: number): string {
  return String(roundHalfUp(value, 2));
}

/** Decimal places used for each kind of result (see `roundingStatement`). */
export const PLACES = {
  doseMg: 1,
  mgPerKg: 2,
  rateMgPerHour: 1,
  volumeMl: 1,
  rateMlPerHour: 1,
} as const;

/** The rounding rules in words, returned with every dose so the record says how the numbers were made. */
export function roundingStatement(kind: 'weight-based' | 'fixed-devices' | 'mg-range'): string {
  switch (kind) {
    case 'weight-based':
      return [
        'Dose = weight × mg/kg, rounded half-up to 0.1 mg, except that it is rounded down when rounding up would pass the hard maximum.',
        'A dose entered in mg is rounded to 0.1 mg first and its limits are checked on that rounded dose; an entered mg/kg is checked as entered.',
        'Rates and volumes are worked from the rounded dose: mg/h and mL/h to 0.1, mL to 0.1, and the mg/kg shown to 0.01.',
      ].join(' ');
    case 'fixed-devices':
      return 'Fixed dose: no rounding; devices = dose ÷ device strength, a whole number.';
    case 'mg-range':
      return 'Dose in mg as entered (rounded half-up to 0.1 mg); the mg/kg shown, when a current weight is given, to 0.01.';
  }
}
