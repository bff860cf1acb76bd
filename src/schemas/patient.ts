// Patient registry request shapes (DESIGN.md "patient" contract), shared by API and web forms, and the reply types.
import { z } from 'zod';
import { STATED_ALLERGY_STATUSES } from '../domain/patient/allergy-status.ts';
import { isValidNhsNumber, normaliseNhsNumber } from '../domain/patient/nhs-number.ts';
import { idParams, isoDate, shortText, storableString, uuid } from './common.ts';
import type {
  patientRecordReply,
  patientSummaryReply,
  patientVersionReply,
  timelineEventReply,
} from './replies/patients.ts';

export const SEX_CODES = ['female', 'male', 'other', 'unknown'] as const;
export const ALLERGY_SEVERITIES = ['mild', 'moderate', 'severe', 'unknown'] as const;

export const identifierSchema = z
  .object({
    system: storableString()
      .trim()
      .min(1)
      .max(200)
      .describe('"nhs", "mrn", or another identifier system (a URI, as FHIR sends it)'),
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

/** A medication's dose, route or frequency as written on the chart. */
const medicationDetail = storableString().trim().max(100).optional();

export const medicationSchema = z
  .object({
    name: shortText(200),
    dose: medicationDetail,
    route: medicationDetail,
    frequency: medicationDetail,
  })
  .strict();

/** The latest calendar date on any clock (UTC+14): the server then checks the patient's service's own day. */
const latestDateAnywhere = () => new Date(Date.now() + 14 * 3_600_000).toISOString().slice(0, 10);
const notInFuture = (value: string) => value <= latestDateAnywhere();

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
  allergyStatus: z
    .enum(STATED_ALLERGY_STATUSES)
    .optional()
    .describe(
      'not-asked, none-known (asked: no known allergies) or recorded (the allergies are listed); must agree with allergies',
    ),
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
    allergyStatus: patientFields.allergyStatus,
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

/** A timeline line's kind as the query names it ("consent", "harm-decision"). */
const timelineKind = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'Not a timeline kind');

/** GET /patients/:id/timeline?order=&kind=: oldest first unless asked, all kinds unless named. */
export const timelineQuery = z
  .object({
    order: z
      .enum(['asc', 'desc'])
      .default('asc')
      .describe('asc: oldest first (the default); desc: newest first'),
    kind: z
      .string()
      .max(1000)
      .optional()
      .transform((v, ctx) => {
        const kinds = (v ?? '')
          .split(',')
          .map((k) => k.trim())
          .filter((k) => k !== '');
        for (const k of kinds) {
          if (!timelineKind.safeParse(k).success) {
            ctx.addIssue({ code: 'custom', message: `Not a timeline kind: ${k.slice(0, 40)}` });
            return z.NEVER;
          }
        }
        return kinds;
      })
      .describe(
        'Only lines of these kinds, comma-separated (e.g. "consent,appointment"); all kinds when absent',
      ),
  })
  .strict();

/** Route parameters of a patient (`/patients/:id`). */
export const patientIdParams = idParams;

// Reply shapes, declared as reply schemas in replies/patients.ts.
/** A record at its current version (POST and PATCH /patients, GET /patients/:id). */
export type PatientRecord = z.output<typeof patientRecordReply>;
/** One search result (GET /patients). */
export type PatientSummary = z.output<typeof patientSummaryReply>;
/** One version of a record (GET /patients/:id/versions). */
export type PatientVersion = z.output<typeof patientVersionReply>;
/** One line of a patient's timeline (GET /patients/:id/timeline). */
export type TimelineEvent = z.output<typeof timelineEventReply>;
