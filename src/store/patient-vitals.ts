// Vital signs recorded outside a dosing session (immutable rows; see migration 024).
import type { RecordVitals } from '../schemas/patient-vitals.ts';
import { firstRow, insertRow, type Queryable } from './db.ts';
import type { Scope } from './fhir-sources.ts';

export interface PatientVitalsRow {
  id: string;
  patient_id: string;
  service_id: string;
  taken_at: Date;
  systolic: number | null;
  diastolic: number | null;
  heart_rate: number | null;
  spo2: number | null;
  respiratory_rate: number | null;
  source_system: string | null;
  source_value: string | null;
  recorded_at: Date;
}

const SELECT = `SELECT v.id, v.patient_id, p.service_id, v.taken_at, v.systolic, v.diastolic, v.heart_rate, v.spo2,
    v.respiratory_rate, v.source_system, v.source_value, v.recorded_at
  FROM patient_vitals v JOIN patients p ON p.id = v.patient_id`;

export function insertPatientVitals(
  tx: Queryable,
  patientId: string,
  v: RecordVitals,
  recordedBy: string,
  now: Date,
): Promise<string> {
  return insertRow(tx, 'patient_vitals', {
    patient_id: patientId,
    taken_at: new Date(v.takenAt),
    systolic: v.systolic ?? null,
    diastolic: v.diastolic ?? null,
    heart_rate: v.heartRate ?? null,
    spo2: v.spo2 ?? null,
    respiratory_rate: v.respiratoryRate ?? null,
    source_system: v.source?.system ?? null,
    source_value: v.source?.value ?? null,
    recorded_by: recordedBy,
    recorded_at: now,
  });
}

/** A patient's readings, oldest first. */
export function listPatientVitals(db: Queryable, patientId: string): Promise<PatientVitalsRow[]> {
  return db.query<PatientVitalsRow>(`${SELECT} WHERE v.patient_id = $1 ORDER BY v.taken_at, v.id`, [
    patientId,
  ]);
}

/** Every reading in scope, oldest first. */
export function patientVitalsInScope(db: Queryable, scope: Scope): Promise<PatientVitalsRow[]> {
  return db.query<PatientVitalsRow>(
    `${SELECT} WHERE p.service_id = ANY($1::uuid[]) AND ($2::uuid[] IS NULL OR v.patient_id = ANY($2::uuid[]))
     ORDER BY v.taken_at, v.id`,
    [scope.serviceIds, scope.patientIds ?? null],
  );
}

export function findPatientVitals(db: Queryable, id: string): Promise<PatientVitalsRow | undefined> {
  return firstRow<PatientVitalsRow>(db, `${SELECT} WHERE v.id = $1`, [id]);
}

/** The reading a sending system's identifier already names for the patient, if any. */
export function findPatientVitalsBySource(
  db: Queryable,
  patientId: string,
  source: { system: string; value: string },
): Promise<PatientVitalsRow | undefined> {
  return firstRow<PatientVitalsRow>(
    db,
    `${SELECT} WHERE v.patient_id = $1 AND v.source_system = $2 AND v.source_value = $3`,
    [patientId, source.system, source.value],
  );
}

/** A reading of the patient taken at the same instant with the same values, if one is held (a retried send). */
export function findSameReading(
  db: Queryable,
  patientId: string,
  v: RecordVitals,
): Promise<PatientVitalsRow | undefined> {
  return firstRow<PatientVitalsRow>(
    db,
    `${SELECT} WHERE v.patient_id = $1 AND v.taken_at = $2
       AND v.systolic IS NOT DISTINCT FROM $3 AND v.diastolic IS NOT DISTINCT FROM $4
       AND v.heart_rate IS NOT DISTINCT FROM $5 AND v.spo2 IS NOT DISTINCT FROM $6
       AND v.respiratory_rate IS NOT DISTINCT FROM $7`,
    [
      patientId,
      new Date(v.takenAt),
      v.systolic ?? null,
      v.diastolic ?? null,
      v.heartRate ?? null,
      v.spo2 ?? null,
      v.respiratoryRate ?? null,
    ],
  );
}
