// Idempotency keys of writes: claim a key before the write runs, store its response after, replay it on a retry.
import type { Queryable } from './db.ts';

/** Who sent a key, and to which method and route pattern: a key is unique only within its scope. */
export interface IdempotencyScope {
  userId: string;
  method: string;
  route: string;
  key: string;
}

/** A response kept for replay: status, the few headers a client needs, and the exact body bytes. */
export interface StoredResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** What a claim found: the key is now ours, or an earlier request with it is running or finished. */
export type ClaimOutcome =
  | { kind: 'claimed' }
  | { kind: 'in-progress'; requestHash: string; createdAt: Date }
  | { kind: 'done'; requestHash: string; response: StoredResponse };

interface KeyRow {
  request_hash: string;
  state: 'in-progress' | 'done';
  status_code: number | null;
  response_headers: Record<string, string> | null;
  response_body: Uint8Array | null;
  created_at: Date;
}

const SCOPE = 'user_id = $1 AND method = $2 AND route = $3 AND idempotency_key = $4';
const scopeParams = (s: IdempotencyScope) => [s.userId, s.method, s.route, s.key];

/**
 * Claims a key for a request with `requestHash`, in its own statement (committed before the write runs), or
 * reports the earlier request that holds it. An expired row is removed first, so its key may be used again.
 */
export async function claimIdempotencyKey(
  db: Queryable,
  scope: IdempotencyScope,
  requestHash: string,
  now: Date,
  expiresAt: Date,
): Promise<ClaimOutcome> {
  await db.query(`DELETE FROM idempotency_keys WHERE ${SCOPE} AND expires_at <= $5`, [
    ...scopeParams(scope),
    now,
  ]);
  const inserted = await db.query(
    `INSERT INTO idempotency_keys
       (user_id, method, route, idempotency_key, request_hash, state, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, 'in-progress', $6, $7)
     ON CONFLICT (user_id, method, route, idempotency_key) DO NOTHING
     RETURNING 1 AS claimed`,
    [...scopeParams(scope), requestHash, now, expiresAt],
  );
  if (inserted.length > 0) return { kind: 'claimed' };
  const found = await findIdempotencyKey(db, scope);
  // Removed between the insert and the read (a 5xx released it): the caller may claim again.
  return found ?? claimIdempotencyKey(db, scope, requestHash, now, expiresAt);
}

/** The earlier request holding a key, if any. */
export async function findIdempotencyKey(
  db: Queryable,
  scope: IdempotencyScope,
): Promise<Exclude<ClaimOutcome, { kind: 'claimed' }> | null> {
  const [row] = await db.query<KeyRow>(
    `SELECT request_hash, state, status_code, response_headers, response_body, created_at
       FROM idempotency_keys WHERE ${SCOPE}`,
    scopeParams(scope),
  );
  if (!row) return null;
  if (row.state === 'in-progress' || row.status_code === null) {
    return { kind: 'in-progress', requestHash: row.request_hash, createdAt: new Date(row.created_at) };
  }
  return {
    kind: 'done',
    requestHash: row.request_hash,
    response: {
      statusCode: row.status_code,
      headers: row.response_headers ?? {},
      body: Buffer.from(row.response_body ?? new Uint8Array()),
    },
  };
}

/** Stores the response of the request that claimed the key, for replay until the row expires. */
export async function completeIdempotencyKey(
  db: Queryable,
  scope: IdempotencyScope,
  response: StoredResponse,
  now: Date,
): Promise<void> {
  await db.query(
    `UPDATE idempotency_keys
        SET state = 'done', status_code = $5, response_headers = $6, response_body = $7, completed_at = $8
      WHERE ${SCOPE} AND state = 'in-progress'`,
    [...scopeParams(scope), response.statusCode, JSON.stringify(response.headers), response.body, now],
  );
}

/** Gives a key back after a server failure (5xx): nothing was recorded, so a retry may run again. */
export async function releaseIdempotencyKey(db: Queryable, scope: IdempotencyScope): Promise<void> {
  await db.query(`DELETE FROM idempotency_keys WHERE ${SCOPE} AND state = 'in-progress'`, scopeParams(scope));
}

/** Deletes expired rows (a cache, not a record); returns how many went. */
export async function deleteExpiredIdempotencyKeys(db: Queryable, now: Date): Promise<number> {
  const rows = await db.query('DELETE FROM idempotency_keys WHERE expires_at <= $1 RETURNING 1', [now]);
  return rows.length;
}
