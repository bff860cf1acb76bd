// Server-side sessions, stored by the hash of their token so a database reader cannot hijack one.
import type { Queryable } from './db.ts';
import { StatementBatcher } from './statement-batcher.ts';
import type { UserRow } from './users.ts';

export interface SessionRow {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  ended_at: Date | null;
}

export async function insertSession(
  tx: Queryable,
  s: { idHash: string; userId: string; csrfToken: string; now: Date; expiresAt: Date; ip: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, ip)
     VALUES ($1, $2, $3, $4, $4, $5, $6)`,
    [s.idHash, s.userId, s.csrfToken, s.now, s.expiresAt, s.ip],
  );
}

export async function findSession(db: Queryable, idHash: string): Promise<SessionRow | undefined> {
  const rows = await db.query<SessionRow>('SELECT * FROM sessions WHERE id_hash = $1 AND ended_at IS NULL', [
    idHash,
  ]);
  return rows[0];
}

/**
 * The hot path of every signed-in request, in one statement: when the session is live at `now` (not ended, used
 * within `idleMs`, begun within `absoluteMs` — the same limits as `sessionState` in the domain, compared the same
 * way) and its user is not disabled, returns it with its user, and marks it seen when it was last marked more
 * than `touchMs` ago (so most requests write nothing). Returns nothing otherwise; the caller then decides with
 * `findSession` and the domain rule what has happened (and ends the session).
 */
export async function touchLiveSession(
  db: Queryable,
  idHash: string,
  now: Date,
  limits: { idleMs: number; absoluteMs: number; touchMs: number },
): Promise<{ session: Pick<SessionRow, 'csrf_token'>; user: UserRow } | undefined> {
  const rows = await db.query<UserRow & { session_csrf_token: string }>(
    `WITH live AS (
       SELECT s.csrf_token AS session_csrf_token, u.*,
              COALESCE(ARRAY(SELECT us.service_id::text FROM user_services us WHERE us.user_id = u.id
                             ORDER BY us.service_id), '{}') AS service_ids
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id_hash = $1 AND s.ended_at IS NULL AND NOT u.disabled
          AND s.last_seen_at >= $2::timestamptz - $3 * interval '1 millisecond'
          AND s.created_at >= $2::timestamptz - $4 * interval '1 millisecond'
     ), touched AS (
       UPDATE sessions SET last_seen_at = $2
        WHERE id_hash = $1 AND last_seen_at < $2::timestamptz - $5 * interval '1 millisecond'
          AND EXISTS (SELECT 1 FROM live)
        RETURNING 1
     )
     SELECT * FROM live`,
    [idHash, now, limits.idleMs, limits.absoluteMs, limits.touchMs],
  );
  const row = rows[0];
  if (!row) return undefined;
  const { session_csrf_token, ...user } = row;
  return { session: { csrf_token: session_csrf_token }, user };
}

/** One call of `touchLiveSession`, for the batched form. */
export interface LiveSessionCheck {
  idHash: string;
  now: Date;
  limits: { idleMs: number; absoluteMs: number; touchMs: number };
}

type LiveSession = { session: Pick<SessionRow, 'csrf_token'>; user: UserRow };

/**
 * `touchLiveSession` for many calls in one statement: each call's answer is what `touchLiveSession` would give it
 * alone; a session named by several calls is marked seen once, at the latest of their times.
 */
export async function touchLiveSessions(
  db: Queryable,
  checks: readonly LiveSessionCheck[],
): Promise<(LiveSession | undefined)[]> {
  const rows = await db.query<UserRow & { i: number; session_csrf_token: string }>(
    `WITH r AS (
       SELECT * FROM unnest($1::int[], $2::text[], $3::timestamptz[], $4::float8[], $5::float8[], $6::float8[])
         AS r(i, id_hash, now, idle_ms, absolute_ms, touch_ms)
     ), live AS (
       SELECT r.i, s.csrf_token AS session_csrf_token, u.*,
              COALESCE(ARRAY(SELECT us.service_id::text FROM user_services us WHERE us.user_id = u.id
                             ORDER BY us.service_id), '{}') AS service_ids
         FROM r JOIN sessions s ON s.id_hash = r.id_hash JOIN users u ON u.id = s.user_id
        WHERE s.ended_at IS NULL AND NOT u.disabled
          AND s.last_seen_at >= r.now - r.idle_ms * interval '1 millisecond'
          AND s.created_at >= r.now - r.absolute_ms * interval '1 millisecond'
     ), latest AS (
       SELECT DISTINCT ON (r.id_hash) r.id_hash, r.now, r.touch_ms
         FROM r WHERE r.i IN (SELECT i FROM live) ORDER BY r.id_hash, r.now DESC
     ), touched AS (
       UPDATE sessions s SET last_seen_at = latest.now FROM latest
        WHERE s.id_hash = latest.id_hash AND s.last_seen_at < latest.now - latest.touch_ms * interval '1 millisecond'
        RETURNING 1
     )
     SELECT * FROM live`,
    [
      checks.map((_, i) => i),
      checks.map((c) => c.idHash),
      checks.map((c) => c.now.toISOString()),
      checks.map((c) => c.limits.idleMs),
      checks.map((c) => c.limits.absoluteMs),
      checks.map((c) => c.limits.touchMs),
    ],
  );
  const byIndex = new Map<number, LiveSession>();
  for (const { i, session_csrf_token, ...user } of rows) {
    byIndex.set(i, { session: { csrf_token: session_csrf_token }, user });
  }
  return checks.map((_, i) => byIndex.get(i));
}

const liveSessionBatchers = new WeakMap<
  Queryable,
  StatementBatcher<LiveSessionCheck, LiveSession | undefined>
>();

/**
 * The session checks of one database (connection pool), batched: requests arriving together are checked in one
 * statement (store/statement-batcher.ts).
 */
export function checkLiveSession(db: Queryable, check: LiveSessionCheck): Promise<LiveSession | undefined> {
  let batcher = liveSessionBatchers.get(db);
  if (!batcher) {
    batcher = new StatementBatcher((batch) => touchLiveSessions(db, batch));
    liveSessionBatchers.set(db, batcher);
  }
  return batcher.submit(check);
}

export async function touchSession(db: Queryable, idHash: string, now: Date): Promise<void> {
  await db.query('UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1', [idHash, now]);
}

export async function endSession(db: Queryable, idHash: string, now: Date): Promise<void> {
  await db.query('UPDATE sessions SET ended_at = $2 WHERE id_hash = $1 AND ended_at IS NULL', [idHash, now]);
}

/** Ends every live session of a user (logout everywhere, disabled account, password change). */
export async function endUserSessions(
  db: Queryable,
  userId: string,
  now: Date,
  exceptHash?: string,
): Promise<void> {
  await db.query(
    'UPDATE sessions SET ended_at = $2 WHERE user_id = $1 AND ended_at IS NULL AND id_hash <> $3',
    [userId, now, exceptHash ?? ''],
  );
}

export async function recordLoginAttempt(
  db: Queryable,
  a: { at: Date; emailKey: string; ip: string; success: boolean },
): Promise<void> {
  await db.query('INSERT INTO login_attempts (at, email_key, ip, success) VALUES ($1, $2, $3, $4)', [
    a.at,
    a.emailKey,
    a.ip,
    a.success,
  ]);
}

export async function failedAttemptsFromIp(db: Queryable, ip: string, since: Date): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM login_attempts WHERE ip = $1 AND at > $2 AND NOT success',
    [ip, since],
  );
  return row?.n ?? 0;
}
