// correctionChanges: the parts of the record a correction changes, as the PATCH body expects them.
import type { FieldErrors } from '../api/api-error.ts';
import type { PatientContentBody } from '../patients/form/patient-form-request.ts';

const KEYS = [
  'givenName',
  'familyName',
  'birthDate',
  'sex',
  'identifiers',
  'contact',
  'gp',
  'weight',
  'height',
  'allergies',
  'allergyStatus',
  'medications',
] as const;

// What "now empty" means for each part that can be emptied; sex, weight and height can be corrected but not removed.
const EMPTY: Partial<Record<(typeof KEYS)[number], unknown>> = {
  identifiers: [],
  contact: {},
  gp: {},
  allergies: [],
  medications: [],
};

const CANNOT_REMOVE: Partial<Record<(typeof KEYS)[number], string>> = {
  sex: 'sex',
  weight: 'weightKg',
  height: 'heightCm',
};

export interface Correction {
  changes: Partial<PatientContentBody>;
  errors: FieldErrors;
}

/** Compares the form (as a request) with the record it was filled from (as a request). */
export function correctionChanges(base: PatientContentBody, next: PatientContentBody): Correction {
  const changes: Record<string, unknown> = {};
  const errors: FieldErrors = {};
  const a = base as Record<string, unknown>;
  const b = next as Record<string, unknown>;
  for (const key of KEYS) {
    if (JSON.stringify(a[key] ?? null) === JSON.stringify(b[key] ?? null)) continue;
    if (b[key] !== undefined) changes[key] = b[key];
    else if (key in EMPTY) changes[key] = EMPTY[key];
    else {
      const field = CANNOT_REMOVE[key];
      if (field) errors[field] = 'A recorded value cannot be removed; enter the right value instead.';
    }
  }
  return { changes, errors };
}
