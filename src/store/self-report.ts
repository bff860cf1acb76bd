// Patient self-report links: a hashed single-use token naming the questionnaires, and its one use.
import { insertReturningId, type Queryable } from './db.ts';

export interface SelfReportLinkRow {
  id: string;
  patient_id: string;
  service_id: string;
  instrument_ids: string[];
  expires_at: Date;
  used_at: Date | null;
}

/** The link whose token hashes to `tokenHash`, with its patient's service and when it was used (if it was). */
export async function findLinkByTokenHash(
  db: Queryable,
  tokenHash: string,
): Promise<SelfReportLinkRow | undefined> {
  const rows = await db.query<SelfReportLinkRow>(
    `SELECT l.id, l.patient_id, p.service_id, l.instrument_ids, l.expires_at, u.used_at
     FROM self_report_links l JOIN patients p ON p.id = l.patient_id LEFT JOIN self_report_uses u ON u.link_id = l.id
     WHERE l.token_hash = $1`,
    [tokenHash],
  );
  return rows[0];
}

export function insertSelfReportLink(
  tx: Queryable,
  l: {
    tokenHash: string;
    patientId: string;
    instrumentIds: string[];
    by: string;
    at: Date;
    expiresAt: Date;
  },
): Promise<string> {
  return insertReturningId(
    tx,
    `INSERT INTO self_report_links (token_hash, patient_id, instrument_ids, created_by, created_at, expires_at)
     VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
    [l.tokenHash, l.patientId, l.instrumentIds, l.by, l.at, l.expiresAt],
  );
}

/** Marks the link used; false when it already was (the primary key decides, even between two racing submissions). */
export async function markLinkUsed(tx: Queryable, linkId: string, at: Date): Promise<boolean> {
  const used = await tx.query(
    'INSERT INTO self_report_uses (link_id, used_at) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING link_id',
    [linkId, at],
  );
  return used.length > 0;
}
