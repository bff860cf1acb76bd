// A patient record (current version) as a FHIR R4 Patient, and its body weight and height as Observations.
import type { PatientRecord } from '../../schemas/patient.ts';
import type { Identifier, Observation, Patient } from '../types.ts';
import {
  addressText,
  BASE_PROFILE,
  contactPoints,
  KASPR_BASE,
  loinc,
  meta,
  NHS_NUMBER_SYSTEM,
  observationCategory,
  prune,
  ref,
  text,
  THO,
  ucum,
} from './common.ts';

/** A KASPR identifier ({system: 'nhs' | 'mrn' | other, value}) as a FHIR Identifier. */
function identifierOf(id: { system: string; value: string }, serviceId: string): Identifier {
  if (id.system === 'nhs') return { system: NHS_NUMBER_SYSTEM, value: id.value };
  if (id.system === 'mrn')
    return {
      type: { coding: [{ system: `${THO}/v2-0203`, code: 'MR' }] },
      system: `${KASPR_BASE}/Id/mrn/${serviceId}`,
      value: id.value,
    };
  // A system received as a URI (from another FHIR server) goes back out as it came; a local name gets a local URI.
  if (/^[a-z][a-z0-9+.-]*:/i.test(id.system)) return { system: id.system, value: id.value };
  return { system: `${KASPR_BASE}/Id/${encodeURIComponent(id.system)}`, value: id.value };
}

/** The GP as a display-only reference: name and practice, when either is recorded. */
function gpDisplay(gp: PatientRecord['gp']): string | undefined {
  return text([text(gp?.name), text(gp?.practice)].filter(Boolean).join(', '));
}

export function toFhirPatient(record: PatientRecord): Patient {
  const given = record.givenName.split(/\s+/).filter(Boolean);
  const name = prune({ use: 'official' as const, family: text(record.familyName), given });
  const gp = gpDisplay(record.gp);
  return prune<Patient>({
    resourceType: 'Patient',
    id: record.id,
    meta: meta(record.version, record.updatedAt),
    identifier: record.identifiers
      .filter((id) => text(id.value) !== undefined)
      .map((id) => identifierOf(id, record.serviceId)),
    name: Object.keys(name).length > 1 ? [name] : [],
    telecom: [
      ...contactPoints('phone', record.contact?.phone),
      ...contactPoints('email', record.contact?.email),
    ],
    gender: record.sex,
    birthDate: text(record.birthDate),
    address: addressText(record.contact?.address),
    generalPractitioner: gp ? [{ display: gp }] : [],
    managingOrganization: ref('Organization', record.serviceId),
  });
}

interface BodyMeasure {
  readonly key: 'weight' | 'height';
  readonly code: string;
  readonly display: string;
  readonly unit: 'kg' | 'cm';
}

const BODY_WEIGHT: BodyMeasure = { key: 'weight', code: '29463-7', display: 'Body weight', unit: 'kg' };
const BODY_HEIGHT: BodyMeasure = { key: 'height', code: '8302-2', display: 'Body height', unit: 'cm' };

function bodyMeasure(record: PatientRecord, m: BodyMeasure): Observation | null {
  const measured = m.key === 'weight' ? record.weight : record.height;
  if (!measured) return null;
  const value = 'kg' in measured ? measured.kg : measured.cm;
  return {
    resourceType: 'Observation',
    id: `${record.id}-body-${m.key}`,
    meta: { ...meta(record.version, record.updatedAt), profile: [`${BASE_PROFILE}/body${m.key}`] },
    status: 'final',
    category: [observationCategory('vital-signs')],
    code: loinc([{ code: m.code, display: m.display }]),
    subject: ref('Patient', record.id),
    effectiveDateTime: measured.measuredOn,
    valueQuantity: ucum(value, m.unit),
  };
}

/** The recorded body weight (base-spec `bodyweight`), or null when none is recorded. */
export function patientBodyWeight(record: PatientRecord): Observation | null {
  return bodyMeasure(record, BODY_WEIGHT);
}

/** The recorded body height (base-spec `bodyheight`), or null when none is recorded. */
export function patientBodyHeight(record: PatientRecord): Observation | null {
  return bodyMeasure(record, BODY_HEIGHT);
}
