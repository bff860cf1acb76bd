// The audit log: append-only, hash-chained entries of who did what to which record, and its verification.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson, type Json } from '../domain/audit/canonical-json.ts';
import type { Database, Queryable } from './db.ts';

/** Held by the one sealer at work (store/audit.ts `sealAuditChain`). */
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

/** An audit_log row as stored. */
export interface AuditRow {
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

/**
 * Appends one entry inside the caller's transaction, without a lock: it commits or rolls back with the change it
 * records. The entry is pending until the sealer (`sealAuditChain`) gives it its place and hash in the chain.
 * Returns its entry id (append order).
 */
export async function appendAudit(tx: Queryable, event: AuditEvent, now: Date = new Date()): Promise<number> {
  // Whole milliseconds, so the timestamp reads back exactly as it will be hashed.
  const at = new Date(Math.floor(now.getTime()));
  const [row] = await tx.query<{ entry_id: number }>(
    `INSERT INTO audit_log (at, actor_id, action, resource_type, resource_id, patient_id, outcome, ip,
       request_id, flagged, details)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING entry_id`,
    [
      at,
      event.actorId,
      event.action,
      event.resourceType,
      event.resourceId ?? null,
      event.patientId ?? null,
      event.outcome,
      event.ip ?? null,
      event.requestId ?? null,
      event.flagged ?? false,
      JSON.stringify(event.details ?? {}),
    ],
  );
  if (!row) throw new Error('audit entry not written');
  return row.entry_id;
}

/** A stored entry before sealing: its chain fields are empty. */
type PendingRow = Omit<AuditRow, 'seq' | 'prev_hash' | 'hash'> & { entry_id: number };

export interface SealResult {
  /** Entries sealed by this call. */
  sealed: number;
  /** False when another sealer held the chain (nothing was done; it will seal them). */
  ran: boolean;
}

/**
 * Seals committed pending entries into the chain, oldest entry id first, in transactions of at most `batchSize`:
 * each gets the next gapless `seq`, the head's hash as `prev_hash`, and its own hash. One sealer at a time across
 * every app server (a transaction-level advisory lock, tried, never waited for). Entries still being written by
 * open transactions are invisible here and are sealed by a later call.
 */
export async function sealAuditChain(db: Database, batchSize = 2000): Promise<SealResult> {
  const [any] = await db.query('SELECT 1 FROM audit_log WHERE seq IS NULL LIMIT 1');
  if (!any) return { sealed: 0, ran: true };
  let sealed = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const [lock] = await tx.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS ok', [
        CHAIN_LOCK_KEY,
      ]);
      if (!lock?.ok) return -1;
      const pending = await tx.query<PendingRow>(
        `SELECT entry_id, at, actor_id, action, resource_type, resource_id, patient_id, outcome, ip, request_id,
                flagged, details
           FROM audit_log WHERE seq IS NULL ORDER BY entry_id LIMIT $1`,
        [batchSize],
      );
      if (pending.length === 0) return 0;
      const [head] = await tx.query<{ seq: number; hash: string }>(
        'SELECT seq, hash FROM audit_log WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1',
      );
      let seq = head?.seq ?? 0;
      let prevHash = head?.hash ?? GENESIS_HASH;
      const ids: number[] = [];
      const seqs: number[] = [];
      const prevs: string[] = [];
      const hashes: string[] = [];
      for (const { entry_id, ...entry } of pending) {
        seq += 1;
        const hash = hashOf({ ...entry, seq, prev_hash: prevHash });
        ids.push(entry_id);
        seqs.push(seq);
        prevs.push(prevHash);
        hashes.push(hash);
        prevHash = hash;
      }
      await tx.query(
        `UPDATE audit_log a SET seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
           FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS v(entry_id, seq, prev_hash, hash)
          WHERE a.entry_id = v.entry_id AND a.seq IS NULL`,
        [ids, seqs, prevs, hashes],
      );
      return pending.length;
    });
    if (n < 0) return { sealed, ran: false };
    sealed += n;
    if (n < batchSize) return { sealed, ran: true };
  }
}

