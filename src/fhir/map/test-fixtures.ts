// Generated (not real) KASPR records for the FHIR mapper tests (test support only).
import { scoreAnswers } from '../../domain/instruments/engine.ts';
import type { Answers, InstrumentDefinition } from '../../domain/instruments/types.ts';
import type { PatientRecord } from '../../schemas/patient.ts';
import type { ResponseRow } from '../../store/responses.ts';
import type { ServiceRow } from '../../store/services.ts';
import type { CredentialRow, UserRow } from '../../store/users.ts';

export const SERVICE_ID = '3f1c2a9e-8b7d-4c5e-9a10-2b3c4d5e6f70';
export const PATIENT_ID = '0b6e4d2a-1c3f-4e5a-8b9c-7d6e5f4a3b21';
export const USER_ID = 'a4d3c2b1-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
export const SESSION_ID = 'c7e8f9a0-1b2c-4d3e-8f4a-5b6c7d8e9f01';
/** The NHS's published test number (valid check digit, never issued to a person). */
export const TEST_NHS_NUMBER = '9000000009';

/** A patient record with every optional field filled, at version 3. */
export function fullPatient(overrides: Partial<PatientRecord> = {}): PatientRecord {
  return {
    id: PATIENT_ID,
    serviceId: SERVICE_ID,
    version: 3,
    createdAt: '2026-03-02T09:15:00.000Z',
    updatedAt: '2026-05-14T13:40:12.345Z',
    updatedBy: USER_ID,
    givenName: 'Rowan  Tamsin',
    familyName: 'Okafor-Lindqvist',
    birthDate: '1984-11-23',
    sex: 'female',
    identifiers: [
      { system: 'nhs', value: TEST_NHS_NUMBER },
      { system: 'mrn', value: 'KAS-004211' },
      { system: 'ie ppsn', value: '1234567TA' },
    ],
    contact: {
      phone: '07700 900461',
      email: 'rowan.o@example.org',
      address: '12 Quarry Lane, Sheffield S11 8XX',
    },
    gp: { name: 'Dr Priya Menon', practice: 'Ecclesall Road Surgery', phone: '0114 496 0123' },
    weight: { kg: 68.4, measuredOn: '2026-05-10' },
    height: { cm: 171, measuredOn: '2025-09-01' },
    allergies: [{ substance: 'Penicillin', reaction: 'Rash', severity: 'moderate' }],
    medications: [{ name: 'Sertraline', dose: '100 mg', route: 'oral', frequency: 'once daily' }],
    ...overrides,
  };
}

/** A patient record with only the required fields, at version 1. */
export function barePatient(): PatientRecord {
  return {
    id: PATIENT_ID,
    serviceId: SERVICE_ID,
    version: 1,
    createdAt: '2026-03-02T09:15:00.000Z',
    updatedAt: '2026-03-02T09:15:00.000Z',
    updatedBy: USER_ID,
    givenName: 'Alex',
    familyName: 'Brennan',
    birthDate: '1990-01-31',
    identifiers: [],
    allergies: [],
    medications: [],
  };
}

/** A stored vitals reading (the data of a `vitals` session event). */
export const VITALS_DATA = {
  takenAt: '2026-05-14T10:32:00+01:00',
  systolic: 138,
  diastolic: 86,
  heartRate: 74,
  spo2: 97.5,
  respiratoryRate: 14,
  alerts: [],
};

/** A saved response scored by the engine, as the store returns it. */
export function responseRow(
  def: InstrumentDefinition,
  answers: Answers,
  overrides: Partial<ResponseRow> = {},
): ResponseRow {
  const outcome = scoreAnswers(def, answers);
  if (!outcome.ok) throw new Error(`unscorable fixture: ${JSON.stringify(outcome.problems)}`);
  const result = outcome.value;
  return {
    id: 'e2f3a4b5-c6d7-4e8f-9a0b-1c2d3e4f5a6b',
    patient_id: PATIENT_ID,
    instrument_id: def.id,
    instrument_version: def.version,
    answers: Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, v ?? null])),
    result,
    total: result.total,
    completeness: result.completeness,
    completed_at: new Date('2026-05-14T09:05:00.000Z'),
    source: 'clinician',
    recorded_at: new Date('2026-05-14T09:06:30.000Z'),
    recorded_by: USER_ID,
    recorded_by_name: 'Dr Sam Adeyemi',
    ...overrides,
  };
}

/** A row builder: the defaults with any fields the test overrides. */
const builder =
  <T>(defaults: T) =>
  (overrides: Partial<T> = {}): T => ({ ...defaults, ...overrides });

export const serviceRow = builder<ServiceRow>({
  id: SERVICE_ID,
  name: 'Sheffield Ketamine Clinic',
  created_at: new Date('2026-01-05T08:00:00.000Z'),
  time_zone: 'Europe/London',
  phone: '0114 496 0000',
  address: '1 Clinic Way, Sheffield S10 2XX',
});

export const userRow = builder<UserRow>({
  id: USER_ID,
  email: 'sam.adeyemi@example.org',
  display_name: 'Dr Sam Adeyemi',
  password_hash: '$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo',
  roles: ['clinician', 'prescriber'],
  disabled: false,
  totp_secret: 'JBSWY3DPEHPK3PXP',
  totp_enabled: true,
  totp_last_step: 59012345,
  failed_logins: 1,
  locked_until: null,
  invite_token_hash: 'c0ffee',
  invite_expires_at: null,
  service_ids: [SERVICE_ID],
});

export const credentialRow = builder<CredentialRow>({
  id: 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b',
  user_id: USER_ID,
  kind: 'ACLS',
  identifier: 'RC-UK-448812',
  issued_on: '2025-02-01',
  expires_on: '2029-02-01',
  recorded_by: USER_ID,
  recorded_at: new Date('2026-01-06T10:00:00.000Z'),
});

/** The Observation categories the mappers use (HL7 observation-category). */
export const VITAL_SIGNS_CATEGORY = {
  coding: [
    {
      system: 'http://terminology.hl7.org/CodeSystem/observation-category',
      code: 'vital-signs',
      display: 'Vital Signs',
    },
  ],
};
export const SURVEY_CATEGORY = {
  coding: [
    {
      system: 'http://terminology.hl7.org/CodeSystem/observation-category',
      code: 'survey',
      display: 'Survey',
    },
  ],
};

/** Every "" and [] anywhere in a value, by path: FHIR forbids both. */
export function emptyElements(value: unknown, path = ''): string[] {
  if (value === '' || (Array.isArray(value) && value.length === 0)) return [path];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => emptyElements(v, `${path}.${k}`));
}
