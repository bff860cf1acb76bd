// A vital-signs reading, in a treatment session or on the chart outside one, as base-spec vital-sign Observations
// (bp, heartrate, oxygensat, resprate).
import type { Vitals } from '../../schemas/treatment.ts';
import type { PatientVitalsRow } from '../../store/patient-vitals.ts';
import type { Observation, ObservationComponent } from '../types.ts';
import { BASE_PROFILE, instant, loinc, observationCategory, ref, ucum } from './common.ts';

/**
 * One stored reading with the ids it hangs off: a session event (its session is the Encounter) or a reading on the
 * chart (no Encounter), which may hold any of the measures.
 */
export interface VitalsReading extends Partial<Omit<Vitals, 'takenAt'>> {
  id: string;
  patientId: string;
  sessionId?: string | undefined;
  takenAt: string;
  recordedAt: Date;
}

const MM_HG = 'mm[Hg]';
const PER_MINUTE = '/min';

function component(code: string, label: string, value: number): ObservationComponent {
  return { code: loinc([{ code }], label), valueQuantity: ucum(value, MM_HG, 'mmHg') };
}

/** The Observations of one reading: BP panel, heart rate, SpO2 and respiratory rate, each when it was taken. */
export function vitalSignObservations(v: VitalsReading): Observation[] {
  const common = (suffix: string, profile: string) => ({
    resourceType: 'Observation' as const,
    id: `${v.id}-${suffix}`,
    meta: { versionId: '1', lastUpdated: instant(v.recordedAt), profile: [`${BASE_PROFILE}/${profile}`] },
    status: 'final' as const,
    category: [observationCategory('vital-signs')],
    subject: ref('Patient', v.patientId),
    ...(v.sessionId === undefined ? {} : { encounter: ref('Encounter', v.sessionId) }),
    effectiveDateTime: v.takenAt,
  });
  const observations: Observation[] = [];
  if (v.systolic !== undefined && v.diastolic !== undefined)
    observations.push({
      ...common('bp', 'bp'),
      code: loinc([{ code: '85354-9' }], 'Blood pressure'),
      component: [
        component('8480-6', 'Systolic blood pressure', v.systolic),
        component('8462-4', 'Diastolic blood pressure', v.diastolic),
      ],
    });
  if (v.heartRate !== undefined)
    observations.push({
      ...common('hr', 'heartrate'),
      code: loinc([{ code: '8867-4' }], 'Heart rate'),
      valueQuantity: ucum(v.heartRate, PER_MINUTE, 'beats/minute'),
    });
  if (v.spo2 !== undefined)
    observations.push({
      ...common('spo2', 'oxygensat'),
      code: loinc([{ code: '2708-6' }, { code: '59408-5' }], 'Oxygen saturation (pulse oximetry)'),
      valueQuantity: ucum(v.spo2, '%'),
    });
  if (v.respiratoryRate !== undefined)
    observations.push({
      ...common('rr', 'resprate'),
      code: loinc([{ code: '9279-1' }], 'Respiratory rate'),
      valueQuantity: ucum(v.respiratoryRate, PER_MINUTE, 'breaths/minute'),
    });
  return observations;
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** A stored `vitals` session event as a reading, or null when its data is not a vitals shape. */
export function vitalsFromEvent(
  row: { id: number | string; data: Record<string, unknown>; at: Date },
  session: { id: string; patient_id: string },
): VitalsReading | null {
  const { takenAt, systolic, diastolic, heartRate, spo2, respiratoryRate } = row.data;
  if (typeof takenAt !== 'string' || Number.isNaN(Date.parse(takenAt))) return null;
  if (!isNumber(systolic) || !isNumber(diastolic) || !isNumber(heartRate) || !isNumber(spo2)) return null;
  if (respiratoryRate !== undefined && respiratoryRate !== null && !isNumber(respiratoryRate)) return null;
  return {
    id: String(row.id),
    patientId: session.patient_id,
    sessionId: session.id,
    takenAt,
    systolic,
    diastolic,
    heartRate,
    spo2,
    ...(isNumber(respiratoryRate) ? { respiratoryRate } : {}),
    recordedAt: row.at,
  };
}

/** A reading on the chart outside a session (a clinic reading, or one received from another system). */
export function vitalsFromChart(row: PatientVitalsRow): VitalsReading {
  const defined = <T>(x: T | null): T | undefined => (x === null ? undefined : x);
  return {
    id: row.id,
    patientId: row.patient_id,
    takenAt: row.taken_at.toISOString(),
    recordedAt: row.recorded_at,
    systolic: defined(row.systolic),
    diastolic: defined(row.diastolic),
    heartRate: defined(row.heart_rate),
    spo2: defined(row.spo2),
    respiratoryRate: defined(row.respiratory_rate),
  };
}
