// Patient registry request and response shapes (DESIGN.md "patient" contract), shared by API and web forms.
import { z } from 'zod';
import { isValidNhsNumber, normaliseNhsNumber } from '../domain/patient/nhs-number.ts';
import { isoDate, shortText, storableString, uuid } from './common.ts';

export const SEX_CODES = ['female', 'male', 'other', 'unknown'] as const;
export const ALLERGY_SEVERITIES = ['mild', 'moderate', 'severe', 'unknown'] as const;

export const identifierSchema = z
  .object({
    system: storableString()
      .trim()
      .min(1)
      .max(40)
      .describe('"nhs", "mrn", or another national identifier system'),
    value: shortText(40),
  })
  .strict()
  .transform((id) => (id.system === 'nhs' ? { ...id, value: normaliseNhsNumber(id.value) } : id))
  .refine((id) => id.system !== 'nhs' || isValidNhsNumber(id.value), {
    message: 'Not a valid NHS number (its check digit does not match)',
    path: ['value'],
  });

const contactSchema = z
  .object({
    phone: storableString().trim().max(40).optional(),
    email: storableString().trim().max(254).optional(),
    address: storableString().trim().max(500).optional(),
  })
  .strict();

const gpSchema = z
  .object({
    name: storableString().trim().max(200).optional(),
    practice: storableString().trim().max(200).optional(),
    phone: storableString().trim().max(40).optional(),
    address: storableString().trim().max(500).optional(),
  })
  .strict();

export const weightSchema = z
  .object({ kg: z.number().gt(0.5).lt(500), measuredOn: isoDate })
  .strict()
  .describe('Body weight in kilograms with the date it was measured');
export const heightSchema = z
  .object({ cm: z.number().gt(30).lt(260), measuredOn: isoDate })
  .strict()
  .describe('Height in centimetres with the date it was measured');

export const allergySchema = z
  .object({
    substance: shortText(200),
    reaction: storableString().trim().max(500).optional(),
    severity: z.enum(ALLERGY_SEVERITIES),
  })
  .strict();

export const medicationSchema = z
  .object({
    name: shortText(200),
    dose: storableString().trim().max(100).optional(),
    route: storableString().trim().max(100).optional(),
    frequency: storableString().trim().max(100).optional(),
  })
  .strict();

const notInFuture = (value: string) => value <= new Date().toISOString().slice(0, 10);

/** The clinical content of a patient record (everything a version holds). */
export const patientFields = {
  givenName: shortText(100),
  familyName: shortText(100),
  birthDate: isoDate.refine(notInFuture, 'Date of birth cannot be in the future'),
  sex: z.enum(SEX_CODES).optional(),
  identifiers: z.array(identifierSchema).max(10).optional(),
  contact: contactSchema.optional(),
  gp: gpSchema.optional(),
  weight: weightSchema.optional(),
  height: heightSchema.optional(),
  allergies: z.array(allergySchema).max(100).optional(),
  medications: z.array(medicationSchema).max(100).optional(),
};

export const createPatientSchema = z
  .object({ ...patientFields, serviceId: uuid.optional() })
  .strict()
  .refine((p) => new Set((p.identifiers ?? []).map((i) => i.system)).size === (p.identifiers ?? []).length, {
    message: 'One identifier per system',
    path: ['identifiers'],
  });
export type CreatePatient = z.infer<typeof createPatientSchema>;

/** A correction: the changed fields and why. Unchanged fields may be left out. */
export const correctPatientSchema = z
  .object({
    givenName: patientFields.givenName.optional(),
    familyName: patientFields.familyName.optional(),
    birthDate: patientFields.birthDate.optional(),
    sex: patientFields.sex,
    identifiers: patientFields.identifiers,
    contact: patientFields.contact,
    gp: patientFields.gp,
    weight: patientFields.weight,
    height: patientFields.height,
    allergies: patientFields.allergies,
    medications: patientFields.medications,
    reason: shortText(500).describe('Why the record is being corrected'),
  })
  .strict();
export type CorrectPatient = z.infer<typeof correctPatientSchema>;

export const patientSearchQuery = z
  .object({
    q: storableString()
      .trim()
      .max(100)
      .optional()
      .describe('Name, date of birth (YYYY-MM-DD or DD/MM/YYYY), NHS number or MRN'),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();

export const patientIdParams = z.object({ id: uuid }).strict();

export interface PatientRecord {
  id: string;
  serviceId: string;
  version: number;
  givenName: string;
  familyName: string;
  birthDate: string;
  sex?: (typeof SEX_CODES)[number];
  identifiers: { system: string; value: string }[];
  contact?: z.infer<typeof contactSchema>;
  gp?: z.infer<typeof gpSchema>;
  weight?: z.infer<typeof weightSchema>;
  height?: z.infer<typeof heightSchema>;
  allergies: z.infer<typeof allergySchema>[];
  medications: z.infer<typeof medicationSchema>[];
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

export interface PatientSummary {
  id: string;
  serviceId: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  sex?: string;
  identifiers: { system: string; value: string }[];
}

export interface PatientVersion {
  version: number;
  recordedAt: string;
  recordedBy: { id: string; displayName: string };
  reason: string | null;
  record: Omit<PatientRecord, 'id' | 'serviceId' | 'version' | 'createdAt' | 'updatedAt' | 'updatedBy'>;
}

export interface TimelineEvent {
  id: string;
  occurredAt: string;
  kind: string;
  summary: string;
  refType: string | null;
  refId: string | null;
  actor: { id: string; displayName: string } | null;
}
