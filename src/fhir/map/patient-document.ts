// A document received for a patient as FHIR R4: the DocumentReference (its content by URL, with size and SHA-1) and
// the Binary that holds the content, read with the patient's access.
import type { PatientDocumentRow } from '../../store/patient-documents.ts';
import { instant, meta, prune, ref } from './common.ts';
import type { Binary, DocumentReference } from './treatment-types.ts';

export function toFhirDocumentReference(d: PatientDocumentRow): DocumentReference {
  const coding = prune({
    system: d.type_system ?? undefined,
    code: d.type_code ?? undefined,
    display: d.type_display ?? undefined,
  });
  return prune<DocumentReference>({
    resourceType: 'DocumentReference',
    id: d.id,
    meta: meta(1, d.recorded_at),
    status: 'current',
    type: Object.keys(coding).length > 0 ? { coding: [coding], text: d.title } : { text: d.title },
    subject: ref('Patient', d.patient_id),
    date: instant(d.recorded_at),
    custodian: ref('Organization', d.service_id),
    description: d.title,
    content: [
      {
        attachment: prune({
          contentType: d.content_type,
          url: `Binary/${d.id}`,
          size: d.size,
          hash: d.sha1,
          title: d.title,
          creation: d.document_date ? instant(d.document_date) : undefined,
        }),
      },
    ],
  });
}

export function patientDocumentBinary(d: PatientDocumentRow, content: Buffer): Binary {
  return {
    resourceType: 'Binary',
    id: d.id,
    meta: meta(1, d.recorded_at),
    contentType: d.content_type,
    securityContext: ref('DocumentReference', d.id),
    data: content.toString('base64'),
  };
}
