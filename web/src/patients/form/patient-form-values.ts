// The patient form's state: flat strings as typed, rows with stable keys, and how to fill it from a record.
import { formatNhsNumber } from '../../../../src/domain/patient/nhs-number.ts';
import type { StatedAllergyStatus } from '../../../../src/domain/patient/allergy-status.ts';
import type { ALLERGY_SEVERITIES, PatientRecord } from '../../../../src/schemas/patient.ts';

export type Severity = (typeof ALLERGY_SEVERITIES)[number];

export interface AllergyRow {
  key: number;
  substance: string;
  reaction: string;
  severity: Severity;
}

export interface MedicationRow {
  key: number;
  name: string;
  dose: string;
  route: string;
  frequency: string;
}

export interface PatientFormValues {
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: string;
  nhs: string;
  mrn: string;
  /** Identifiers of other systems, kept as they are (the form does not edit them). */
  otherIdentifiers: { system: string; value: string }[];
  phone: string;
  email: string;
  address: string;
  gpName: string;
  gpPractice: string;
  gpPhone: string;
  gpAddress: string;
  weightKg: string;
  heightCm: string;
  measuredOn: string;
  /** What was stated about allergies; '' while nobody has said (an older record, a form not yet answered). */
  allergyStatus: StatedAllergyStatus | '';
  allergies: AllergyRow[];
  medications: MedicationRow[];
}

/** Applies a partial change to the form. */
export type PatchForm = (patch: Partial<PatientFormValues>) => void;

let lastKey = 0;
/** A key for a new allergy or medication row, unique for this page load. */
export const newRowKey = (): number => (lastKey += 1);

export const emptyAllergy = (): AllergyRow => ({
  key: newRowKey(),
  substance: '',
  reaction: '',
  severity: 'unknown',
});
export const emptyMedication = (): MedicationRow => ({
  key: newRowKey(),
  name: '',
  dose: '',
  route: '',
  frequency: '',
});

/** A blank registration form. */
export function emptyPatientForm(): PatientFormValues {
  return {
    givenName: '',
    familyName: '',
    birthDate: '',
    sex: '',
    nhs: '',
    mrn: '',
    otherIdentifiers: [],
    phone: '',
    email: '',
    address: '',
    gpName: '',
    gpPractice: '',
    gpPhone: '',
    gpAddress: '',
    weightKg: '',
    heightCm: '',
    measuredOn: '',
    allergyStatus: '',
    allergies: [],
    medications: [],
  };
}

/** The form prefilled from the current record (for a correction). */
export function formFromRecord(r: PatientRecord): PatientFormValues {
  const idOf = (system: string) => r.identifiers.find((i) => i.system === system)?.value ?? '';
  return {
    givenName: r.givenName,
    familyName: r.familyName,
    birthDate: r.birthDate,
    sex: r.sex ?? '',
    nhs: idOf('nhs') ? formatNhsNumber(idOf('nhs')) : '',
    mrn: idOf('mrn'),
    otherIdentifiers: r.identifiers.filter((i) => i.system !== 'nhs' && i.system !== 'mrn'),
    phone: r.contact?.phone ?? '',
    email: r.contact?.email ?? '',
    address: r.contact?.address ?? '',
    gpName: r.gp?.name ?? '',
    gpPractice: r.gp?.practice ?? '',
    gpPhone: r.gp?.phone ?? '',
    gpAddress: r.gp?.address ?? '',
    weightKg: r.weight ? String(r.weight.kg) : '',
    heightCm: r.height ? String(r.height.cm) : '',
    measuredOn: r.weight?.measuredOn ?? r.height?.measuredOn ?? '',
    allergyStatus: r.allergyStatus ?? '',
    allergies: r.allergies.map((a) => ({
      key: newRowKey(),
      substance: a.substance,
      reaction: a.reaction ?? '',
      severity: a.severity,
    })),
    medications: r.medications.map((m) => ({
      key: newRowKey(),
      name: m.name,
      dose: m.dose ?? '',
      route: m.route ?? '',
      frequency: m.frequency ?? '',
    })),
  };
}
