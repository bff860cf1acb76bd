// Plausibility limits for the laboratory results of a harm assessment, so a result in the wrong unit is refused.
import type { HarmAssessment } from './assessment.ts';
import type { LabName } from './codes.ts';
import type { HarmProblem } from './problems.ts';

/** The range a result can physiologically take in the unit the assessment asks for, and the likely wrong unit. */
export interface LabPlausibility {
  readonly label: string;
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  /** The unit a value below `min` was probably typed in, and how to convert it to `unit`. */
  readonly belowMinLikely?: { readonly unit: string; readonly toExpectedUnit: number };
}

/**
 * Limits by lab (inclusive). They are not reference ranges: they only catch values no person could have in the
 * asked unit. Creatinine 20–2000 µmol/L and eGFR 1–200 come from the clinical-safety review (2026-12 §6 item 13);
 * the ALT/ALP limits are the product's synthesis [SYN]. Creatinine 1 mg/dL = 88.4 µmol/L (molar mass 113.12 g/mol);
 * 1 µkat/L of enzyme activity = 60 U/L.
 */
export const labPlausibility: Readonly<Record<LabName, LabPlausibility>> = {
  egfr: { label: 'eGFR', unit: 'mL/min/1.73 m²', min: 1, max: 200 },
  creatinineUmolL: {
    label: 'Serum creatinine',
    unit: 'µmol/L',
    min: 20,
    max: 2000,
    belowMinLikely: { unit: 'mg/dL', toExpectedUnit: 88.4 },
  },
  alt: {
    label: 'ALT',
    unit: 'U/L',
    min: 3,
    max: 10000,
    belowMinLikely: { unit: 'µkat/L', toExpectedUnit: 60 },
  },
  alp: {
    label: 'ALP',
    unit: 'U/L',
    min: 10,
    max: 5000,
    belowMinLikely: { unit: 'µkat/L', toExpectedUnit: 60 },
  },
};

function sentence(value: number, limits: LabPlausibility): string {
  const range = `${limits.label} ${value} is not plausible in ${limits.unit} (expected ${limits.min}–${limits.max} ${limits.unit}).`;
  const likely = limits.belowMinLikely;
  if (value < limits.min && likely !== undefined) {
    const converted = Math.round(value * likely.toExpectedUnit);
    return `${range} It looks like a value in ${likely.unit}: ${value} ${likely.unit} is about ${converted} ${limits.unit}. Enter the result in ${limits.unit}.`;
  }
  return `${range} Check the value and enter it in ${limits.unit}.`;
}

/**
 * Problems for each recorded lab outside its plausible range, naming the unit asked for and the likely mistake
 * (e.g. creatinine 1.4 typed in mg/dL). Check new input with it; stored assessments are replayed without it.
 */
export function implausibleLabs(assessment: HarmAssessment): HarmProblem[] {
  const labs = assessment.labs;
  if (labs === undefined) return [];
  return (Object.keys(labPlausibility) as LabName[]).flatMap((lab) => {
    const value = labs[lab];
    const limits = labPlausibility[lab];
    if (value === undefined || (value >= limits.min && value <= limits.max)) return [];
    return [
      { code: 'implausible-value' as const, path: `assessment.labs.${lab}`, text: sentence(value, limits) },
    ];
  });
}
