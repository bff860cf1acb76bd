// The audit log: append-only, hash-chained entries of who did what to which record, and its verification.
import { createHash } from 'node:crypto';
import { canonicalJson, type Json } from '../domain/audit/canonical-json.ts';
import type { Queryable } from './db.ts';

const CHAIN_LOCK_KEY = 727_002;
export const GENESIS_HASH = '0'.repeat(64);

export type AuditOutcome = 'success' | 'denied' | 'not-found' | 'failed';

/** What happened, as the caller knows it; the chain fields are added on append. */
export interface AuditEvent {
  actorId: string | null;
  action: string;
  resourceType: string;
  resourceId?: string | null;
  patientId?: string | null;
  outcome: AuditOutcome;
  ip?: string | null;
  requestId?: string | null;
  flagged?: boolean;
  details?: { [key: string]: Json };
}

interface AuditRow {
  seq: number;
  at: Date;
  actor_id: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  patient_id: string | null;
  outcome: string;
  ip: string | null;
  request_id: string | null;
  flagged: boolean;
  details: { [key: string]: Json };
  prev_hash: string;
  hash: string;
}

function hashOf(row: Omit<AuditRow, 'hash'>): string {
  const body: Json = {
    seq: row.seq,
    at: row.at.toISOString(),
    actorId: row.actor_id,
    action: row.action,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    patientId: row.patient_id,
    outcome: row.outcome,
    ip: row.ip,
    requestId: row.request_id,
    flagged: row.flagged,
    details: row.details,
    prevHash: row.prev_hash,
  };
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

/** Appends one entry inside the caller's transaction; writers are serialised so the chain has no gaps. */
export async function appendAudit(tx: Queryable, event: AuditEvent, now: Date = new Date()): Promise<number> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK_KEY]);
  const [head] = await tx.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
  );
  // Whole milliseconds, so the timestamp reads back exactly as it was hashed.
  const at = new Date(Math.floor(now.getTime()));
  const row: Omit<AuditRow, 'hash'> = {
    seq: (head?.seq ?? 0) + 1,
    at,
    actor_id: event.actorId,
    action: event.action,
    resource_type: event.resourceType,
    resource_id: event.resourceId ?? null,
    patient_id: event.patientId ?? null,
    outcome: event.outcome,
    ip: event.ip ?? null,
    request_id: event.requestId ?? null,
    flagged: event.flagged ?? false,
    details: event.details ?? {},
    prev_hash: head?.hash ?? GENESIS_HASH,
  };
  const hash = hashOf(row);
  await tx.query(
    `INSERT INTO audit_log (seq, at, actor_id, action, resource_type, resource_id, patient_id, outcome, ip,
       request_id, flagged, details, prev_hash, hash)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)`,
    [
      row.seq,
      row.at,
      row.actor_id,
      row.action,
      row.resource_type,
      row.resource_id,
      row.patient_id,
      row.outcome,
      row.ip,
      row.request_id,
      row.flagged,
      JSON.stringify(row.details),
      row.prev_hash,
      hash,
    ],
  );
  return row.seq;
}

export interface ChainVerification {
  intact: boolean;
  rows: number;
  headHash: string;
  /** The first entry that does not verify, with why. */
  brokenAt?: { seq: number; problem: 'hash-mismatch' | 'prev-hash-mismatch' | 'gap' };
}

/** Recomputes every entry's hash in order and checks each links to the one before, with no gaps. */
export async function verifyAuditChain(db: Queryable, batchSize = 5000): Promise<ChainVerification> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let rows = 0;
  for (;;) {
    const batch = await db.query<AuditRow>('SELECT * FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2', [
      expectedSeq,
      batchSize,
    ]);
    for (const row of batch) {
      if (row.seq !== expectedSeq)
        return { intact: false, rows, headHash: prevHash, brokenAt: { seq: expectedSeq, problem: 'gap' } };
      if (row.prev_hash !== prevHash) {
        return {
          intact: false,
          rows,
          headHash: prevHash,
          brokenAt: { seq: row.seq, problem: 'prev-hash-mismatch' },
        };
      }
      const { hash, ...rest } = row;
      if (hashOf(rest) !== hash) {
        return {
          intact: false,
          rows,
          headHash: prevHash,
          brokenAt: { seq: row.seq, problem: 'hash-mismatch' },
        };
      }
      prevHash = hash;
      expectedSeq += 1;
      rows += 1;
    }
    if (batch.length < batchSize) break;
  }
  return { intact: true, rows, headHash: prevHash };
}
