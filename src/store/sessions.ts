// Server-side sessions, stored by the hash of their token so a database reader cannot hijack one.
import type { Queryable } from './db.ts';

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
