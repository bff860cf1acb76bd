// Treatment-pathway request shapes (DESIGN.md: dose calculation and vitals contracts), shared with the web forms.
import { z } from 'zod';
import { isoDate, isoDateTime, shortText, storableString, uuid } from './common.ts';

const positive = z.number().positive();
const routeEnum = z.enum(['iv-racemic', 'im', 'intranasal-esketamine', 'oral', 'sublingual']);

/** A dose asked for instead of the protocol's: by weight or in mg, with the infusion and the prescriber's reason. */
const doseFields = {
  mgPerKg: positive.optional(),
  doseMg: positive.optional(),
  durationMin: positive.optional(),
  concentrationMgPerMl: positive.optional(),
  bagVolumeMl: positive.optional(),
  prescriberReason: storableString().trim().max(1000).optional(),
};

export const doseCalculationSchema = z
  .object({
    protocol: storableString().min(1).max(80),
    weightKg: positive
      .optional()
      .describe('Weight in kg measured today; leave out to use the dated weight on the chart'),
    patientId: uuid.optional().describe('Take the dated weight from this patient’s chart'),
    serviceId: uuid
      .optional()
      .describe(
        'Use this service’s protocol settings (default: the patient’s service, or the shipped protocol)',
      ),
    ...doseFields,
  })
  .strict();

export const vitalsSchema = z
  .object({
    takenAt: isoDateTime,
    systolic: z.number().int().min(40).max(300),
    diastolic: z.number().int().min(20).max(200),
    heartRate: z.number().int().min(20).max(250),
    spo2: z.number().min(50).max(100),
    respiratoryRate: z.number().int().min(2).max(80).optional(),
  })
  .strict();
/** One set of vital signs as recorded (a session's baseline and each reading). */
export type Vitals = z.output<typeof vitalsSchema>;

export const referralSchema = z
  .object({
    indication: shortText(80),
    indicationOther: storableString().trim().max(200).optional(),
    referrer: storableString().trim().max(200).optional(),
    receivedOn: isoDate.optional(),
  })
  .strict();

const yes = z.literal(true, { error: 'Must be completed before a decision' });

export const eligibilitySchema = z
  .object({
    route: routeEnum,
    checklist: z
      .object({
        historyAndPhysical: yes,
        psychiatricHistory: yes,
        substanceUseHistory: yes,
        medicationsReviewed: yes,
        allergiesReviewed: yes,
        priorTreatmentTrials: storableString().trim().min(1, 'Record the prior treatment trials').max(2000),
        baselineBp: z
          .object({
            systolic: z.number().int().min(40).max(300),
            diastolic: z.number().int().min(20).max(200),
          })
          .strict(),
        pregnancyStatus: z.enum(['not-applicable', 'not-pregnant', 'pregnant', 'unknown']),
      })
      .strict(),
    contraindications: z
      .array(
        z
          .object({
            code: shortText(80),
            present: z.boolean(),
            status: z
              .enum(['present', 'absent', 'unknown'])
              .optional()
              .describe('Present, Absent or Unknown; without it, Present or Absent from "present"'),
            judgement: storableString()
              .trim()
              .max(1000, 'At most 1000 characters')
              .optional()
              .describe('The clinical judgement: required when the contraindication is Present or Unknown'),
          })
          .strict(),
      )
      .min(1)
      .max(30),
    decision: z.enum(['eligible', 'not-eligible', 'deferred']),
    note: storableString().trim().max(2000).optional(),
  })
  .strict();

export const consentSchema = z
  .object({
    route: routeEnum,
    documentId: shortText(80),
    documentVersion: shortText(20),
    signature: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('typed'), name: shortText(200) }).strict(),
      z
        .object({
          kind: z.literal('drawn'),
          name: shortText(200),
          image: storableString()
            .max(400_000)
            .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, 'A PNG data URL'),
        })
        .strict(),
    ]),
    witness: z
      .object({ email: storableString().max(254), password: storableString().min(1).max(1024) })
      .strict()
      .optional(),
  })
  .strict();

export const withdrawSchema = z.object({ reason: shortText(1000) }).strict();

/** A second person's sign-in at the moment of a decision (witness, prescriber). */
const reauthentication = z
  .object({ email: storableString().max(254), password: storableString().min(1).max(1024) })
  .strict();

