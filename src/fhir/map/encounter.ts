// Dosing sessions (with their discharge) and preparation/integration therapy sessions as FHIR R4 Encounters.
import type { CodeableConcept } from '../types.ts';
import { instant, KASPR_BASE, meta, prune, ref, THO, ucum } from './common.ts';
import type { DosingSession, TherapySession } from '../../store/fhir-treatment.ts';
import type { Coded, Encounter } from './treatment-types.ts';

export const ENCOUNTER_TYPE_SYSTEM = `${KASPR_BASE}/CodeSystem/encounter-type`;
const ACT_CODE = `${THO}/v3-ActCode`;

/** Encounter class by setting (THO v3-ActCode): clinic → AMB, home → HH, remote → VR. */
export function encounterClass(setting: string | null): Coded {
  if (setting === 'home') return { system: ACT_CODE, code: 'HH', display: 'home health' };
  if (setting === 'remote') return { system: ACT_CODE, code: 'VR', display: 'virtual' };
  return { system: ACT_CODE, code: 'AMB', display: 'ambulatory' };
}

const encounterType = (code: string, display: string): CodeableConcept[] => [
  { coding: [{ system: ENCOUNTER_TYPE_SYSTEM, code, display }], text: display },
];

/** A dosing session: in progress until discharged, then finished with discharge home. */
export function dosingEncounter(s: DosingSession): Encounter {
  const discharged = s.discharged_at;
  return prune({
    resourceType: 'Encounter',
    id: s.id,
    meta: meta(1, discharged ?? s.started_at),
    status: discharged ? 'finished' : 'in-progress',
    class: encounterClass(s.setting),
    type: encounterType('dosing-session', 'Dosing session'),
    subject: ref('Patient', s.patient_id),
    participant: s.acls_user_id ? [{ individual: ref('Practitioner', s.acls_user_id) }] : [],
    period: prune({ start: instant(s.started_at), end: discharged ? instant(discharged) : undefined }),
    hospitalization: discharged
      ? {
          dischargeDisposition: {
            coding: [{ system: `${THO}/discharge-disposition`, code: 'home', display: 'Home' }],
          },
        }
      : undefined,
    serviceProvider: ref('Organization', s.service_id),
  });
}

/** A preparation or integration session: held_at for its duration; virtual when its dosing session was remote. */
export function therapyEncounter(t: TherapySession): Encounter {
  const end = new Date(t.held_at.getTime() + t.duration_minutes * 60_000);
  const label = t.kind === 'preparation' ? 'Preparation session' : 'Integration session';
  return prune({
    resourceType: 'Encounter',
    id: t.id,
    meta: meta(1, t.recorded_at),
    status: 'finished',
    class: encounterClass(t.dosing_setting === 'remote' ? 'remote' : 'clinic'),
    type: encounterType(t.kind, label),
    subject: ref('Patient', t.patient_id),
    period: { start: instant(t.held_at), end: instant(end) },
    length: ucum(t.duration_minutes, 'min'),
    serviceProvider: ref('Organization', t.service_id),
    partOf: t.dosing_session_id ? ref('Encounter', t.dosing_session_id) : undefined,
  });
}
