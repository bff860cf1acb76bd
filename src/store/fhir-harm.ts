// What the FHIR API reads of the harm pathway, scoped to services: care-plan versions, assessments (a correction
// is a later version of the assessment it corrects), decisions, formulation versions, alerts and tasks.
import type { EligibilityFlags } from '../domain/treatment/eligibility-flags.ts';
import type { CarePlanContent } from '../schemas/replies/harm.ts';
import type { Queryable } from './db.ts';
import type { FormulationContent } from './formulations.ts';
import type { Scope } from './fhir-sources.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Whether the text can be a KASPR record id (anything else is never looked up). */
export const isUuid = (id: string): boolean => UUID.test(id);

export const scopeArgs = (scope: Scope) => [scope.serviceIds, scope.patientIds ?? null];
/** The scope condition ($1 services, $2 patients or null) on a table aliased `x`, joined to `patients p`. */
export const inScope = (x: string) =>
  `p.service_id = ANY($1::uuid[]) AND ($2::uuid[] IS NULL OR ${x}.patient_id = ANY($2::uuid[]))`;

/** One version of a patient's care plan; `plan_id` is the id of its first version (the FHIR id). */
export interface CarePlanVersionRow {
  plan_id: string;
  patient_id: string;
  service_id: string;
  version: number;
  plan: CarePlanContent;
  review_due: string;
  decision_id: string | null;
  reason: string | null;
  started_at: Date;
  recorded_at: Date;
  recorded_by: string;
  recorded_by_name: string;
}

const CARE_PLANS = `
  SELECT f.id AS plan_id, c.patient_id, p.service_id, c.version, c.plan, c.review_due, c.decision_id, c.reason,
         f.recorded_at AS started_at, c.recorded_at, c.recorded_by, u.display_name AS recorded_by_name
  FROM care_plans c JOIN care_plans f ON f.patient_id = c.patient_id AND f.version = 1
  JOIN patients p ON p.id = c.patient_id JOIN users u ON u.id = c.recorded_by`;

/** The current version of every care plan in scope. */
export function carePlansInScope(db: Queryable, scope: Scope): Promise<CarePlanVersionRow[]> {
  return db.query<CarePlanVersionRow>(
    `${CARE_PLANS} WHERE ${inScope('c')}
       AND c.version = (SELECT max(version) FROM care_plans m WHERE m.patient_id = c.patient_id)
     ORDER BY f.recorded_at, f.id`,
    scopeArgs(scope),
  );
}

/** Every version of the care plan whose first version has this id, newest first ([] when there is none). */
export async function carePlanVersions(db: Queryable, planId: string): Promise<CarePlanVersionRow[]> {
  if (!isUuid(planId)) return [];
  return db.query<CarePlanVersionRow>(`${CARE_PLANS} WHERE f.id = $1 ORDER BY c.version DESC`, [planId]);
}

/** A harm assessment as one version of its logical assessment (`root_id`, the first in its correction chain). */
export interface AssessmentVersionRow {
  id: string;
  root_id: string;
  version: number;
  patient_id: string;
  service_id: string;
  corrects: string | null;
  correction_reason: string | null;
  /** The label of the proposed level only: the whole assessment and evaluation are large and not mapped. */
  level_label: string;
  proposed_level: number;
  content_version: string;
  assessed_at: Date;
  recorded_at: Date;
  recorded_by: string;
  recorded_by_name: string;
}

// Corrections point at the assessment they correct (possibly itself a correction): the chain's root is the
// logical resource, and its rows in the order recorded are the versions. A correction is of the same patient's
// assessment, so `patients` (a condition on a harm_assessments alias) narrows the chain itself: a recursive CTE is
// computed whole before any outer condition, and over every assessment in the country it costs seconds.
const chain = (patients: (x: string) => string = () => 'TRUE') => `
  WITH RECURSIVE chain(id, root_id) AS (
    SELECT h.id, h.id FROM harm_assessments h WHERE h.corrects IS NULL AND ${patients('h')}
    UNION ALL SELECT a.id, chain.root_id FROM harm_assessments a JOIN chain ON a.corrects = chain.id
      WHERE ${patients('a')}
  )`;
/** The scope's patients ($2, or every patient when null) as a condition on a table aliased `x`. */
const scopePatients = (x: string) => `($2::uuid[] IS NULL OR ${x}.patient_id = ANY($2::uuid[]))`;
const assessmentVersionsSql = (patients?: (x: string) => string) => `${chain(patients)}, versions AS (
    SELECT a.id, a.patient_id, a.corrects, a.correction_reason, a.evaluation, a.proposed_level, a.content_version,
           a.assessed_at, a.recorded_at, a.recorded_by, chain.root_id,
           row_number() OVER (PARTITION BY chain.root_id ORDER BY a.recorded_at, a.id)::int AS version,
           count(*) OVER (PARTITION BY chain.root_id)::int AS latest
    FROM harm_assessments a JOIN chain ON chain.id = a.id
  )
  SELECT v.id, v.root_id, v.version, v.patient_id, p.service_id, v.corrects, v.correction_reason,
         v.evaluation->>'levelLabel' AS level_label, v.proposed_level, v.content_version, v.assessed_at,
         v.recorded_at, v.recorded_by, u.display_name AS recorded_by_name
  FROM versions v JOIN patients p ON p.id = v.patient_id JOIN users u ON u.id = v.recorded_by`;

