// Reads the TOP-compatible items (28-day use, health ratings) of every confirmed assessment in a report's scope.
import { isoDate, type IsoDate } from '../domain/harm/index.ts';
import type { TopSource } from '../domain/outcomes/index.ts';
import type { Queryable } from './db.ts';
import type { EpisodeScope } from './outcome-episodes.ts';

interface Row {
  patient_id: string;
  birth_date: string;
  sex: string | null;
  key_worker: string | null;
  assessed_on: string;
  days_used: number | null;
  psych: number | null;
  phys: number | null;
  qol: number | null;
  started_before: boolean;
}

const date = (text: string): IsoDate => {
  const value = isoDate(text);
  if (!value) throw new Error('invalid date from the database');
  return value;
};

/** TOP sources for the scope, and the clients whose treatment Start was before the period. */
export async function loadTopSources(
  db: Queryable,
  scope: EpisodeScope,
): Promise<{ sources: TopSource[]; startedBefore: Set<string> }> {
  const rows = await db.query<Row>(
    `SELECT a.patient_id, v.birth_date::text AS birth_date, v.data->>'sex' AS sex,
            (SELECT u.display_name FROM care_plans c JOIN users u ON u.id::text = c.plan->>'keyWorkerId'
              WHERE c.patient_id = a.patient_id AND c.recorded_at <= a.assessed_at ORDER BY c.version DESC LIMIT 1) AS key_worker,
            (a.assessed_at AT TIME ZONE 'UTC')::date::text AS assessed_on,
            (a.assessment->'use'->>'daysUsedLast28')::int AS days_used,
            (a.assessment->'measures'->>'topPsychologicalHealth')::int AS psych,
            (a.assessment->'measures'->>'topPhysicalHealth')::int AS phys,
            (a.assessment->'measures'->>'topQualityOfLife')::int AS qol,
            EXISTS (SELECT 1 FROM harm_assessments b JOIN harm_decisions bd ON bd.assessment_id = b.id
                     WHERE b.patient_id = a.patient_id AND b.assessed_at < $2::date) AS started_before
     FROM harm_assessments a
     JOIN harm_decisions d ON d.assessment_id = a.id
     JOIN patients p ON p.id = a.patient_id
     JOIN patient_versions v ON v.patient_id = p.id AND v.version = p.current_version
     WHERE p.service_id = ANY($1::uuid[]) AND a.assessed_at >= $2::date AND a.assessed_at < ($3::date + 1)
       AND ($4::uuid IS NULL OR d.decided_by = $4)
     ORDER BY a.patient_id, a.assessed_at`,
    [scope.serviceIds, scope.from, scope.to, scope.practitionerId ?? null],
  );
  return {
    sources: rows.map((r) => ({
      clientId: r.patient_id,
      birthDate: date(r.birth_date),
      sex: r.sex,
      keyWorker: r.key_worker,
      interviewDate: date(r.assessed_on),
      daysUsedLast28: r.days_used,
      psychologicalHealth: r.psych,
      physicalHealth: r.phys,
      qualityOfLife: r.qol,
    })),
    startedBefore: new Set(rows.filter((r) => r.started_before).map((r) => r.patient_id)),
  };
}
