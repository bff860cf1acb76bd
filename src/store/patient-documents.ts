// Documents received for a patient from another system (immutable rows; see migration 025). The content is read
// only when a Binary is asked for; listings carry everything else.
import { firstRow, insertRow, type Queryable } from './db.ts';
import type { Scope } from './fhir-sources.ts';

export interface PatientDocumentRow {
  id: string;
  patient_id: string;
  service_id: string;
  title: string;
  type_system: string | null;
  type_code: string | null;
  type_display: string | null;
  content_type: string;
  size: number;
  sha1: string;
  document_date: Date | null;
  recorded_by: string;
  recorded_at: Date;
}

export interface NewPatientDocument {
  patientId: string;
  title: string;
  type?: { system?: string | undefined; code?: string | undefined; display?: string | undefined } | undefined;
  contentType: string;
  content: Buffer;
  sha1: string;
  documentDate?: Date | undefined;
  source?: { system: string; value: string } | undefined;
  recordedBy: string;
  recordedAt: Date;
}

const COLUMNS = `d.id, d.patient_id, p.service_id, d.title, d.type_system, d.type_code, d.type_display,
  d.content_type, d.size, d.sha1, d.document_date, d.recorded_by, d.recorded_at`;
const FROM = 'FROM patient_documents d JOIN patients p ON p.id = d.patient_id';

export function insertPatientDocument(tx: Queryable, d: NewPatientDocument): Promise<string> {
  return insertRow(tx, 'patient_documents', {
    patient_id: d.patientId,
    title: d.title,
    type_system: d.type?.system ?? null,
    type_code: d.type?.code ?? null,
    type_display: d.type?.display ?? null,
    content_type: d.contentType,
    content: d.content,
    size: d.content.length,
    sha1: d.sha1,
    document_date: d.documentDate ?? null,
    source_system: d.source?.system ?? null,
    source_value: d.source?.value ?? null,
    recorded_by: d.recordedBy,
    recorded_at: d.recordedAt,
  });
}

export function patientDocumentsInScope(db: Queryable, scope: Scope): Promise<PatientDocumentRow[]> {
  return db.query<PatientDocumentRow>(
    `SELECT ${COLUMNS} ${FROM}
     WHERE p.service_id = ANY($1::uuid[]) AND ($2::uuid[] IS NULL OR d.patient_id = ANY($2::uuid[]))
     ORDER BY d.recorded_at, d.id`,
    [scope.serviceIds, scope.patientIds ?? null],
  );
}

export function findPatientDocument(db: Queryable, id: string): Promise<PatientDocumentRow | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id))
    return Promise.resolve(undefined);
  return firstRow<PatientDocumentRow>(db, `SELECT ${COLUMNS} ${FROM} WHERE d.id = $1`, [id]);
}

export async function patientDocumentContent(db: Queryable, id: string): Promise<Buffer | undefined> {
  const row = await firstRow<{ content: Uint8Array }>(
    db,
    'SELECT content FROM patient_documents WHERE id = $1',
    [id],
  );
  return row && Buffer.from(row.content);
}

/** The document the sender's identifier already names for the patient, if any. */
export function findPatientDocumentBySource(
  db: Queryable,
  patientId: string,
  source: { system: string; value: string },
): Promise<PatientDocumentRow | undefined> {
  return firstRow<PatientDocumentRow>(
    db,
    `SELECT ${COLUMNS} ${FROM} WHERE d.patient_id = $1 AND d.source_system = $2 AND d.source_value = $3`,
    [patientId, source.system, source.value],
  );
}
