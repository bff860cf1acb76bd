// Documents received for a patient (src/store/patient-documents.ts) as the DocumentReference and Binary sources
// that sit beside the signed consents in src/fhir/resources/treatment.ts.
import type { Queryable } from '../../store/db.ts';
import type { Scope } from '../../store/fhir-sources.ts';
import {
  findPatientDocument,
  patientDocumentContent,
  patientDocumentsInScope,
  type PatientDocumentRow,
} from '../../store/patient-documents.ts';
import { patientDocumentBinary, toFhirDocumentReference } from '../map/patient-document.ts';
import { ownerOf, type Found } from '../resource-kit.ts';
import type { Binary, DocumentReference } from '../map/treatment-types.ts';

export async function receivedDocuments(db: Queryable, scope: Scope): Promise<DocumentReference[]> {
  return (await patientDocumentsInScope(db, scope)).map(toFhirDocumentReference);
}

export async function receivedDocument(
  db: Queryable,
  id: string,
): Promise<Found<DocumentReference> | undefined> {
  const d = await findPatientDocument(db, id);
  return d && { resource: toFhirDocumentReference(d), owner: ownerOf(d) };
}

async function binaryOf(db: Queryable, d: PatientDocumentRow): Promise<Binary | undefined> {
  const content = await patientDocumentContent(db, d.id);
  return content && patientDocumentBinary(d, content);
}

export async function receivedBinaries(db: Queryable, scope: Scope): Promise<Binary[]> {
  const binaries = await Promise.all((await patientDocumentsInScope(db, scope)).map((d) => binaryOf(db, d)));
  return binaries.filter((b): b is Binary => b !== undefined);
}

export async function receivedBinary(db: Queryable, id: string): Promise<Found<Binary> | undefined> {
  const d = await findPatientDocument(db, id);
  const resource = d && (await binaryOf(db, d));
  return d && resource ? { resource, owner: ownerOf(d) } : undefined;
}
