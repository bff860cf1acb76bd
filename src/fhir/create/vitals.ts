// An incoming vital-sign Observation (blood pressure — the panel 85354-9 or the older 55284-4 Synthea sends —,
// heart rate, SpO2, respiratory rate) as a reading for the patient's chart outside a dosing session. Pure: the
// native schema validates the result. Values are rounded as the chart records them (whole mmHg and beats or
// breaths per minute).
import { LOINC, UCUM } from '../map/common.ts';
import { notKept } from './refusal.ts';
import { obj, objects, referencedId, str, type Json } from './read.ts';

const BP_PANELS = ['85354-9', '55284-4'];
const SINGLE: Record<string, { field: 'heartRate' | 'spo2' | 'respiratoryRate'; unit: string }> = {
  '8867-4': { field: 'heartRate', unit: '/min' },
  '2708-6': { field: 'spo2', unit: '%' },
  '59408-5': { field: 'spo2', unit: '%' },
  '9279-1': { field: 'respiratoryRate', unit: '/min' },
};

/** The LOINC codes this module reads. */
export const VITAL_SIGN_CODES: readonly string[] = [...BP_PANELS, ...Object.keys(SINGLE)];

export interface VitalsRequest {
  patientId: string | undefined;
  /** The reading, before the native schema validates it. */
  body: Record<string, unknown>;
  pathOf: (field: string) => string;
}

const loincCodes = (concept: unknown): string[] =>
  objects(obj(concept).coding).flatMap((c) => (c.system === LOINC && str(c.code) ? [str(c.code) ?? ''] : []));

/** Whether an Observation's code is a vital sign KASPR records on the chart. */
export const isVitalSign = (resource: Json): boolean =>
  loincCodes(resource.code).some((c) => VITAL_SIGN_CODES.includes(c));

/** The value of a UCUM quantity in `unit`, or a refusal naming where. */
function quantity(q: unknown, unit: string, where: string, round: boolean): number {
  const value = obj(q).value;
  if (obj(q).system !== UCUM || obj(q).code !== unit || typeof value !== 'number')
    throw notKept(`The value must be a valueQuantity in UCUM ${unit}.`, where);
  return round ? Math.round(value) : Math.round(value * 10) / 10;
}

/**
 * The reading an Observation gives. `source` is the identifier the sending system gave it (its first identifier,
 * or what the caller passes, e.g. the Bundle entry's urn:uuid), so the same reading is recorded once.
 */
export function vitalsRequest(resource: Json, source?: { system: string; value: string }): VitalsRequest {
  const codes = loincCodes(resource.code);
  const body: Record<string, unknown> = { takenAt: str(resource.effectiveDateTime) };
  if (codes.some((c) => BP_PANELS.includes(c))) {
    const components = objects(resource.component);
    const part = (code: string) => {
      const at = components.findIndex((c) => loincCodes(c.code).includes(code));
      if (at < 0)
        throw notKept(`Blood pressure needs a component ${LOINC}|${code}.`, 'Observation.component');
      return quantity(
        components[at]?.valueQuantity,
        'mm[Hg]',
        `Observation.component[${at}].valueQuantity`,
        true,
      );
    };
    body.systolic = part('8480-6');
    body.diastolic = part('8462-4');
  } else {
    const code = codes.find((c) => SINGLE[c] !== undefined);
    const single = code === undefined ? undefined : SINGLE[code];
    if (!single)
      throw notKept(
        `KASPR records vital signs with LOINC ${VITAL_SIGN_CODES.join(', ')}.`,
        'Observation.code',
      );
    body[single.field] = quantity(
      resource.valueQuantity,
      single.unit,
      'Observation.valueQuantity',
      single.field !== 'spo2',
    );
  }
  const identifier = objects(resource.identifier).find((i) => str(i.value) !== undefined);
  const own = identifier && {
    system: str(identifier.system) ?? 'urn:ietf:rfc:3986',
    value: str(identifier.value),
  };
  const kept = own?.value !== undefined ? { system: own.system, value: own.value } : source;
  if (kept) body.source = kept;
  return {
    patientId: referencedId(resource.subject, 'Patient'),
    body,
    pathOf: (field) => {
      if (field === 'takenAt') return 'Observation.effectiveDateTime';
      if (field === 'systolic' || field === 'diastolic') return 'Observation.component';
      if (field.startsWith('source')) return 'Observation.identifier';
      return 'Observation.valueQuantity';
    },
  };
}