/** A hash chain's check (the audit log's here, the controlled-drug register's in ledger-verify.ts). */
export interface HashChainVerification {
  intact: boolean;
  /** Entries verified. */
  rows: number;
  headHash: string;
  /** The first entry that does not verify, with why. */
  brokenAt?: { seq: number; problem: 'hash-mismatch' | 'prev-hash-mismatch' | 'gap' };
}

/** The audit chain's check: `rows` counts sealed entries; `pending` those written and not yet sealed. */
export interface ChainVerification extends HashChainVerification {
  pending: number;
}

/**
 * Recomputes every sealed entry's hash in order and checks each links to the one before, with no gaps in `seq`;
 * counts the entries still pending.
 */
export async function verifyAuditChain(db: Queryable, batchSize = 5000): Promise<ChainVerification> {
  const [count] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE seq IS NULL');
  const pending = count?.n ?? 0;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let rows = 0;
  const broken = (
    seq: number,
    problem: 'hash-mismatch' | 'prev-hash-mismatch' | 'gap',
  ): ChainVerification => ({
    intact: false,
    rows,
    headHash: prevHash,
    pending,
    brokenAt: { seq, problem },
  });
  for (;;) {
    const batch = await db.query<AuditRow>(
      `SELECT seq, at, actor_id, action, resource_type, resource_id, patient_id, outcome, ip, request_id, flagged,
              details, prev_hash, hash
         FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2`,
      [expectedSeq, batchSize],
    );
    for (const row of batch) {
      if (row.seq !== expectedSeq) return broken(expectedSeq, 'gap');
      if (row.prev_hash !== prevHash) return broken(row.seq, 'prev-hash-mismatch');
      const { hash, ...rest } = row;
      if (hashOf(rest) !== hash) return broken(row.seq, 'hash-mismatch');
      prevHash = hash;
      expectedSeq += 1;
      rows += 1;
    }
    if (batch.length < batchSize) break;
  }
  return { intact: true, rows, headHash: prevHash, pending };
}

// ── Anchors: a chain head signed with the anchor key, kept outside the database ──────────────────────────────

/** Signs a chain head: `label` separates the audit log (none, for existing anchors) from other chains. */
export function signAnchor(key: string, rows: number, headHash: string, label?: 'cd-ledger'): string {
  const text = `${label ? `${label}:` : ''}${rows}:${headHash}`;
  return createHmac('sha256', key).update(text).digest('hex');
}

/** An anchor as printed for the operator to keep: `ROWS:HEAD:SIGNATURE`. */
export function auditAnchorText(key: string, rows: number, headHash: string): string {
  return `${rows}:${headHash}:${signAnchor(key, rows, headHash)}`;
}

export type AnchorCheck =
  | { ok: true; rows: number }
  | { ok: false; problem: 'malformed' | 'signature' | 'not-in-chain'; detail: string };

/** Checks an earlier audit anchor: signed with this key, and its head is still entry ROWS of the chain. */
export async function checkAuditAnchor(db: Queryable, key: string, anchor: string): Promise<AnchorCheck> {
  const m = /^(\d+):([0-9a-f]{64}):([0-9a-f]{64})$/.exec(anchor.trim());
  const [, rowsText, head, signature] = m ?? [];
  if (!rowsText || !head || !signature) {
    return { ok: false, problem: 'malformed', detail: 'expected ROWS:HEAD:SIGNATURE' };
  }
  const rows = Number(rowsText);
  const expected = Buffer.from(signAnchor(key, rows, head), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) {
    return {
      ok: false,
      problem: 'signature',
      detail: 'the signature does not verify with this anchor key (another key signed it, or it was altered)',
    };
  }
  const [entry] = await db.query<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = $1', [rows]);
  const actual = rows === 0 ? GENESIS_HASH : entry?.hash;
  if (actual !== head) {
    return {
      ok: false,
      problem: 'not-in-chain',
      detail:
        entry || rows === 0 ? `entry ${rows} now has another hash` : `the audit log has no entry ${rows}`,
    };
  }
  return { ok: true, rows };
}

