// Loads each patient's episode of care (assessments, appointments, reviews, care plans, referrals, crisis events,
// urinary checklists) as outcome-measure rows.
import type { EpisodeRow } from '../domain/outcomes/index.ts';
import { isoDate, type IsoDate, type LevelNumber } from '../domain/harm/index.ts';
import type { AppointmentStatus } from '../domain/appointments/status.ts';
import type { Queryable } from './db.ts';

const day = (d: Date): IsoDate => {
  const value = isoDate(d.toISOString().slice(0, 10));
  if (!value) throw new Error('invalid date from the database');
  return value;
};
const dateText = (text: string): IsoDate => {
  const value = isoDate(text);
  if (!value) throw new Error('invalid date from the database');
  return value;
};
const level = (n: number): LevelNumber => n as LevelNumber;

/** Which patients a report covers: services, a period, and optionally one practitioner's caseload. */
export interface EpisodeScope {
  readonly serviceIds: readonly string[];
  readonly from: string;
  readonly to: string;
  /**
   * One practitioner's caseload: people for whom they confirmed a harm assessment, held an appointment, or were
   * named key worker in a care plan, within the period.
   */
  readonly practitionerId?: string;
}

/** Rows grouped by patient id, so each episode picks its own in one lookup. */
function byPatient<T extends { patient_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.patient_id);
    if (list) list.push(row);
    else map.set(row.patient_id, [row]);
  }
  return map;
}

/**
 * A practitioner's caseload, as the dashboard's SQL counts it (src/store/outcome-series.ts): they decided an
 * assessment, held an appointment whose latest state in the period is not a cancellation, or were named key
 * worker in a care plan, within the period. Reads migration 010's summary tables.
 */
const CASELOAD = `
  AND p.id IN (
    SELECT f.patient_id FROM outcome_assessment_facts f
      WHERE f.decided_by = $4::uuid AND f.assessed_at >= $3::date AND f.assessed_at < ($2::date + 1)
    UNION SELECT st.patient_id FROM outcome_appointment_states st
      WHERE st.practitioner_id = $4::uuid AND st.starts_at >= $3::date AND st.starts_at < ($2::date + 1)
        AND st.status <> 'cancelled'
    UNION SELECT c.patient_id FROM care_plans c
      WHERE c.plan->>'keyWorkerId' = $4::uuid::text AND c.recorded_at >= $3::date AND c.recorded_at < ($2::date + 1))`;

/**
 * Episodes of patients in the scope with their events between `from` and `to` (inclusive): people first seen in
 * the period or with any assessment or appointment in it. Events of one instant keep a fixed order (by id), so the
 * measures computed from them are the same on every read and equal those worked out in SQL
 * (src/store/outcome-measures.ts, which the service outcomes report uses at scale).
 */
