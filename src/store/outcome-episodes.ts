// Loads each patient's episode of care (assessments, appointments, reviews, care plans) as outcome-measure rows.
import type { EpisodeRow } from '../domain/outcomes/index.ts';
import { isoDate, type IsoDate, type LevelNumber } from '../domain/harm/index.ts';
import type { AppointmentStatus } from '../domain/appointments/status.ts';
import type { Queryable } from './db.ts';

const day = (d: Date): IsoDate => {
  const value = isoDate(d.toISOString().slice(0, 10));
  if (!value) throw new Error('invalid date from the database');
  return value;
};
const level = (n: number): LevelNumber => n as LevelNumber;

/**
 * Episodes of patients in the given services with their events between `from` and `to` (inclusive): people
 * first seen in the period or with any assessment or appointment in it.
 */
export async function loadEpisodes(
  db: Queryable,
  serviceIds: string[],
  from: string,
  to: string,
): Promise<EpisodeRow[]> {
  const patients = await db.query<{ id: string; created_at: Date; team: string }>(
    `SELECT p.id, p.created_at, s.name AS team FROM patients p JOIN services s ON s.id = p.service_id
     WHERE p.service_id = ANY($1::uuid[]) AND p.created_at < ($2::date + 1)`,
    [serviceIds, to],
  );
  const ids = patients.map((p) => p.id);
  if (ids.length === 0) return [];
  const assessments = await db.query<{
    patient_id: string;
    assessed_at: Date;
    assessment: {
      symptoms: { code: string }[];
      use: { daysUsedLast28: number };
      measures?: { sdsTotal?: number; phq9Total?: number };
    };
    proposed_level: number;
    confirmed_level: number;
    overridden: boolean;
    decided_by: string;
    decided_at: Date;
    review_due: string;
  }>(
    `SELECT a.patient_id, a.assessed_at, a.assessment, a.proposed_level, d.confirmed_level, d.overridden, d.decided_by, d.decided_at, d.review_due::text AS review_due
     FROM harm_assessments a JOIN harm_decisions d ON d.assessment_id = a.id WHERE a.patient_id = ANY($1::uuid[]) ORDER BY a.assessed_at`,
    [ids],
  );
  const appointments = await db.query<{ patient_id: string; starts_at: Date; status: AppointmentStatus }>(
    `SELECT a.patient_id, e.starts_at, e.status FROM appointments a
     JOIN LATERAL (SELECT status, starts_at FROM appointment_events WHERE appointment_id = a.id ORDER BY id DESC LIMIT 1) e ON true
     WHERE a.patient_id = ANY($1::uuid[])`,
    [ids],
  );
  const plans = await db.query<{
    patient_id: string;
    recorded_at: Date;
    plan: { interventions: { interventionId: string }[]; keyWorkerId?: string };
    confirmed_level: number | null;
  }>(
    `SELECT c.patient_id, c.recorded_at, c.plan, d.confirmed_level FROM care_plans c LEFT JOIN harm_decisions d ON d.id = c.decision_id
     WHERE c.patient_id = ANY($1::uuid[]) ORDER BY c.version`,
    [ids],
  );
  const inPeriod = (d: Date) => {
    const x = day(d);
    return x >= from && x <= to;
  };
  const episodes: EpisodeRow[] = patients.map((p) => {
    const own = assessments.filter((a) => a.patient_id === p.id && inPeriod(a.assessed_at));
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
        sentinelSymptoms: a.assessment.symptoms.map((s) => s.code),
        daysUsedLast28: a.assessment.use.daysUsedLast28,
        sdsTotal: a.assessment.measures?.sdsTotal ?? null,
        phq9Total: a.assessment.measures?.phq9Total ?? null,
      })),
      appointments: appointments
        .filter((a) => a.patient_id === p.id && inPeriod(a.starts_at))
        .map((a) => ({ on: day(a.starts_at), status: a.status })),
      // Each decision sets a review; it is done by the next assessment after the decision.
      reviews: own.map((a) => {
        const next = own.find((b) => b.assessed_at > a.decided_at);
        const dueOn = isoDate(a.review_due);
        if (!dueOn) throw new Error('invalid review date');
        return { dueOn, doneOn: next ? day(next.assessed_at) : null };
      }),
      keyWorkerIds: [
        ...new Set(
          plans
            .filter((c) => c.patient_id === p.id && c.plan.keyWorkerId)
            .map((c) => c.plan.keyWorkerId ?? ''),
        ),
      ],
      carePlans: plans
        .filter((c) => c.patient_id === p.id && c.confirmed_level !== null && inPeriod(c.recorded_at))
        .map((c) => ({
          on: day(c.recorded_at),
          confirmedLevel: level(c.confirmed_level ?? 1),
          interventions: c.plan.interventions.map((i) => i.interventionId),
        })),
      referrals: [],
      crisisEvents: [],
    };
  });
  return episodes.filter(
    (e) =>
      (e.firstContactOn >= from && e.firstContactOn <= to) ||
      e.assessments.length > 0 ||
      e.appointments.length > 0,
  );
}
