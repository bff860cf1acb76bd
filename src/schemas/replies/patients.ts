// Replies of the patient registry: a record (current version), search results, the version history and the timeline.
import { z } from 'zod';
import { STATED_ALLERGY_STATUSES } from '../../domain/patient/allergy-status.ts';
import { ALLERGY_SEVERITIES, SEX_CODES } from '../patient.ts';
import { calendarDate, instant, orNull } from './common.ts';

/** A member of staff as a reply names them. */
export const staffMember = z.object({ id: z.string(), displayName: z.string() });

const identifier = z.object({ system: z.string(), value: z.string() });

/** What a version of a record holds: the clinical content, as it was entered (request schema `patientFields`). */
export const patientContent = z.object({
  givenName: z.string(),
  familyName: z.string(),
  birthDate: calendarDate,
  sex: z.enum(SEX_CODES).optional(),
  identifiers: z.array(identifier),
  contact: z
    .object({ phone: z.string().optional(), email: z.string().optional(), address: z.string().optional() })
    .optional(),
  gp: z
    .object({
      name: z.string().optional(),
      practice: z.string().optional(),
      phone: z.string().optional(),
      address: z.string().optional(),
    })
    .optional(),
  weight: z.object({ kg: z.number(), measuredOn: calendarDate }).optional(),
  height: z.object({ cm: z.number(), measuredOn: calendarDate }).optional(),
  allergies: z.array(
    z.object({
      substance: z.string(),
      reaction: z.string().optional(),
      severity: z.enum(ALLERGY_SEVERITIES),
    }),
  ),
  allergyStatus: z
    .enum(STATED_ALLERGY_STATUSES)
    .optional()
    .describe('What was stated about allergies; absent when nobody has stated it'),
  allergyStatusRecorded: z
    .object({ recordedAt: instant, recordedBy: staffMember })
    .optional()
    .describe('Who stated the current allergy status, and when'),
  medications: z.array(
    z.object({
      name: z.string(),
      dose: z.string().optional(),
      route: z.string().optional(),
      frequency: z.string().optional(),
    }),
  ),
});

/** POST /patients (201) and PATCH /patients/:id: the record at its current version (its ETag is `W/"<version>"`). */
export const patientRecordReply = patientContent.extend({
  id: z.string(),
  serviceId: z.string(),
  version: z.number().int(),
  createdAt: instant,
  updatedAt: instant,
  updatedBy: z.string().describe('User id of whoever recorded the current version'),
});

/** GET /patients/:id: the record, and whether it was opened by break-glass. */
export const patientReadReply = patientRecordReply.extend({ accessViaBreakGlass: z.boolean() });

/** One search result: enough to tell people apart. */
export const patientSummaryReply = z.object({
  id: z.string(),
  serviceId: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: calendarDate,
  sex: z.string().optional(),
  identifiers: z.array(identifier),
});

/** GET /patients?q=&limit=&offset=: one page of the matching patients, and how many match in all. */
export const patientSearchReply = z.object({
  patients: z.array(patientSummaryReply).describe('This page, by family name, given name, date of birth'),
  total: z.number().int().describe('How many patients match the search in the services you work in'),
  limit: z.number().int().describe('The page size asked for'),
  offset: z.number().int().describe('How many matching patients come before this page'),
});

export const patientVersionReply = z.object({
  version: z.number().int(),
  recordedAt: instant,
  recordedBy: staffMember,
  reason: orNull(z.string()),
  record: patientContent,
});

/** GET /patients/:id/versions: newest first. */
export const patientVersionsReply = z.object({ versions: z.array(patientVersionReply) });

export const timelineEventReply = z.object({
  id: z.string(),
  occurredAt: instant,
  kind: z.string(),
  summary: z.string(),
  refType: orNull(z.string()),
  refId: orNull(z.string()),
  actor: orNull(staffMember),
});

/** GET /patients/:id/timeline: in time order, oldest first unless `order=desc`. */
export const timelineReply = z.object({ events: z.array(timelineEventReply) });

/** Vital signs recorded outside a dosing session, oldest first. */
export const patientVitalsReply = z.object({
  vitals: z.array(
    z.object({
      id: z.string(),
      takenAt: instant,
      systolic: orNull(z.number()),
      diastolic: orNull(z.number()),
      heartRate: orNull(z.number()),
      spo2: orNull(z.number()),
      respiratoryRate: orNull(z.number()),
      source: orNull(z.object({ system: z.string(), value: z.string() })),
      recordedAt: instant,
    }),
  ),
});
