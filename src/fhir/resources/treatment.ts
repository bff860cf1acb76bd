// The FHIR types served for the treatment pathway: dosing sessions (Encounter), doses (MedicationRequest, MedicationAdministration, Medication), consents (Consent, DocumentReference, Binary).
import { dosingEncounter, therapyEncounter } from '../map/encounter.ts';
import type { Encounter } from '../map/treatment-types.ts';
import { commonParams, dates, refs, tokensOf, type ResourceType } from '../resource-kit.ts';
import type { DateRange } from '../search/dates.ts';
import type { Period } from '../types.ts';
import {
  dosingSessionsInScope,
  findDosingSession,
  findTherapySession,
  therapySessionsInScope,
} from '../../store/fhir-treatment.ts';

/** A period as one date range: from its start to its end, open-ended while it is still going on. */
function periodRange(p: Period | undefined): DateRange[] {
  const [start] = dates(p?.start);
  if (!start) return [];
  const [end] = dates(p?.end);
  return [{ lo: start.lo, hi: end ? end.hi : Number.POSITIVE_INFINITY }];
}

const encounterType: ResourceType<Encounter> = {
  type: 'Encounter',
  patientData: true,
  includes: ['Encounter:patient', 'Encounter:subject'],
  params: [
    ...commonParams(),
    { name: 'patient', type: 'reference', description: 'The patient', values: (e) => refs(e.subject) },
    { name: 'subject', type: 'reference', description: 'The patient', values: (e) => refs(e.subject) },
    {
      name: 'date',
      type: 'date',
      description: 'When the session took place (its period)',
      values: (e) => periodRange(e.period),
    },
    {
      name: 'status',
      type: 'token',
      description: '`in-progress` or `finished`',
      values: (e) => [{ code: e.status }],
    },
    {
      name: 'class',
      type: 'token',
      description: 'AMB (clinic), HH (home) or VR (remote), from THO v3-ActCode',
      values: (e) => [{ system: e.class.system, code: e.class.code }],
    },
    {
      name: 'type',
      type: 'token',
      description:
        '`dosing-session`, `preparation` or `integration` (`https://kaspr.example/fhir/CodeSystem/encounter-type`)',
      values: (e) => (e.type ?? []).flatMap(tokensOf),
    },
    {
      name: 'part-of',
      type: 'reference',
      description: 'The dosing session a therapy session belongs to',
      values: (e) => refs(e.partOf),
    },
  ],
  inScope: async (db, scope) => [
    ...(await dosingSessionsInScope(db, scope)).map(dosingEncounter),
    ...(await therapySessionsInScope(db, scope)).map(therapyEncounter),
  ],
  byId: async (db, id) => {
    const dosing = await findDosingSession(db, id);
    if (dosing)
      return {
        resource: dosingEncounter(dosing),
        owner: { patientId: dosing.patient_id, serviceIds: [dosing.service_id] },
      };
    const therapy = await findTherapySession(db, id);
    return (
      therapy && {
        resource: therapyEncounter(therapy),
        owner: { patientId: therapy.patient_id, serviceIds: [therapy.service_id] },
      }
    );
  },
};

export const TREATMENT_TYPES: readonly ResourceType[] = [encounterType].map(
  (t) => t as unknown as ResourceType,
);
