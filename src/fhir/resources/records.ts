// The FHIR types served for the patient record and its history: allergies (AllergyIntolerance), medications
// (MedicationStatement), staff roles (PractitionerRole), versions (Provenance) and the audit log (AuditEvent).
import { currentPatients, findPatient } from '../../store/patients.ts';
import {
  AUDIT_SEARCH_LIMIT,
  auditEntriesInScope,
  findAuditEntry,
  findRecordVersion,
  findStaffRole,
  recordVersionsInScope,
  staffRolesInServices,
  type VersionRow,
} from '../../store/fhir-records.ts';
import { patientAllergies, patientMedications } from '../map/patient-lists.ts';
import { toFhirAuditEvent } from '../map/audit-event.ts';
import { parsePractitionerRoleId, toFhirPractitionerRole } from '../map/practitioner-role.ts';
import { toFhirProvenance, unversioned } from '../map/provenance.ts';
import type {
  AllergyIntolerance,
  AuditEvent,
  MedicationStatement,
  PractitionerRole,
  Provenance,
} from '../map/records-types.ts';
import {
  activeParam,
  commonParams,
  dates,
  refs,
  tokensOf,
  type Found,
  subjectParams,
  type ResourceType,
} from '../resource-kit.ts';
import type { CodeableConcept } from '../types.ts';
import type { TokenValue } from '../search/params.ts';
import type { PatientRecord } from '../../schemas/patient.ts';
import type { Queryable } from '../../store/db.ts';

/** A coded concept's codings, and its text as a system-less code: KASPR records substances and drugs as text. */
const codeTokens = (c: CodeableConcept | undefined): TokenValue[] => [
  ...tokensOf(c),
  ...(c?.text ? [{ code: c.text }] : []),
];

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** One entry of a patient's list (`<patientId>-<kind>-<n>`), found through the patient's current record. */
async function listEntry<R extends { id: string }>(
  db: Queryable,
  id: string,
  kind: string,
  entries: (record: PatientRecord) => R[],
): Promise<Found<R> | undefined> {
  const match = new RegExp(`^(${UUID})-${kind}-[1-9][0-9]{0,3}$`).exec(id);
  const record = match?.[1] ? await findPatient(db, match[1]) : undefined;
  const resource = record && entries(record).find((r) => r.id === id);
  return record && resource
    ? { resource, owner: { patientId: record.id, serviceIds: [record.serviceId] } }
    : undefined;
}

const allergyType: ResourceType<AllergyIntolerance> = {
  type: 'AllergyIntolerance',
  patientData: true,
  includes: [],
  params: [
    ...commonParams(),
    { name: 'patient', type: 'reference', description: 'The patient', values: (a) => refs(a.patient) },
    {
      name: 'clinical-status',
      type: 'token',
      description: 'The clinical status (`active`)',
      values: (a) => tokensOf(a.clinicalStatus),
    },
    {
      name: 'code',
      type: 'token',
      description: 'The substance: a coding, or the substance exactly as recorded (KASPR records it as text)',
      values: (a) => codeTokens(a.code),
    },
  ],
  inScope: async (db, scope) => (await currentPatients(db, scope)).flatMap(patientAllergies),
  byId: (db, id) => listEntry(db, id, 'allergy', patientAllergies),
};

const medicationStatementType: ResourceType<MedicationStatement> = {
  type: 'MedicationStatement',
  patientData: true,
  includes: ['MedicationStatement:patient', 'MedicationStatement:subject'],
  params: [
    ...commonParams(),
    ...subjectParams<MedicationStatement>((m) => m.subject),
    {
      name: 'status',
      type: 'token',
      description: 'The status (`active`)',
      values: (m) => [{ code: m.status }],
    },
    {
      name: 'code',
      type: 'token',
      description: 'The medication: a coding, or the name exactly as recorded (KASPR records it as text)',
      values: (m) => codeTokens(m.medicationCodeableConcept),
    },
  ],
  inScope: async (db, scope) => (await currentPatients(db, scope)).flatMap(patientMedications),
  byId: (db, id) => listEntry(db, id, 'medication', patientMedications),
};

// R4 Provenance has no patient element: the patient each one is about is kept beside it, for the `patient` search.
const provenancePatients = new WeakMap<Provenance, string>();

function provenanceOf(v: VersionRow): Provenance {
  const resource = toFhirProvenance(v);
  provenancePatients.set(resource, `Patient/${v.patient_id}`);
  return resource;
}