export async function loadEpisodes(db: Queryable, scope: EpisodeScope): Promise<EpisodeRow[]> {
  const { from, to } = scope;
  const byPractitioner = scope.practitionerId !== undefined;
  const patients = await db.query<{ id: string; created_at: Date; team: string }>(
    `SELECT p.id, p.created_at, s.name AS team FROM patients p JOIN services s ON s.id = p.service_id
     WHERE p.service_id = ANY($1::uuid[]) AND p.created_at < ($2::date + 1) ${byPractitioner ? CASELOAD : ''}`,
    byPractitioner ? [scope.serviceIds, to, from, scope.practitionerId] : [scope.serviceIds, to],
  );
  const ids = patients.map((p) => p.id);
  if (ids.length === 0) return [];
  const assessments = byPatient(
    await db.query<{
      patient_id: string;
      assessed_at: Date;
      symptoms: { code: string }[];
      days_used: number;
      sds: number | null;
      phq9: number | null;
      proposed_level: number;
      confirmed_level: number;
      overridden: boolean;
      decided_by: string;
      decided_at: Date;
      review_due: string;
    }>(
      // Only the parts of the assessment the measures read, not the whole document.
      `SELECT a.patient_id, a.assessed_at, a.assessment->'symptoms' AS symptoms,
              (a.assessment->'use'->>'daysUsedLast28')::int AS days_used,
              (a.assessment->'measures'->>'sdsTotal')::int AS sds, (a.assessment->'measures'->>'phq9Total')::int AS phq9,
              a.proposed_level, d.confirmed_level, d.overridden, d.decided_by, d.decided_at, d.review_due::text AS review_due
       FROM harm_assessments a JOIN harm_decisions d ON d.assessment_id = a.id
       WHERE a.patient_id = ANY($1::uuid[]) AND a.assessed_at >= $2::date AND a.assessed_at < ($3::date + 1)
       ORDER BY a.assessed_at, a.id`,
      [ids, from, to],
    ),
  );
  const appointments = byPatient(
    await db.query<{ patient_id: string; starts_at: Date; status: AppointmentStatus }>(
      // Each appointment's latest state, from migration 010's summary table (kept by a trigger on its events).
      `SELECT st.patient_id, st.starts_at, st.status FROM outcome_appointment_states st
       WHERE st.service_id = ANY($4::uuid[]) AND st.starts_at >= $2::date AND st.starts_at < ($3::date + 1)
         AND st.patient_id = ANY($1::uuid[])`,
      [ids, from, to, scope.serviceIds],
    ),
  );
  const plans = byPatient(
    await db.query<{
      patient_id: string;
      recorded_at: Date;
      interventions: string[];
      key_worker_id: string | null;
      confirmed_level: number | null;
    }>(
      `SELECT c.patient_id, c.recorded_at, c.plan->>'keyWorkerId' AS key_worker_id, d.confirmed_level,
              ARRAY(SELECT i->>'interventionId' FROM jsonb_array_elements(c.plan->'interventions') i) AS interventions
       FROM care_plans c LEFT JOIN harm_decisions d ON d.id = c.decision_id
       WHERE c.patient_id = ANY($1::uuid[]) AND c.recorded_at < ($2::date + 1) ORDER BY c.version`,
      [ids, to],
    ),
  );
  const referrals = byPatient(
    await db.query<{
      patient_id: string;
      confirmed_level: number;
      decided_on: string;
      target_days: number;
      made_on: string | null;
    }>(
      `SELECT r.patient_id, r.confirmed_level, r.decided_on::text AS decided_on, r.target_days,
              CASE WHEN e.kind = 'made' THEN e.on_date::text END AS made_on
       FROM onward_referrals r LEFT JOIN onward_referral_events e ON e.referral_id = r.id
       WHERE r.patient_id = ANY($1::uuid[]) AND r.decided_on BETWEEN $2::date AND $3::date
         AND (e.kind IS NULL OR e.kind = 'made')`,
      [ids, from, to],
    ),
  );
  const crises = byPatient(
    await db.query<{ patient_id: string; occurred_on: string; kind: string }>(
      `SELECT c.patient_id, c.occurred_on::text AS occurred_on, c.kind FROM crisis_events c
       WHERE c.patient_id = ANY($1::uuid[]) AND c.occurred_on BETWEEN $2::date AND $3::date
         AND NOT EXISTS (SELECT 1 FROM crisis_event_retractions x WHERE x.event_id = c.id)`,
      [ids, from, to],
    ),
  );
  const checklists = byPatient(
    await db.query<{ patient_id: string; completed_at: Date; present: number }>(
      `SELECT r.patient_id, r.completed_at,
              (SELECT count(*) FROM jsonb_each_text(r.answers) i WHERE i.key IN ('1','2','3','4','5','6','7') AND i.value = '1')::int AS present
       FROM questionnaire_responses r
       WHERE r.patient_id = ANY($1::uuid[]) AND r.instrument_id = 'ketamine-urinary-checklist'
         AND r.completed_at >= $2::date AND r.completed_at < ($3::date + 1)
       ORDER BY r.completed_at, r.id`,
      [ids, from, to],
    ),
  );
  const episodes: EpisodeRow[] = patients.map((p) => {
    const own = assessments.get(p.id) ?? [];
    const ownPlans = plans.get(p.id) ?? [];
    return {
      patientId: p.id,
      team: p.team,
      firstContactOn: day(p.created_at),
      assessments: own.map((a) => ({
        on: day(a.assessed_at),
        practitionerId: a.decided_by,
        proposedLevel: level(a.proposed_level),
        confirmedLevel: level(a.confirmed_level),
        overridden: a.overridden,
        sentinelSymptoms: a.symptoms.map((s) => s.code),
        daysUsedLast28: a.days_used,
        sdsTotal: a.sds,
        phq9Total: a.phq9,
      })),
      appointments: (appointments.get(p.id) ?? []).map((a) => ({ on: day(a.starts_at), status: a.status })),
      // Each decision sets a review; it is done by the next assessment after the decision.
      reviews: own.map((a) => {
        const next = own.find((b) => b.assessed_at > a.decided_at);
        return { dueOn: dateText(a.review_due), doneOn: next ? day(next.assessed_at) : null };
      }),
      keyWorkerIds: [...new Set(ownPlans.flatMap((c) => (c.key_worker_id ? [c.key_worker_id] : [])))],
      carePlans: ownPlans
        .filter((c) => c.confirmed_level !== null && day(c.recorded_at) >= from)
        .map((c) => ({
          on: day(c.recorded_at),
          confirmedLevel: level(c.confirmed_level ?? 1),
          interventions: c.interventions,
        })),
      referrals: (referrals.get(p.id) ?? []).map((r) => ({
        confirmedLevel: level(r.confirmed_level),
        decidedOn: dateText(r.decided_on),
        madeOn: r.made_on === null ? null : dateText(r.made_on),
        targetDays: r.target_days,
      })),
      crisisEvents: (crises.get(p.id) ?? []).map((c) => ({ on: dateText(c.occurred_on), kind: c.kind })),
      urinaryChecklists: (checklists.get(p.id) ?? []).map((c) => ({
        on: day(c.completed_at),
        presentCount: c.present,
      })),
    };
  });
  return episodes.filter(
    (e) =>
      (e.firstContactOn >= from && e.firstContactOn <= to) ||
      e.assessments.length > 0 ||
      e.appointments.length > 0,
  );
}