/** The latest version of every assessment in scope. */
export function assessmentsInScope(db: Queryable, scope: Scope): Promise<AssessmentVersionRow[]> {
  return db.query<AssessmentVersionRow>(
    `${assessmentVersionsSql(scopePatients)} WHERE ${inScope('v')} AND v.version = v.latest
     ORDER BY v.assessed_at, v.root_id`,
    scopeArgs(scope),
  );
}

/** Every version of one logical assessment (by its first record's id), newest first. */
export async function assessmentVersions(db: Queryable, rootId: string): Promise<AssessmentVersionRow[]> {
  if (!isUuid(rootId)) return [];
  return db.query<AssessmentVersionRow>(
    `${assessmentVersionsSql()} WHERE v.root_id = $1 ORDER BY v.version DESC`,
    [rootId],
  );
}

/** A clinician's decision on an assessment, with the logical id of the assessment it decided. */
export interface DecisionRow {
  id: string;
  assessment_root_id: string;
  patient_id: string;
  service_id: string;
  proposed_level: number;
  confirmed_level: number;
  overridden: boolean;
  reason: string | null;
  review_due: string;
  decided_at: Date;
  decided_by: string;
  decided_by_name: string;
}

const decisionsSql = (patients?: (x: string) => string) => `${chain(patients)}
  SELECT d.id, chain.root_id AS assessment_root_id, d.patient_id, p.service_id, d.proposed_level, d.confirmed_level, d.overridden, d.reason, d.review_due,
         d.decided_at, d.decided_by, u.display_name AS decided_by_name
  FROM harm_decisions d JOIN chain ON chain.id = d.assessment_id JOIN patients p ON p.id = d.patient_id
  JOIN users u ON u.id = d.decided_by`;

export function decisionsInScope(db: Queryable, scope: Scope): Promise<DecisionRow[]> {
  return db.query<DecisionRow>(
    `${decisionsSql(scopePatients)} WHERE ${inScope('d')} ORDER BY d.decided_at, d.id`,
    scopeArgs(scope),
  );
}

export async function findDecision(db: Queryable, id: string): Promise<DecisionRow | undefined> {
  if (!isUuid(id)) return undefined;
  return (await db.query<DecisionRow>(`${decisionsSql()} WHERE d.id = $1`, [id]))[0];
}

/** One version of a patient's shared formulation. */
export interface FormulationVersionRow {
  patient_id: string;
  service_id: string;
  version: number;
  content: FormulationContent;
  recorded_at: Date;
  recorded_by: string;
  recorded_by_name: string;
}

const FORMULATIONS = `
  SELECT f.patient_id, p.service_id, f.version, f.content, f.recorded_at, f.recorded_by,
         u.display_name AS recorded_by_name
  FROM formulations f JOIN patients p ON p.id = f.patient_id JOIN users u ON u.id = f.recorded_by`;

/** The current formulation version of every patient in scope that has one. */
export function formulationsInScope(db: Queryable, scope: Scope): Promise<FormulationVersionRow[]> {
  return db.query<FormulationVersionRow>(
    `${FORMULATIONS} WHERE ${inScope('f')}
       AND f.version = (SELECT max(version) FROM formulations m WHERE m.patient_id = f.patient_id)
     ORDER BY f.recorded_at, f.patient_id`,
    scopeArgs(scope),
  );
}

/** Every version of a patient's formulation, newest first. */
export async function formulationVersions(
  db: Queryable,
  patientId: string,
): Promise<FormulationVersionRow[]> {
  if (!isUuid(patientId)) return [];
  return db.query<FormulationVersionRow>(`${FORMULATIONS} WHERE f.patient_id = $1 ORDER BY f.version DESC`, [
    patientId,
  ]);
}

/** An alert with its acknowledgement, if any. */
export interface AlertRow {
  id: string;
  patient_id: string;
  service_id: string;
  code: string;
  severity: string;
  text: string;
  source_type: string;
  source_id: string;
  created_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
}

const ALERTS = `
  SELECT a.id, a.patient_id, p.service_id, a.code, a.severity, a.text, a.source_type, a.source_id, a.created_at,
         k.acknowledged_at, k.acknowledged_by
  FROM alerts a JOIN patients p ON p.id = a.patient_id LEFT JOIN alert_acknowledgements k ON k.alert_id = a.id`;

export function alertsInScope(db: Queryable, scope: Scope): Promise<AlertRow[]> {
  return db.query<AlertRow>(`${ALERTS} WHERE ${inScope('a')} ORDER BY a.created_at, a.id`, scopeArgs(scope));
}

