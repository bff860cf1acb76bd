// An incoming body weight or body height Observation as a correction of the patient's record (KASPR keeps the
// current weight and height on the record; other vital signs are readings on the chart, see vitals.ts). Pure.
import { LOINC, UCUM } from '../map/common.ts';
import { notKept } from './refusal.ts';
import { VITAL_SIGN_CODES } from './vitals.ts';
import { obj, objects, referencedId, str, type Json } from './read.ts';

interface Measure {
  key: 'weight' | 'height';
  unit: 'kg' | 'cm';
  /** Factors from the accepted UCUM codes to the unit KASPR keeps. */
  factors: Record<string, number>;
}

const MEASURES: Record<string, Measure> = {
  '29463-7': { key: 'weight', unit: 'kg', factors: { kg: 1, g: 0.001, '[lb_av]': 0.45359237 } },
  '8302-2': { key: 'height', unit: 'cm', factors: { cm: 1, m: 100, '[in_i]': 2.54 } },
};

export const ACCEPTED_CODES = `${LOINC}|29463-7 (body weight, in kg, g or [lb_av]) and ${LOINC}|8302-2 (body height, in cm, m or [in_i])`;

export interface MeasureRequest {
  patientId: string | undefined;
  /**
   * The correction: `{ weight: { kg, measuredOn } }` or `{ height: { cm, measuredOn } }`, before validation. An
   * Observation with no effectiveDateTime is dated `today`: the day it is received on the patient's service's
   * calendar, which the caller knows once it has found the patient.
   */
  changesOn: (today: string) => Record<string, Record<string, unknown>>;
  pathOf: (field: string) => string;
}

/** Rounds a converted value to 2 decimals, as entered on the chart. */
const round = (n: number) => Math.round(n * 100) / 100;

export function measureRequest(resource: Json): MeasureRequest {
  const codings = objects(obj(resource.code).coding);
  const code = codings.find((c) => c.system === LOINC && MEASURES[str(c.code) ?? ''] !== undefined);
  const measure = code && MEASURES[str(code.code) ?? ''];
  if (!measure)
    throw notKept(
      `KASPR accepts Observations of ${ACCEPTED_CODES}, and the vital signs ${LOINC}|${VITAL_SIGN_CODES.join(', ')}.`,
      'Observation.code',
    );
  const quantity = obj(resource.valueQuantity);
  const unit = str(quantity.code);
  const factor = unit === undefined ? undefined : measure.factors[unit];
  if (resource.valueQuantity === undefined || factor === undefined || quantity.system !== UCUM)
    throw notKept(
      `The value must be a valueQuantity in UCUM (${UCUM}) ${Object.keys(measure.factors).join(', ')}.`,
      'Observation.valueQuantity',
    );
  const value = typeof quantity.value === 'number' ? round(quantity.value * factor) : quantity.value;
  const effective = str(resource.effectiveDateTime);
  return {
    patientId: referencedId(resource.subject, 'Patient'),
    changesOn: (today) => ({
      [measure.key]: {
        [measure.unit]: value,
        measuredOn: effective === undefined ? today : effective.slice(0, 10),
      },
    }),
    pathOf: (field) =>
      field.endsWith('measuredOn') ? 'Observation.effectiveDateTime' : 'Observation.valueQuantity.value',
  };
}
