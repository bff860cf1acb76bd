// Consents per route and their withdrawals: the signed record, who witnessed and recorded it, and whether it stands.
import type { Route } from '../domain/treatment/protocol-types.ts';
import { firstRow, insertRow, insertValues, type Queryable } from './db.ts';

export interface ConsentRow {
  id: string;
  patient_id: string;
  route: Route;
  document_id: string;
  document_version: string;
  signature: { kind: 'typed' | 'drawn'; name: string; image?: string };
  witness_user_id: string | null;
  witness_name: string | null;
  signed_at: Date;
  recorded_by: string;
  recorded_by_name: string;
  withdrawn_at: Date | null;
  withdrawal_reason: string | null;
}

const SELECT_CONSENT = `
  SELECT c.*, w.display_name AS witness_name, u.display_name AS recorded_by_name, x.withdrawn_at, x.reason AS withdrawal_reason
  FROM consents c JOIN users u ON u.id = c.recorded_by LEFT JOIN users w ON w.id = c.witness_user_id
  LEFT JOIN consent_withdrawals x ON x.consent_id = c.id`;

export async function listConsents(db: Queryable, patientId: string): Promise<ConsentRow[]> {
  return db.query<ConsentRow>(`${SELECT_CONSENT} WHERE c.patient_id = $1 ORDER BY c.signed_at DESC`, [
    patientId,
  ]);
}

export function findConsent(db: Queryable, id: string): Promise<ConsentRow | undefined> {
  return firstRow<ConsentRow>(db, `${SELECT_CONSENT} WHERE c.id = $1`, [id]);
}

/** The newest consent for a route that has not been withdrawn. */
export function activeConsent(
  db: Queryable,
  patientId: string,
  route: string,
): Promise<ConsentRow | undefined> {
  return firstRow<ConsentRow>(
    db,
    `${SELECT_CONSENT} WHERE c.patient_id = $1 AND c.route = $2 AND x.withdrawn_at IS NULL ORDER BY c.signed_at DESC LIMIT 1`,
    [patientId, route],
  );
}

/** Stores a signed consent; returns its id. */
export function insertConsent(
  tx: Queryable,
  c: {
    patientId: string;
    route: string;
    documentId: string;
    documentVersion: string;
    signature: unknown;
    witnessId: string | null;
    signedAt: Date;
    recordedBy: string;
  },
): Promise<string> {
  return insertRow(tx, 'consents', {
    patient_id: c.patientId,
    route: c.route,
    document_id: c.documentId,
    document_version: c.documentVersion,
    signature: JSON.stringify(c.signature),
    witness_user_id: c.witnessId,
    signed_at: c.signedAt,
    recorded_by: c.recordedBy,
  });
}

/** Records the withdrawal of a consent. */
export function insertConsentWithdrawal(
  tx: Queryable,
  w: { consentId: string; at: Date; reason: string; recordedBy: string },
): Promise<void> {
  return insertValues(tx, 'consent_withdrawals', {
    consent_id: w.consentId,
    withdrawn_at: w.at,
    reason: w.reason,
    recorded_by: w.recordedBy,
  });
}

/** A consent as the consent routes answer it: the signature's kind and name (never the drawn image). */
export function consentView(c: ConsentRow) {
  return {
    id: c.id,
    patientId: c.patient_id,
    route: c.route,
    documentId: c.document_id,
    documentVersion: c.document_version,
    signature: { kind: c.signature.kind, name: c.signature.name },
    witness: c.witness_name,
    signedAt: c.signed_at.toISOString(),
    recordedBy: c.recorded_by_name,
    active: c.withdrawn_at === null,
    withdrawn: c.withdrawn_at ? { at: c.withdrawn_at.toISOString(), reason: c.withdrawal_reason } : null,
    pdfPath: `/api/v1/consents/${c.id}/pdf`,
  };
}