/** A key's fingerprint, stored in the database to recognise the key again; the key cannot be recovered from it. */
export function anchorKeyFingerprint(key: string): string {
  return createHmac('sha256', key).update('kaspr audit anchor key fingerprint').digest('hex');
}

export interface AnchorKeyStatus {
  /** This key signed anchors for this database before (it was recorded at a start). */
  known: boolean;
  /** When it was first used and how many audit entries existed then. */
  firstUsed?: { at: Date; auditEntries: number };
  /** Other keys recorded for this database. */
  otherKeys: number;
  auditEntries: number;
}

async function hasAnchorKeyTable(db: Queryable): Promise<boolean> {
  const [t] = await db.query<{ t: string | null }>(
    `SELECT to_regclass('public.audit_anchor_keys')::text AS t`,
  );
  return Boolean(t?.t);
}

/** What the database knows of this anchor key (nothing is written). */
export async function anchorKeyStatus(db: Queryable, key: string): Promise<AnchorKeyStatus> {
  const [count] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
  const auditEntries = count?.n ?? 0;
  if (!(await hasAnchorKeyTable(db))) return { known: false, otherKeys: 0, auditEntries };
  const fingerprint = anchorKeyFingerprint(key);
  const rows = await db.query<{ fingerprint: string; first_used_at: Date; audit_entries_then: number }>(
    'SELECT fingerprint, first_used_at, audit_entries_then FROM audit_anchor_keys',
  );
  const mine = rows.find((r) => r.fingerprint === fingerprint);
  return {
    known: Boolean(mine),
    ...(mine ? { firstUsed: { at: mine.first_used_at, auditEntries: mine.audit_entries_then } } : {}),
    otherKeys: rows.length - (mine ? 1 : 0),
    auditEntries,
  };
}

/** Records the key in force at a start (once); returns the status as it was before. */
export async function recordAnchorKey(db: Queryable, key: string, now: Date): Promise<AnchorKeyStatus> {
  const before = await anchorKeyStatus(db, key);
  if (!before.known && (await hasAnchorKeyTable(db))) {
    await db.query(
      `INSERT INTO audit_anchor_keys (fingerprint, first_used_at, audit_entries_then) VALUES ($1, $2, $3)
       ON CONFLICT (fingerprint) DO NOTHING`,
      [anchorKeyFingerprint(key), now, before.auditEntries],
    );
  }
  return before;
}

/**
 * The warning to give when anchors made before would not verify with this key: the key is new to a database
 * whose audit log is not empty (another key is recorded, or the key was generated just now), or it was first
 * used after other keys, when entries already existed. Null when there is nothing to warn about.
 */
export function anchorKeyWarning(status: AnchorKeyStatus, generatedNow: boolean): string | null {
  if (status.auditEntries === 0) return null;
  const advice =
    'anchors made before with another key will not verify with this one. On PostgreSQL give every app server ' +
    'the same KASPR_AUDIT_ANCHOR_KEY; on the embedded engine keep secrets.json with the data folder ' +
    '(`kaspr backup` carries it).';
  if (!status.known && (status.otherKeys > 0 || generatedNow)) {
    return `The audit anchor key is new to this database, whose audit log holds ${status.auditEntries} entries: ${advice}`;
  }
  if (status.known && status.firstUsed && status.firstUsed.auditEntries > 0 && status.otherKeys > 0) {
    return (
      `The audit anchor key was first used with this database on ${status.firstUsed.at.toISOString()}, when the ` +
      `audit log already held ${status.firstUsed.auditEntries} entries: ${advice}`
    );
  }
  return null;
}
