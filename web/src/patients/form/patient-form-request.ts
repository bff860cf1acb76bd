// Turns the patient form into an API request body (only filled fields), with local checks and error-path mapping.
import type { z } from 'zod';
import { allergyStatementProblem } from '../../../../src/domain/patient/allergy-status.ts';
import { isValidNhsNumber, normaliseNhsNumber } from '../../../../src/domain/patient/nhs-number.ts';
import type { createPatientSchema } from '../../../../src/schemas/patient.ts';
import type { FieldErrors } from '../../api/api-error.ts';
import type { PatientFormValues } from './patient-form-values.ts';

/** The clinical content of a register or correct request, as sent. */
export type PatientContentBody = Omit<z.input<typeof createPatientSchema>, 'serviceId'>;

export interface BuiltRequest {
  body: PatientContentBody;
  /** Problems found before the schema runs, keyed by form field. */
  errors: FieldErrors;
}

const t = (s: string) => s.trim();

/** Keeps only the filled entries of a small object; undefined when none is filled. */
function filled<T extends Record<string, string>>(obj: T): Partial<T> | undefined {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(obj)) if (v.trim()) (out as Record<string, string>)[k] = v.trim();
  return Object.keys(out).length ? out : undefined;
}

function measurement(
  raw: string,
  measuredOn: string,
  field: string,
  errors: FieldErrors,
): number | undefined {
  if (!raw.trim()) return undefined;
  const n = Number(raw.trim().replace(',', '.'));
  if (!Number.isFinite(n)) errors[field] = 'Enter a number';
  else if (!measuredOn) errors.measuredOn = 'Give the date it was measured';
  return n;
}

/** Builds the request body from the form; empty optional parts are left out. */
export function buildPatientRequest(v: PatientFormValues): BuiltRequest {
  const errors: FieldErrors = {};
  if (!v.birthDate) errors.birthDate = 'Required';
  const nhs = normaliseNhsNumber(v.nhs);
  if (nhs && !isValidNhsNumber(nhs)) errors['identifiers.nhs'] = 'Not a valid NHS number';
  const identifiers = [
    ...(nhs ? [{ system: 'nhs', value: nhs }] : []),
    ...(t(v.mrn) ? [{ system: 'mrn', value: t(v.mrn) }] : []),
    ...v.otherIdentifiers,
  ];
  const contact = filled({ phone: v.phone, email: v.email, address: v.address });
  const gp = filled({ name: v.gpName, practice: v.gpPractice, phone: v.gpPhone, address: v.gpAddress });
  const kg = measurement(v.weightKg, v.measuredOn, 'weightKg', errors);
  const cm = measurement(v.heightCm, v.measuredOn, 'heightCm', errors);
  const allergies = v.allergies
    .filter((a) => t(a.substance) || t(a.reaction))
    .map((a) => ({
      substance: t(a.substance),
      ...(t(a.reaction) ? { reaction: t(a.reaction) } : {}),
      severity: a.severity,
    }));
  const allergyStatus = v.allergyStatus === '' ? undefined : v.allergyStatus;
  const contradiction = allergyStatementProblem(allergyStatus, allergies);
  if (contradiction) errors.allergyStatus = contradiction.text;
  const medications = v.medications
    .filter((m) => t(m.name) || t(m.dose) || t(m.route) || t(m.frequency))
    .map((m) => ({ name: t(m.name), ...filled({ dose: m.dose, route: m.route, frequency: m.frequency }) }));
  const body: PatientContentBody = {
    givenName: t(v.givenName),
    familyName: t(v.familyName),
    birthDate: v.birthDate,
    ...(v.sex ? { sex: v.sex as NonNullable<PatientContentBody['sex']> } : {}),
    ...(identifiers.length ? { identifiers } : {}),
    ...(contact ? { contact } : {}),
    ...(gp ? { gp } : {}),
    ...(kg !== undefined ? { weight: { kg, measuredOn: v.measuredOn } } : {}),
    ...(cm !== undefined ? { height: { cm, measuredOn: v.measuredOn } } : {}),
    ...(allergies.length ? { allergies } : {}),
    ...(allergyStatus ? { allergyStatus } : {}),
    ...(medications.length ? { medications } : {}),
  };
  return { body, errors };
}

/** Maps an API or schema path ("identifiers.0.value", "weight.kg") to the form field that shows it. */
export function formErrorKey(path: string, body: PatientContentBody): string {
  const id = /^identifiers\.(\d+)/.exec(path);
  if (id) return `identifiers.${body.identifiers?.[Number(id[1])]?.system ?? 'other'}`;
  if (path === 'identifiers') return 'identifiers.nhs';
  if (path === 'weight.kg' || path === 'weight') return 'weightKg';
  if (path === 'height.cm' || path === 'height') return 'heightCm';
  if (path.endsWith('.measuredOn')) return 'measuredOn';
  return path;
}

/** Field errors re-keyed for the form; local messages win over schema or server ones. */
export function formErrors(raw: FieldErrors, body: PatientContentBody): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(raw)) {
    const key = formErrorKey(path, body);
    if (!(key in out)) out[key] = message;
  }
  return out;
}