export const startSessionSchema = z
  .object({
    protocol: storableString().min(1).max(80),
    setting: z.enum(['clinic', 'home', 'remote']),
    baseline: vitalsSchema,
    dose: z.object(doseFields).strict(),
    escortConfirmed: z.boolean(),
    fastingConfirmed: z.boolean(),
    newContraindication: z.boolean(),
    aclsClinicianId: uuid.optional().describe('The clinician present with a valid ACLS credential'),
    prescriberAcknowledgedHighBp: z.boolean().optional(),
    prescriber: reauthentication
      .optional()
      .describe(
        'A prescriber’s sign-in, when the signed-in user is not a prescriber: needed to acknowledge BP above the pre-dose threshold or give a reason for a dose above the usual range',
      ),
    chaperonePresent: z.boolean().optional(),
    prescriberOnSite: z.boolean().optional(),
    remsPatientEnrolled: z.boolean().optional(),
    firstSession: z
      .boolean()
      .optional()
      .describe('Accepted but not trusted: the first session of a course is read from the patient’s history'),
  })
  .strict();

export const administrationSchema = z
  .object({
    event: z.enum(['start', 'stop', 'rate-change']),
    at: isoDateTime.optional(),
    product: storableString().trim().max(200).optional(),
    concentrationMgPerMl: positive.optional(),
    lot: storableString().trim().max(80).optional(),
    expiry: isoDate.optional(),
    doseMg: positive.optional(),
    rateMgPerHour: positive.optional(),
    reason: storableString()
      .trim()
      .max(1000)
      .optional()
      .describe('Why the dose or rate differs from the plan (start, rate change)'),
    givenMg: z
      .number()
      .min(0)
      .optional()
      .describe('Stop: the dose actually given, in mg (default: the dose started)'),
    givenMl: z
      .number()
      .min(0)
      .optional()
      .describe('Stop: the volume actually infused, in mL (turned into mg at the recorded concentration)'),
    witness: reauthentication
      .optional()
      .describe('Stop with less given than was drawn from stock: the witness to the register correction'),
    cdStock: z
      .object({
        productId: uuid,
        locationId: uuid,
        containersOpened: z.number().int().min(1).max(50).optional(),
      })
      .strict()
      .optional()
      .describe('Draw the dose from the controlled-drug register (at start)'),
    notFromRegisterReason: storableString()
      .trim()
      .max(1000)
      .optional()
      .describe(
        'Start without cdStock: why the dose is not drawn from the controlled-drug register (required while the register holds stock for the service)',
      ),
  })
  .strict();

export const observationSchema = z
  .object({
    kind: z.enum(['cadss', 'sedation', 'adverse-event', 'rescue-medication', 'note']),
    at: isoDateTime.optional(),
    score: z.number().min(0).max(100).optional(),
    text: storableString().trim().max(4000).optional(),
  })
  .strict();

export const dischargeSchema = z
  .object({
    alertAndOriented: z.boolean(),
    escortPresent: z.boolean(),
    effectsResolved: z.boolean().optional(),
    utcOffsetMinutes: z
      .number()
      .int()
      .min(-720)
      .max(840)
      .optional()
      .describe(
        "Accepted for older clients and not used: 'the next day' of a no-driving rule is the service's, from its time zone",
      ),
    bpCheckpointMissedReason: storableString()
      .trim()
      .min(1)
      .max(1000)
      .optional()
      .describe('Why a fixed BP check (esketamine: about 40 min) has no reading in its window'),
  })
  .strict();

export const therapySessionSchema = z
  .object({
    kind: z.enum(['preparation', 'integration']),
    dosingSessionId: uuid.optional(),
    heldAt: isoDateTime,
    durationMinutes: z.number().int().min(5).max(480),
    notes: storableString().trim().min(1, 'Required').max(8000),
  })
  .strict();

export const careMessageSchema = z
  .object({ text: storableString().trim().min(1, 'Required').max(4000), toUserId: uuid.optional() })
  .strict();

export const careTaskSchema = z
  .object({
    title: shortText(300),
    detail: storableString().trim().max(2000).optional(),
    assignedTo: uuid.optional(),
    priority: z.enum(['urgent', 'high', 'normal']).default('normal'),
  })
  .strict();

export const remsSubmissionSchema = z
  .object({
    submittedAt: isoDateTime.optional(),
    reference: storableString().trim().max(200).optional(),
  })
  .strict();