const provenanceType: ResourceType<Provenance> = {
  type: 'Provenance',
  patientData: true,
  includes: [],
  params: [
    ...commonParams(),
    {
      name: 'target',
      type: 'reference',
      description:
        'The record version (`Patient/id/_history/n`, also CarePlan, RiskAssessment, ClinicalImpression) or the record (`Patient/id`)',
      values: (p) => refs(p.target).flatMap((r) => [r, unversioned(r)]),
    },
    {
      name: 'patient',
      type: 'reference',
      description:
        'The patient whose record (or care plan, assessment or formulation) the version belongs to',
      values: (p) => {
        const patient = provenancePatients.get(p);
        return patient ? [patient] : [];
      },
    },
    {
      name: 'recorded',
      type: 'date',
      description: 'When the version was written',
      values: (p) => dates(p.recorded),
    },
    {
      name: 'agent',
      type: 'reference',
      description: 'Who wrote the version',
      values: (p) => refs(...p.agent.map((a) => a.who)),
    },
  ],
  inScope: async (db, scope) => (await recordVersionsInScope(db, scope)).map(provenanceOf),
  byId: async (db, id) => {
    const match = /^(.+)-v([1-9][0-9]{0,8})$/.exec(id);
    if (!match?.[1] || !match[2]) return undefined;
    const row = await findRecordVersion(db, match[1], Number(match[2]));
    return (
      row && {
        resource: provenanceOf(row),
        owner: { patientId: row.patient_id, serviceIds: [row.service_id] },
      }
    );
  },
};

const practitionerRoleType: ResourceType<PractitionerRole> = {
  type: 'PractitionerRole',
  patientData: false,
  includes: [],
  params: [
    ...commonParams(),
    {
      name: 'practitioner',
      type: 'reference',
      description: 'The member of staff (`Practitioner/id`)',
      values: (r) => refs(r.practitioner),
    },
    {
      name: 'organization',
      type: 'reference',
      description: 'The service they work in (`Organization/id`)',
      values: (r) => refs(r.organization),
    },
    {
      name: 'role',
      type: 'token',
      description: 'A KASPR role (`https://kaspr.example/fhir/CodeSystem/role|prescriber`)',
      values: (r) => (r.code ?? []).flatMap(tokensOf),
    },
    activeParam('account'),
  ],
  // One per staff member and service: a role in another service is that service's record.
  inScope: async (db, scope) =>
    (await staffRolesInServices(db, scope.serviceIds)).map(toFhirPractitionerRole),
  byId: async (db, id) => {
    const named = parsePractitionerRoleId(id);
    const row = named && (await findStaffRole(db, named.userId, named.serviceId));
    return row && { resource: toFhirPractitionerRole(row), owner: { serviceIds: [row.service_id] } };
  },
};

/** The entities an AuditEvent names, as references: `Type/id` (KASPR's own record ids under their type name). */
const auditEntities = (e: AuditEvent): string[] =>
  (e.entity ?? []).flatMap((x) => [
    ...refs(x.what),
    ...(x.name && x.what?.identifier?.value ? [`${x.name}/${x.what.identifier.value}`] : []),
  ]);

const LIMIT_NOTE = `Only the newest ${AUDIT_SEARCH_LIMIT} entries in scope are searched; narrow by patient for older ones`;

const auditEventType: ResourceType<AuditEvent> = {
  type: 'AuditEvent',
  // Read with the access to the entry's patient (an entry about no patient: a service of the user who acted).
  patientData: true,
  permission: 'audit:read',
  inBulk: false,
  includes: [],
  params: [
    ...commonParams(),
    {
      name: 'date',
      type: 'date',
      description: `When it happened. ${LIMIT_NOTE}`,
      values: (e) => dates(e.recorded),
    },
    {
      name: 'agent',
      type: 'reference',
      description: 'Who acted (`Practitioner/id`)',
      values: (e) => refs(...e.agent.map((a) => a.who)),
    },
    {
      name: 'entity',
      type: 'reference',
      description:
        'The record acted on (`Type/id`; KASPR records that are not FHIR resources under their KASPR name)',
      values: auditEntities,
    },
    {
      name: 'patient',
      type: 'reference',
      description: 'The patient the entry is about (searched in the whole log, not only the newest entries)',
      values: (e) => auditEntities(e).filter((r) => r.startsWith('Patient/')),
    },
    {
      name: 'action',
      type: 'token',
      description: 'C, R, U, D or E (create, read, update, delete, execute)',
      values: (e) => (e.action ? [{ code: e.action }] : []),
    },
    {
      name: 'type',
      type: 'token',
      description:
        'The event type (`rest`) or KASPR action (`https://kaspr.example/fhir/CodeSystem/audit-action|patient.update`)',
      values: (e) => [e.type, ...(e.subtype ?? [])].map((c) => ({ system: c.system, code: c.code ?? '' })),
    },
    {
      name: 'outcome',
      type: 'token',
      description: '0 success, 4 refused (denied or not found), 8 failed',
      values: (e) => (e.outcome ? [{ code: e.outcome }] : []),
    },
  ],
  inScope: async (db, scope) => (await auditEntriesInScope(db, scope)).map(toFhirAuditEvent),
  byId: async (db, id) => {
    const row = await findAuditEntry(db, id);
    if (!row) return undefined;
    const owner =
      row.patient_id === null
        ? { serviceIds: row.actor_service_ids }
        : {
            patientId: row.patient_service_id ? row.patient_id : undefined,
            serviceIds: row.patient_service_id ? [row.patient_service_id] : [],
          };
    return { resource: toFhirAuditEvent(row), owner };
  },
};

export const RECORD_TYPES: readonly ResourceType[] = [
  allergyType,
  medicationStatementType,
  provenanceType,
  practitionerRoleType,
  auditEventType,
].map((t) => t as unknown as ResourceType);
