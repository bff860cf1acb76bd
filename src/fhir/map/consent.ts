// A signed treatment consent as FHIR R4: the Consent, the DocumentReference to its signed PDF copy, and that copy
// as a Binary. The PDF travels by URL (`Binary/<id>`), never inline in the DocumentReference.
import type { ConsentRecord } from '../../store/fhir-treatment.ts';
import { instant, KASPR_BASE, LOINC, meta, prune, ref, THO } from './common.ts';
import type { Binary, Consent, DocumentReference } from './treatment-types.ts';

export const consentDocumentReferenceId = (consentId: string) => `${consentId}-document`;
export const consentBinaryId = (consentId: string) => `${consentId}-pdf`;

/** LOINC 59284-0 Patient Consent (R4 consent-category; ../shared/domain/fhir.md §1.3). */
const PATIENT_CONSENT = {
  coding: [{ system: LOINC, code: '59284-0', display: 'Patient Consent' }],
  text: 'Patient consent',
};

/** The consent document, by id and version, as the policy the patient agreed to. */
export function consentPolicyUri(c: Pick<ConsentRecord, 'document_id' | 'document_version'>): string {
  return `${KASPR_BASE}/consent-documents/${encodeURIComponent(c.document_id)}/${encodeURIComponent(c.document_version)}`;
}

/** The last change to a consent: its withdrawal, or its signing. */
const changedAt = (c: ConsentRecord): Date => c.withdrawn_at ?? c.signed_at;

/** A consent: active until withdrawn, then inactive with the permission ending at the withdrawal. */
export function toFhirConsent(c: ConsentRecord): Consent {
  return prune<Consent>({
    resourceType: 'Consent',
    id: c.id,
    meta: meta(1, changedAt(c)),
    status: c.withdrawn_at ? 'inactive' : 'active',
    scope: { coding: [{ system: `${THO}/consentscope`, code: 'treatment', display: 'Treatment' }] },
    category: [PATIENT_CONSENT],
    patient: ref('Patient', c.patient_id),
    dateTime: instant(c.signed_at),
    performer: [ref('Patient', c.patient_id)],
    organization: [ref('Organization', c.service_id)],
    sourceReference: ref('DocumentReference', consentDocumentReferenceId(c.id)),
    policy: [{ uri: consentPolicyUri(c) }],
    verification: c.witness_user_id
      ? [
          {
            verified: true,
            verifiedWith: ref('Practitioner', c.witness_user_id),
            verificationDate: instant(c.signed_at),
          },
        ]
      : undefined,
    provision: {
      type: 'permit',
      period: prune({
        start: instant(c.signed_at),
        end: c.withdrawn_at ? instant(c.withdrawn_at) : undefined,
      }),
    },
  });
}

/**
 * The signed copy of a consent. No size or hash: the PDF is generated from the signed record on each request (the
 * native API does the same), with its own creation time, so no fixed bytes stand behind a hash.
 */
export function consentDocumentReference(c: ConsentRecord): DocumentReference {
  return {
    resourceType: 'DocumentReference',
    id: consentDocumentReferenceId(c.id),
    meta: meta(1, changedAt(c)),
    status: 'current',
    type: PATIENT_CONSENT,
    subject: ref('Patient', c.patient_id),
    date: instant(c.signed_at),
    author: [ref('Practitioner', c.recorded_by)],
    custodian: ref('Organization', c.service_id),
    content: [
      {
        attachment: {
          contentType: 'application/pdf',
          url: `Binary/${consentBinaryId(c.id)}`,
          title: `Signed consent (${c.document_id} version ${c.document_version})`,
          creation: instant(c.signed_at),
        },
      },
    ],
    context: { related: [ref('Consent', c.id)] },
  };
}

/** The signed PDF copy as a Binary, read with the patient's access (its security context). */
export function consentBinary(c: ConsentRecord, pdf: Uint8Array): Binary {
  return {
    resourceType: 'Binary',
    id: consentBinaryId(c.id),
    meta: meta(1, changedAt(c)),
    contentType: 'application/pdf',
    securityContext: ref('Patient', c.patient_id),
    data: Buffer.from(pdf).toString('base64'),
  };
}
