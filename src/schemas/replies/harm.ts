// Replies of the harm-pathway routes: evaluations, assessments and decisions, content packs, care plans, the
// formulation, the review worklist and the supervision queue.
import { z } from 'zod';
import type {
  AssessmentComparison,
  HarmAssessment,
  HarmEvaluation,
  HarmPrefill,
  ValidContentPack,
} from '../../domain/harm/index.ts';
import { supervisionKinds } from '../../domain/harm/supervision.ts';
import type { carePlanSchema } from '../harm.ts';
import { calendarDate, createdReply, domainValue, instant, orNull } from './common.ts';

/** A level of need, 1 (lowest) to 4 (urgent). */
export const levelNumber = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

const staffName = z.object({ id: z.string(), displayName: z.string() });

/** POST /harm/evaluate, and each stored or replayed evaluation: the engine's proposal with its reasons. */
export const harmEvaluationReply = domainValue<HarmEvaluation>('The rules engine’s proposal and its reasons');

const comparison = domainValue<AssessmentComparison>('What changed since the previous assessment');

/** POST /patients/:id/harm-assessments. */
export const savedAssessmentReply = z.object({
  id: z.string(),
  evaluation: harmEvaluationReply,
  comparison: orNull(comparison),
  alertIds: z.array(z.string()),
});
export type SavedAssessment = z.output<typeof savedAssessmentReply>;

/** A clinician's decision on one assessment. */
export const decisionViewReply = z.object({
  id: z.string(),
  confirmedLevel: levelNumber,
  overridden: z.boolean(),
  reason: orNull(z.string()),
  reviewDue: calendarDate,
  decidedAt: orNull(instant),
  decidedBy: orNull(z.string()),
  planInterventions: z
    .array(z.string())
    .describe('Intervention ids the care plan starts from: the decided level’s, after an override'),
});
export type DecisionView = z.output<typeof decisionViewReply>;

/** One saved assessment (GET /harm-assessments/:id and each entry of the patient's list). */
export const assessmentEntryReply = z.object({
  id: z.string(),
  patientId: z.string(),
  assessedAt: instant,
  recordedBy: staffName,
  corrects: orNull(z.string()),
  correctionReason: orNull(z.string()),
  assessment: domainValue<HarmAssessment>('The assessment as recorded'),
  context: z.record(z.string(), z.string()),
  evaluation: harmEvaluationReply,
  decision: orNull(decisionViewReply),
  comparison: orNull(comparison),
});
export type AssessmentEntry = z.output<typeof assessmentEntryReply>;

/** GET /patients/:id/harm-assessments: oldest first, each compared with the one before. */
export const assessmentListReply = z.object({ assessments: z.array(assessmentEntryReply) });

/** GET /patients/:id/harm-assessments/prefill. */
export const harmPrefillReply = domainValue<HarmPrefill>(
  'Latest PHQ-9 and SDS totals and a positive PHQ-9 item 9, each with its source response',
);

/** POST /harm-assessments/:id/replay. */
export const replayReply = z.object({
  identical: z.boolean(),
  stored: harmEvaluationReply,
  replayed: harmEvaluationReply,
});

/** POST /harm-assessments/:id/decision. */
export const decisionReply = z.object({
  id: z.string(),
  assessmentId: z.string(),
  proposedLevel: levelNumber,
  confirmedLevel: levelNumber,
  overridden: z.boolean(),
  reviewDue: calendarDate,
  planInterventions: z.array(z.string()),
});
export type ReplayResult = z.output<typeof replayReply>;
export type DecisionResult = z.output<typeof decisionReply>;

/** GET /harm/content-packs. */
export const contentPacksReply = z.object({
  packs: z.array(
    z.object({
      id: z.string(),
      version: z.string(),
      title: z.string(),
      loadedAt: orNull(instant).describe('Null for a pack shipped with KASPR'),
      inForce: z.boolean(),
    }),
  ),
});

/** GET /harm/content-pack: the pack in force. */
export const contentPackReply = domainValue<ValidContentPack>('The content pack in force');

/** POST /harm/content-packs. */
export const packLoadedReply = z.object({ id: z.string(), version: z.string(), contentVersion: z.string() });

/** One review due or overdue. */
export const reviewItemReply = z.object({
  patientId: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  level: z.number(),
  reviewDue: calendarDate,
  overdue: z.boolean(),
  keyWorker: orNull(z.string()),
});
export type ReviewItem = z.output<typeof reviewItemReply>;

/** GET /harm/review-worklist. */
export const reviewWorklistReply = z.object({ today: calendarDate, items: z.array(reviewItemReply) });

/** One planned intervention, as recorded. */
export type PlannedIntervention = z.output<typeof carePlanSchema>['interventions'][number];

/** What a stored care-plan version holds beside its review date, decision and reason. */
export interface CarePlanContent {
  interventions: PlannedIntervention[];
  /** Absent only from versions recorded before goals were part of the plan. */
  goals?: string[];
  keyWorkerId?: string;
}

/** One version of a patient's care plan. */
export const carePlanVersionReply = z.object({
  version: z.number(),
  interventions: z.array(domainValue<PlannedIntervention>('A planned intervention, as recorded')),
  goals: z.array(z.string()),
  keyWorkerId: z.string().optional(),
  reviewDue: calendarDate,
  decisionId: orNull(z.string()),
  reason: orNull(z.string()),
  recordedAt: instant,
  recordedBy: staffName,
});
export type CarePlanVersion = z.output<typeof carePlanVersionReply>;

/** GET /patients/:id/care-plan: the current version and every version, newest first. */
export const carePlanListReply = z.object({
  current: orNull(carePlanVersionReply),
  history: z.array(carePlanVersionReply),
});
export type CarePlanList = z.output<typeof carePlanListReply>;

/** POST /patients/:id/care-plan. */
export const carePlanSavedReply = z.object({ version: z.number(), reviewDue: calendarDate });

/** One version of the shared formulation. */
export const formulationVersionReply = z.object({
  version: z.number(),
  presentingHarms: z.string(),
  drivers: z.string(),
  protectiveFactors: z.string(),
  goals: z.string(),
  recordedAt: instant,
  recordedBy: z.object({ displayName: z.string() }),
});
export type FormulationVersion = z.output<typeof formulationVersionReply>;

/** GET /patients/:id/formulation: the current version and every version, newest first. */
export const formulationListReply = z.object({
  current: orNull(formulationVersionReply),
  history: z.array(formulationVersionReply),
});
export type FormulationList = z.output<typeof formulationListReply>;

/** POST /patients/:id/formulation. */
export const formulationSavedReply = z.object({ version: z.number() });

/** One entry of the supervision queue. */
export const supervisionItemReply = z.object({
  kind: z.enum(supervisionKinds).describe('Why the item is on the queue'),
  itemType: z.enum(['decision', 'review']),
  itemId: z.string(),
  patientId: z.string(),
  patientName: z.string(),
  summary: z.string(),
  at: z.string().describe('When decided (ISO instant), or the review’s due date (YYYY-MM-DD)'),
  notes: z.array(z.object({ note: z.string(), signedOff: z.boolean(), by: z.string(), at: instant })),
});
export type SupervisionItem = z.output<typeof supervisionItemReply>;

/** GET /supervision. */
export const supervisionQueueReply = z.object({
  items: z.array(supervisionItemReply),
  overrideCount: z.number(),
});
export type SupervisionQueue = z.output<typeof supervisionQueueReply>;

/** POST /supervision/notes. */
export const supervisionNoteReply = createdReply;
