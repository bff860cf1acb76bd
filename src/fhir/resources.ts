// The resource types the FHIR API serves: for each, its search parameters, where its resources come from (scoped
// to services and, when a search names them, to patients) and how one is found by id. The CapabilityStatement is
// built from this table, so it lists exactly what is served.
import type { InstrumentDefinition } from '../domain/instruments/types.ts';
import type { Queryable } from '../store/db.ts';
import {
  findResponse,
  findVitals,
  responsesInScope,
  findStaff,
  staffInServices,
  vitalsInScope,
} from '../store/fhir-sources.ts';
import type { VitalsRow } from '../store/fhir-sources.ts';
import { definitionsInForce } from '../store/instruments.ts';
import { findPatientVitals, patientVitalsInScope } from '../store/patient-vitals.ts';
import { currentPatients, findPatient, findPatientVersion, listVersions } from '../store/patients.ts';
import { findService, listServices } from '../store/services.ts';
import { listCredentials } from '../store/users.ts';
import { toFhirOrganization } from './map/organization.ts';
import { patientBodyHeight, patientBodyWeight, toFhirPatient } from './map/patient.ts';
import { toFhirPractitioner } from './map/practitioner.ts';
import { questionnaireTotal, toFhirQuestionnaireResponse } from './map/questionnaire-response.ts';
import { vitalSignObservations, vitalsFromChart, vitalsFromEvent } from './map/vitals.ts';
import {
  activeParam,
  commonParams,
  dates,
  identifierParam,
  identifiers,
  refs,
  tokensOf,
  subjectParams,
  type ResourceType,
} from './resource-kit.ts';
import { HARM_TYPES } from './resources/harm.ts';
import { RECORD_TYPES } from './resources/records.ts';
import { TREATMENT_TYPES } from './resources/treatment.ts';
import type { Observation, QuestionnaireResponse } from './types.ts';

export type { Found, Owner, ResourceType } from './resource-kit.ts';

