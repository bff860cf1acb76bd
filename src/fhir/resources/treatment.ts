// The FHIR types served for the treatment pathway: dosing sessions (Encounter), doses (MedicationRequest, MedicationAdministration, Medication), consents (Consent, DocumentReference, Binary).
import { medicationAdministration, medicationRequest } from '../map/dose.ts';
import { medicationSourceOf, sessionDoseOf } from '../map/dose-source.ts';
import { consentBinary, consentDocumentReference, toFhirConsent } from '../map/consent.ts';
import { dosingEncounter, therapyEncounter } from '../map/encounter.ts';
import { productMedication, sessionMedication } from '../map/medication.ts';
import type {
  Binary,
  Consent,
  DocumentReference,
  Encounter,
  Medication,
  MedicationAdministration,
  MedicationRequest,
} from '../map/treatment-types.ts';
import {
  commonParams,
  dates,
  ownerOf,
  refs,
  tokensOf,
  subjectParams,
  type ResourceType,
} from '../resource-kit.ts';
import type { DateRange } from '../search/dates.ts';
import type { SearchParam } from '../search/params.ts';
import type { FhirResource, Period, Reference } from '../types.ts';
import type { Queryable } from '../../store/db.ts';
import { signedConsentPdf } from '../../api/routes/consents.ts';
import { findConsent } from '../../store/consents.ts';
import { receivedBinaries, receivedBinary, receivedDocument, receivedDocuments } from './documents.ts';
import {
  consentsInScope,
  findConsentRecord,
  type ConsentRecord,
  dosingSessionsInScope,
  findDosingSession,
  findProductInServices,
  findSessionDose,
  findTherapySession,
  productsInScope,
  sessionDosesInScope,
  therapySessionsInScope,
  type SessionDoseRow,
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
    ...subjectParams<Encounter>((e) => e.subject),
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

/** The session a derived resource (`<sessionId>-<suffix>`) comes from, with its owner. */
async function sessionOf(db: Queryable, id: string, suffix: string): Promise<SessionDoseRow | undefined> {
  const m = new RegExp(`^([0-9a-f-]{36})-${suffix}$`).exec(id);
  return m?.[1] ? findSessionDose(db, m[1]) : undefined;
}

const patientParams = <R extends FhirResource & { subject?: Reference }>(): SearchParam<R>[] => [
  ...subjectParams<R>((r) => r.subject),
];

const medicationRequestType: ResourceType<MedicationRequest> = {
  type: 'MedicationRequest',
  patientData: true,
  includes: ['MedicationRequest:medication', 'MedicationRequest:patient', 'MedicationRequest:subject'],
  params: [
    ...commonParams(),
    ...patientParams<MedicationRequest>(),
    {
      name: 'encounter',
      type: 'reference',
      description: 'The dosing session',
      values: (r) => refs(r.encounter),
    },
    { name: 'intent', type: 'token', description: '`order`', values: (r) => [{ code: r.intent }] },
    {
      name: 'status',
      type: 'token',
      description: '`active`, or `completed` once the session is discharged',
      values: (r) => [{ code: r.status }],
    },
    {
      name: 'authoredon',
      type: 'date',
      description: 'When the session (and its dose) was started',
      values: (r) => dates(r.authoredOn),
    },
    {
      name: 'medication',
      type: 'reference',
      description: 'The session’s medication',
      values: (r) => refs(r.medicationReference),
    },
    {
      name: 'requester',
      type: 'reference',
      description: 'Who started the session with this dose',
      values: (r) => refs(r.requester),
    },
  ],
  inScope: async (db, scope) =>
    (await sessionDosesInScope(db, scope)).map((row) => medicationRequest(sessionDoseOf(row))),
  byId: async (db, id) => {
    const row = await sessionOf(db, id, 'request');
    return row && { resource: medicationRequest(sessionDoseOf(row)), owner: ownerOf(row) };
  },
};

const medicationAdministrationType: ResourceType<MedicationAdministration> = {
  type: 'MedicationAdministration',
  patientData: true,
  includes: [
    'MedicationAdministration:medication',
    'MedicationAdministration:patient',
    'MedicationAdministration:subject',
  ],
  params: [
    ...commonParams(),
    ...patientParams<MedicationAdministration>(),
    {
      name: 'context',
      type: 'reference',
      description: 'The dosing session',
      values: (r) => refs(r.context),
    },
    {
      name: 'effective-time',
      type: 'date',
      description: 'When it was given (start to stop)',
      values: (r) => periodRange(r.effectivePeriod),
    },
    {
      name: 'medication',
      type: 'reference',
      description: 'The session’s medication',
      values: (r) => refs(r.medicationReference),
    },
    {
      name: 'status',
      type: 'token',
      description: '`in-progress`, or `completed` once stopped',
      values: (r) => [{ code: r.status }],
    },
    {
      name: 'performer',
      type: 'reference',
      description: 'Who started or stopped it',
      values: (r) => refs((r.performer ?? []).map((p) => p.actor)),
    },
    {
      name: 'request',
      type: 'reference',
      description: 'The session’s dose order',
      values: (r) => refs(r.request),
    },
  ],
  inScope: async (db, scope) =>
    (await sessionDosesInScope(db, scope)).flatMap(
      (row) => medicationAdministration(sessionDoseOf(row)) ?? [],
    ),
  byId: async (db, id) => {
    const row = await sessionOf(db, id, 'administration');
    const resource = row && medicationAdministration(sessionDoseOf(row));
    return row && resource ? { resource, owner: ownerOf(row) } : undefined;
  },
};

const medicationType: ResourceType<Medication> = {
  type: 'Medication',
  patientData: false,
  includes: [],
  params: [
    ...commonParams(),
    {
      name: 'code',
      type: 'token',
      description: 'dm+d (`http://snomed.info/sct|…`) or NDC (`http://hl7.org/fhir/sid/ndc|…`)',
      values: (m) => tokensOf(m.code),
    },
    {
      name: 'form',
      type: 'token',
      description: 'The form, as text on the register product (e.g. `solution for injection`)',
      values: (m) => (m.form?.text ? [{ code: m.form.text }] : []),
    },
    {
      name: 'lot-number',
      type: 'token',
      description: 'The lot given in a session',
      values: (m) => (m.batch?.lotNumber ? [{ code: m.batch.lotNumber }] : []),
    },
    {
      name: 'expiration-date',
      type: 'date',
      description: 'The expiry of the lot given in a session',
      values: (m) => dates(m.batch?.expirationDate),
    },
  ],
  inScope: async (db, scope) => [
    ...(await productsInScope(db, scope)).map(productMedication),
    ...(await sessionDosesInScope(db, scope)).map((row) => sessionMedication(medicationSourceOf(row))),
  ],
  byId: async (db, id) => {
    const row = await sessionOf(db, id, 'medication');
    if (row)
      return {
        resource: sessionMedication(medicationSourceOf(row)),
        owner: { serviceIds: [row.service_id] },
      };
    const product = await findProductInServices(db, id);
    return product && { resource: productMedication(product), owner: { serviceIds: product.service_ids } };
  },
};

/** A consent named by a derived id (`<consentId>-<suffix>`), with its owner. */
async function consentOf(db: Queryable, id: string, suffix: string): Promise<ConsentRecord | undefined> {
  const m = new RegExp(`^([0-9a-f-]{36})-${suffix}$`).exec(id);
  return m?.[1] ? findConsentRecord(db, m[1]) : undefined;
}
const consentOwner = (c: ConsentRecord) => ({ patientId: c.patient_id, serviceIds: [c.service_id] });

const consentType: ResourceType<Consent> = {
  type: 'Consent',
  patientData: true,
  includes: [],
  params: [
    ...commonParams(),
    { name: 'patient', type: 'reference', description: 'The patient', values: (c) => refs(c.patient) },
    {
      name: 'status',
      type: 'token',
      description: '`active`, or `inactive` once withdrawn',
      values: (c) => [{ code: c.status }],
    },
    {
      name: 'category',
      type: 'token',
      description: 'LOINC 59284-0 (Patient Consent), or the type a received document was sent with',
      values: (c) => c.category.flatMap(tokensOf),
    },
    {
      name: 'scope',
      type: 'token',
      description: '`treatment` (THO consentscope)',
      values: (c) => tokensOf(c.scope),
    },
    { name: 'date', type: 'date', description: 'When it was signed', values: (c) => dates(c.dateTime) },
    {
      name: 'source-reference',
      type: 'reference',
      description: 'The DocumentReference to the signed copy',
      values: (c) => refs(c.sourceReference),
    },
  ],
  inScope: async (db, scope) => (await consentsInScope(db, scope)).map(toFhirConsent),
  byId: async (db, id) => {
    const c = await findConsentRecord(db, id);
    return c && { resource: toFhirConsent(c), owner: consentOwner(c) };
  },
};

const documentReferenceType: ResourceType<DocumentReference> = {
  type: 'DocumentReference',
  patientData: true,
  includes: ['DocumentReference:patient', 'DocumentReference:subject'],
  params: [
    ...commonParams(),
    ...subjectParams<DocumentReference>((d) => d.subject),
    {
      name: 'type',
      type: 'token',
      description: 'LOINC 59284-0 (Patient Consent), or the type a received document was sent with',
      values: (d) => tokensOf(d.type),
    },
    {
      name: 'date',
      type: 'date',
      description: 'When the consent was signed, or the document received',
      values: (d) => dates(d.date),
    },
    { name: 'status', type: 'token', description: '`current`', values: (d) => [{ code: d.status }] },
    {
      name: 'related',
      type: 'reference',
      description: 'The Consent the document records',
      values: (d) => refs(d.context?.related),
    },
    {
      name: 'contenttype',
      type: 'token',
      description: 'The attachment’s MIME type (`application/pdf`, `image/png`, `image/jpeg`, `text/plain`)',
      values: (d) =>
        d.content.flatMap((c) => (c.attachment.contentType ? [{ code: c.attachment.contentType }] : [])),
    },
  ],
  inScope: async (db, scope) => [
    ...(await consentsInScope(db, scope)).map(consentDocumentReference),
    ...(await receivedDocuments(db, scope)),
  ],
  byId: async (db, id) => {
    const c = await consentOf(db, id, 'document');
    return c ? { resource: consentDocumentReference(c), owner: consentOwner(c) } : receivedDocument(db, id);
  },
};

/** The signed consent's PDF copy, rendered as the native API renders it (`GET /api/v1/consents/:id/pdf`). */
async function signedConsentPdfOf(db: Queryable, id: string): Promise<Buffer | undefined> {
  const consent = await findConsent(db, id);
  return consent && signedConsentPdf(db, consent);
}

async function binaryOf(db: Queryable, c: ConsentRecord): Promise<Binary | undefined> {
  const pdf = await signedConsentPdfOf(db, c.id);
  return pdf && consentBinary(c, pdf);
}

const binaryType: ResourceType<Binary> = {
  type: 'Binary',
  patientData: true,
  // Attachments travel as URLs in an export (Bulk Data: binary content as DocumentReference, never raw Binary).
  inBulk: false,
  includes: [],
  params: commonParams(),
  inScope: async (db, scope) => {
    const binaries = await Promise.all((await consentsInScope(db, scope)).map((c) => binaryOf(db, c)));
    return [...binaries.filter((b): b is Binary => b !== undefined), ...(await receivedBinaries(db, scope))];
  },
  byId: async (db, id) => {
    const c = await consentOf(db, id, 'pdf');
    if (!c) return receivedBinary(db, id);
    const resource = await binaryOf(db, c);
    return resource ? { resource, owner: consentOwner(c) } : undefined;
  },
};

export const TREATMENT_TYPES: readonly ResourceType[] = [
  encounterType,
  medicationRequestType,
  medicationAdministrationType,
  medicationType,
  consentType,
  documentReferenceType,
  binaryType,
].map((t) => t as unknown as ResourceType);