export async function findAlert(db: Queryable, id: string): Promise<AlertRow | undefined> {
  if (!isUuid(id)) return undefined;
  return (await db.query<AlertRow>(`${ALERTS} WHERE a.id = $1`, [id]))[0];
}

/** A task with its completion, if any; the task's own service holds it. */
export interface TaskRow {
  id: string;
  patient_id: string;
  service_id: string;
  assigned_to: string | null;
  assigned_to_name: string | null;
  title: string;
  detail: string;
  priority: string;
  source_type: string;
  source_id: string;
  created_at: Date;
  completed_at: Date | null;
  note: string | null;
}

const TASKS = `
  SELECT t.id, t.patient_id, t.service_id, t.assigned_to, u.display_name AS assigned_to_name, t.title, t.detail,
         t.priority, t.source_type, t.source_id, t.created_at, c.completed_at, c.note
  FROM tasks t LEFT JOIN users u ON u.id = t.assigned_to LEFT JOIN task_completions c ON c.task_id = t.id`;

export function tasksInScope(db: Queryable, scope: Scope): Promise<TaskRow[]> {
  return db.query<TaskRow>(
    `${TASKS} WHERE t.service_id = ANY($1::uuid[]) AND ($2::uuid[] IS NULL OR t.patient_id = ANY($2::uuid[]))
     ORDER BY t.created_at, t.id`,
    scopeArgs(scope),
  );
}

export async function findTaskRecord(db: Queryable, id: string): Promise<TaskRow | undefined> {
  if (!isUuid(id)) return undefined;
  return (await db.query<TaskRow>(`${TASKS} WHERE t.id = $1`, [id]))[0];
}

/** One contraindication the prescriber assessed when signing eligibility. */
export interface AssessedContraindication {
  code: string;
  present: boolean;
  /** Present, Absent or Unknown, when the answer was recorded with one (Unknown is stored with present false). */
  status?: 'present' | 'absent' | 'unknown';
  judgement?: string;
}

/** A signed treatment-eligibility decision, with the contraindication flags it raised. */
export interface EligibilityRow {
  id: string;
  patient_id: string;
  service_id: string;
  route: string;
  checklist: { contraindications?: AssessedContraindication[] };
  flags: EligibilityFlags;
  decision: 'eligible' | 'not-eligible' | 'deferred';
  note: string | null;
  signed_at: Date;
  signed_by: string;
  signed_by_name: string;
}

const ELIGIBILITY = `
  SELECT e.id, e.patient_id, p.service_id, e.route, e.checklist, e.flags, e.decision, e.note, e.signed_at,
         e.signed_by, u.display_name AS signed_by_name
  FROM treatment_eligibility e JOIN patients p ON p.id = e.patient_id JOIN users u ON u.id = e.signed_by`;

export function eligibilityInScope(db: Queryable, scope: Scope): Promise<EligibilityRow[]> {
  return db.query<EligibilityRow>(
    `${ELIGIBILITY} WHERE ${inScope('e')} ORDER BY e.signed_at, e.id`,
    scopeArgs(scope),
  );
}

export async function findEligibility(db: Queryable, id: string): Promise<EligibilityRow | undefined> {
  if (!isUuid(id)) return undefined;
  return (await db.query<EligibilityRow>(`${ELIGIBILITY} WHERE e.id = $1`, [id]))[0];
}

/** A dosing session's discharge and the time until which the patient must not drive. */
export interface NoDrivingRow {
  session_id: string;
  patient_id: string;
  service_id: string;
  discharged_at: Date;
  no_driving_until: Date;
  discharged_by: string;
  discharged_by_name: string;
  /** Whether the time has not yet passed, by the database's clock (the mappers have none). */
  in_force: boolean;
}

const NO_DRIVING = `
  SELECT d.session_id, s.patient_id, s.service_id, d.discharged_at, d.no_driving_until, d.discharged_by,
         u.display_name AS discharged_by_name, now() < d.no_driving_until AS in_force
  FROM session_discharges d JOIN treatment_sessions s ON s.id = d.session_id JOIN users u ON u.id = d.discharged_by`;

export function noDrivingInScope(db: Queryable, scope: Scope): Promise<NoDrivingRow[]> {
  return db.query<NoDrivingRow>(
    `${NO_DRIVING} WHERE s.service_id = ANY($1::uuid[]) AND ($2::uuid[] IS NULL OR s.patient_id = ANY($2::uuid[]))
     ORDER BY d.discharged_at, d.session_id`,
    scopeArgs(scope),
  );
}

export async function findNoDriving(db: Queryable, sessionId: string): Promise<NoDrivingRow | undefined> {
  if (!isUuid(sessionId)) return undefined;
  return (await db.query<NoDrivingRow>(`${NO_DRIVING} WHERE d.session_id = $1`, [sessionId]))[0];
}