const patientType: ResourceType<ReturnType<typeof toFhirPatient>> = {
  type: 'Patient',
  patientData: true,
  includes: [],
  params: [
    ...commonParams(),
    identifierParam('An identifier: `https://fhir.nhs.uk/Id/nhs-number|…`, the MRN or another'),
    {
      name: 'family',
      type: 'string',
      description: 'Family name (case and accents ignored)',
      values: (p) => (p.name ?? []).flatMap((n) => (n.family ? [n.family] : [])),
    },
    {
      name: 'given',
      type: 'string',
      description: 'Given name (case and accents ignored)',
      values: (p) => (p.name ?? []).flatMap((n) => n.given ?? []),
    },
    {
      name: 'name',
      type: 'string',
      description: 'Any part of the name (case and accents ignored)',
      values: (p) => (p.name ?? []).flatMap((n) => [...(n.family ? [n.family] : []), ...(n.given ?? [])]),
    },
    { name: 'birthdate', type: 'date', description: 'Date of birth', values: (p) => dates(p.birthDate) },
    {
      name: 'gender',
      type: 'token',
      description: 'Administrative gender',
      values: (p) => (p.gender ? [{ code: p.gender }] : []),
    },
    {
      name: 'organization',
      type: 'reference',
      description: 'The service that holds the record',
      values: (p) => refs(p.managingOrganization),
    },
  ],
  inScope: async (db, scope) => (await currentPatients(db, scope)).map(toFhirPatient),
  byId: async (db, id) => {
    const record = await findPatient(db, id);
    return (
      record && { resource: toFhirPatient(record), owner: { patientId: id, serviceIds: [record.serviceId] } }
    );
  },
  versions: async (db, id) => {
    const versions = await listVersions(db, id);
    const records = await Promise.all(versions.map((v) => findPatientVersion(db, id, v.version)));
    return records.flatMap((r) => (r ? [toFhirPatient(r)] : []));
  },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The Observations one set of vital signs makes, with the patient's service. */
function vitalsObservations(row: VitalsRow): Observation[] {
  const reading = vitalsFromEvent(
    { id: row.id, data: row.data, at: row.recorded_at },
    { id: row.session_id, patient_id: row.patient_id },
  );
  return reading ? vitalSignObservations(reading) : [];
}

type Definitions = ReadonlyMap<string, InstrumentDefinition>;
const definitions = async (db: Queryable): Promise<Definitions> =>
  new Map((await definitionsInForce(db)).map((d) => [d.id, d]));

const observationType: ResourceType<Observation> = {
  type: 'Observation',
  patientData: true,
  includes: ['Observation:patient', 'Observation:subject'],
  params: [
    ...commonParams(),
    {
      name: 'patient',
      type: 'reference',
      description: 'The patient (`Patient/id` or a bare id)',
      values: (o) => refs(o.subject),
    },
    { name: 'subject', type: 'reference', description: 'The patient', values: (o) => refs(o.subject) },
    {
      name: 'code',
      type: 'token',
      description: 'What was observed: LOINC (`http://loinc.org|8867-4`) or a local code',
      values: (o) => tokensOf(o.code),
    },
    {
      name: 'category',
      type: 'token',
      description: '`vital-signs` or `survey`',
      values: (o) => (o.category ?? []).flatMap(tokensOf),
    },
    {
      name: 'date',
      type: 'date',
      description: 'When it was observed',
      values: (o) => dates(o.effectiveDateTime),
    },
    { name: 'status', type: 'token', description: 'The status', values: (o) => [{ code: o.status }] },
    {
      name: 'encounter',
      type: 'reference',
      description: 'The dosing session',
      values: (o) => refs(o.encounter),
    },
    {
      name: 'derived-from',
      type: 'reference',
      description: 'The questionnaire response a total comes from',
      values: (o) => refs(o.derivedFrom),
    },
  ],
  inScope: async (db, scope) => {
    const patients = await currentPatients(db, scope);
    const measures = patients.flatMap((p) =>
      [patientBodyWeight(p), patientBodyHeight(p)].filter((o): o is Observation => o !== null),
    );
    const vitals = (await vitalsInScope(db, scope)).flatMap(vitalsObservations);
    const chartVitals = (await patientVitalsInScope(db, scope)).flatMap((r) =>
      vitalSignObservations(vitalsFromChart(r)),
    );
    const defs = await definitions(db);
    const totals = (await responsesInScope(db, scope)).flatMap((r) => {
      const def = defs.get(r.instrument_id);
      const total = def ? questionnaireTotal(r, def) : null;
      return total ? [total] : [];
    });
    return [...measures, ...vitals, ...chartVitals, ...totals];
  },
  byId: async (db, id) => {
    const measure = /^([0-9a-f-]{36})-body-(weight|height)$/.exec(id);
    if (measure?.[1]) {
      const record = await findPatient(db, measure[1]);
      const resource =
        record && (measure[2] === 'weight' ? patientBodyWeight(record) : patientBodyHeight(record));
      return record && resource
        ? { resource, owner: { patientId: record.id, serviceIds: [record.serviceId] } }
        : undefined;
    }
    const total = /^([0-9a-f-]{36})-total$/.exec(id);
    if (total?.[1]) {
      const row = await findResponse(db, total[1]);
      const def = row && (await definitions(db)).get(row.instrument_id);
      const resource = row && def ? questionnaireTotal(row, def) : null;
      return row && resource
        ? { resource, owner: { patientId: row.patient_id, serviceIds: [row.service_id] } }
        : undefined;
    }
    const vital = /^(.+)-(bp|hr|spo2|rr)$/.exec(id);
    if (!vital?.[1]) return undefined;
    if (UUID.test(vital[1])) {
      const chart = await findPatientVitals(db, vital[1]);
      const resource = chart && vitalSignObservations(vitalsFromChart(chart)).find((o) => o.id === id);
      return chart && resource
        ? { resource, owner: { patientId: chart.patient_id, serviceIds: [chart.service_id] } }
        : undefined;
    }
    const row = await findVitals(db, vital[1]);
    const resource = row && vitalsObservations(row).find((o) => o.id === id);
    return row && resource
      ? { resource, owner: { patientId: row.patient_id, serviceIds: [row.service_id] } }
      : undefined;
  },
};

const questionnaireResponseType: ResourceType<ReturnType<typeof toFhirQuestionnaireResponse>> = {
  type: 'QuestionnaireResponse',
  patientData: true,
  includes: ['QuestionnaireResponse:patient', 'QuestionnaireResponse:subject'],
  params: [
    ...commonParams(),
    ...subjectParams<QuestionnaireResponse>((q) => q.subject),
    {
      name: 'questionnaire',
      type: 'reference',
      description: 'The questionnaire (canonical URL, with or without `|version`)',
      values: (q) => (q.questionnaire ? [q.questionnaire, q.questionnaire.split('|')[0] ?? ''] : []),
    },
    {
      name: 'authored',
      type: 'date',
      description: 'When it was completed',
      values: (q) => dates(q.authored),
    },
    { name: 'status', type: 'token', description: 'The status', values: (q) => [{ code: q.status }] },
    { name: 'author', type: 'reference', description: 'Who completed it', values: (q) => refs(q.author) },
  ],
  inScope: async (db, scope) => {
    const defs = await definitions(db);
    return (await responsesInScope(db, scope)).flatMap((r) => {
      const def = defs.get(r.instrument_id);
      return def ? [toFhirQuestionnaireResponse(r, def)] : [];
    });
  },
  byId: async (db, id) => {
    const row = await findResponse(db, id);
    const def = row && (await definitions(db)).get(row.instrument_id);
    return row && def
      ? {
          resource: toFhirQuestionnaireResponse(row, def),
          owner: { patientId: row.patient_id, serviceIds: [row.service_id] },
        }
      : undefined;
  },
};

const organizationType: ResourceType<ReturnType<typeof toFhirOrganization>> = {
  type: 'Organization',
  patientData: false,
  includes: [],
  params: [
    ...commonParams(),
    identifierParam('The service id'),
    {
      name: 'name',
      type: 'string',
      description: 'The service name',
      values: (o) => (o.name ? [o.name] : []),
    },
    activeParam('service'),
  ],
  inScope: async (db, scope) =>
    (await listServices(db)).filter((s) => scope.serviceIds.includes(s.id)).map(toFhirOrganization),
  byId: async (db, id) => {
    const service = /^[0-9a-f-]{36}$/.test(id) ? await findService(db, id) : undefined;
    return service && { resource: toFhirOrganization(service), owner: { serviceIds: [service.id] } };
  },
};

const practitionerType: ResourceType<ReturnType<typeof toFhirPractitioner>> = {
  type: 'Practitioner',
  patientData: false,
  includes: [],
  params: [
    ...commonParams(),
    identifierParam('The user id or a credential number', (p) =>
      (p.qualification ?? []).flatMap((q) => identifiers(q.identifier)),
    ),
    {
      name: 'name',
      type: 'string',
      description: 'The name (case and accents ignored)',
      values: (p) => (p.name ?? []).flatMap((n) => (n.text ? [n.text] : [])),
    },
    activeParam('account'),
  ],
  inScope: async (db, scope) =>
    (await staffInServices(db, scope.serviceIds)).map((s) => toFhirPractitioner(s.user, s.credentials)),
  byId: async (db, id) => {
    const user = /^[0-9a-f-]{36}$/.test(id) ? await findStaff(db, id) : undefined;
    if (!user) return undefined;
    // Staff are seen by those who share a service with them.
    const resource = toFhirPractitioner(user, await listCredentials(db, id));
    return { resource, owner: { serviceIds: user.service_ids } };
  },
};

/** Every type served, by name. */
export const RESOURCE_TYPES: ReadonlyMap<string, ResourceType> = new Map(
  [
    ...[patientType, observationType, questionnaireResponseType, organizationType, practitionerType].map(
      (t) => t as unknown as ResourceType,
    ),
    ...RECORD_TYPES,
    ...HARM_TYPES,
    ...TREATMENT_TYPES,
  ].map((t) => [t.type, t]),
);
