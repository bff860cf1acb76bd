// Staff accounts: users, their roles and services, credentials, and sign-in counters.
import type { UserView } from '../schemas/auth.ts';
import { insertReturning, insertReturningId, type Queryable } from './db.ts';

export interface UserRow {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  roles: string[];
  disabled: boolean;
  totp_secret: string | null;
  totp_enabled: boolean;
  totp_last_step: number;
  failed_logins: number;
  locked_until: Date | null;
  invite_token_hash: string | null;
  invite_expires_at: Date | null;
  service_ids: string[];
}

/** A user row with the services they work in (`service_ids`). */
export const SELECT_USER = `
  SELECT u.*, COALESCE(ARRAY(SELECT us.service_id::text FROM user_services us WHERE us.user_id = u.id
                             ORDER BY us.service_id), '{}') AS service_ids
  FROM users u`;

export async function countUsers(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  return row?.n ?? 0;
}

export async function findUserByEmail(db: Queryable, email: string): Promise<UserRow | undefined> {
  const rows = await db.query<UserRow>(`${SELECT_USER} WHERE lower(u.email) = lower($1)`, [email]);
  return rows[0];
}

export async function findUserById(db: Queryable, id: string): Promise<UserRow | undefined> {
  const rows = await db.query<UserRow>(`${SELECT_USER} WHERE u.id = $1`, [id]);
  return rows[0];
}

export async function findUserByInvite(db: Queryable, tokenHash: string): Promise<UserRow | undefined> {
  const rows = await db.query<UserRow>(`${SELECT_USER} WHERE u.invite_token_hash = $1`, [tokenHash]);
  return rows[0];
}

export async function listUsers(db: Queryable): Promise<UserRow[]> {
  return db.query<UserRow>(`${SELECT_USER} ORDER BY lower(u.display_name)`);
}

export interface NewUser {
  email: string;
  displayName: string;
  passwordHash: string | null;
  roles: string[];
  serviceIds: string[];
  inviteTokenHash?: string;
  inviteExpiresAt?: Date;
}

export async function insertUser(tx: Queryable, user: NewUser): Promise<string> {
  const id = await insertReturningId(
    tx,
    `INSERT INTO users (email, display_name, password_hash, roles, invite_token_hash, invite_expires_at)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      user.email,
      user.displayName,
      user.passwordHash,
      user.roles,
      user.inviteTokenHash ?? null,
      user.inviteExpiresAt ?? null,
    ],
  );
  await setUserServices(tx, id, user.serviceIds);
  return id;
}

export async function setUserServices(tx: Queryable, userId: string, serviceIds: string[]): Promise<void> {
  await tx.query('DELETE FROM user_services WHERE user_id = $1', [userId]);
  for (const serviceId of serviceIds) {
    await tx.query('INSERT INTO user_services (user_id, service_id) VALUES ($1, $2)', [userId, serviceId]);
  }
}

export async function updateUser(
  tx: Queryable,
  id: string,
  changes: { displayName?: string; roles?: string[]; disabled?: boolean },
): Promise<void> {
  await tx.query(
    `UPDATE users SET display_name = COALESCE($2, display_name), roles = COALESCE($3, roles),
       disabled = COALESCE($4, disabled), updated_at = now() WHERE id = $1`,
    [id, changes.displayName ?? null, changes.roles ?? null, changes.disabled ?? null],
  );
}

export async function setPassword(tx: Queryable, id: string, passwordHash: string): Promise<void> {
  await tx.query(
    `UPDATE users SET password_hash = $2, invite_token_hash = NULL, invite_expires_at = NULL, updated_at = now()
     WHERE id = $1`,
    [id, passwordHash],
  );
}

export async function recordLoginFailure(tx: Queryable, id: string, lockedUntil: Date | null): Promise<void> {
  await tx.query('UPDATE users SET failed_logins = failed_logins + 1, locked_until = $2 WHERE id = $1', [
    id,
    lockedUntil,
  ]);
}

export async function recordLoginSuccess(tx: Queryable, id: string, totpStep?: number): Promise<void> {
  await tx.query(
    `UPDATE users SET failed_logins = 0, locked_until = NULL,
       totp_last_step = GREATEST(totp_last_step, COALESCE($2, totp_last_step)) WHERE id = $1`,
    [id, totpStep ?? null],
  );
}

export async function setTotp(
  tx: Queryable,
  id: string,
  secret: string | null,
  enabled: boolean,
  lastStep?: number,
): Promise<void> {
  await tx.query(
    `UPDATE users SET totp_secret = $2, totp_enabled = $3,
       totp_last_step = COALESCE($4, totp_last_step), updated_at = now() WHERE id = $1`,
    [id, secret, enabled, lastStep ?? null],
  );
}

export function userView(row: UserRow): UserView {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    roles: row.roles,
    serviceIds: row.service_ids,
    disabled: row.disabled,
    totpEnabled: row.totp_enabled,
    invitePending: row.password_hash === null,
  };
}

export interface CredentialRow {
  id: string;
  user_id: string;
  kind: string;
  identifier: string | null;
  issued_on: string | null;
  expires_on: string | null;
  recorded_by: string;
  recorded_at: Date;
}

export async function insertCredential(
  tx: Queryable,
  c: {
    userId: string;
    kind: string;
    identifier?: string;
    issuedOn?: string;
    expiresOn?: string;
    recordedBy: string;
  },
): Promise<CredentialRow> {
  return insertReturning<CredentialRow>(
    tx,
    `INSERT INTO staff_credentials (user_id, kind, identifier, issued_on, expires_on, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
    [c.userId, c.kind, c.identifier ?? null, c.issuedOn ?? null, c.expiresOn ?? null, c.recordedBy],
  );
}

export async function listCredentials(db: Queryable, userId: string): Promise<CredentialRow[]> {
  return db.query<CredentialRow>(
    'SELECT * FROM staff_credentials WHERE user_id = $1 ORDER BY recorded_at DESC',
    [userId],
  );
}

export function credentialView(row: CredentialRow, today: string) {
  return {
    id: row.id,
    userId: row.user_id,
    kind: row.kind,
    identifier: row.identifier,
    issuedOn: row.issued_on,
    expiresOn: row.expires_on,
    valid: row.expires_on === null || row.expires_on >= today,
    recordedAt: row.recorded_at.toISOString(),
    recordedBy: row.recorded_by,
  };
}

/** Of the given user ids, those of active (not disabled) staff who work in the service, in lower case. */
export async function activeStaffInService(
  db: Queryable,
  serviceId: string,
  userIds: readonly string[],
): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db.query<{ id: string }>(
    `SELECT u.id::text AS id FROM users u JOIN user_services us ON us.user_id = u.id
      WHERE us.service_id = $1 AND u.id = ANY($2::uuid[]) AND NOT u.disabled`,
    [serviceId, [...userIds]],
  );
  return new Set(rows.map((r) => r.id.toLowerCase()));
}

/** True when the user works in at least one of the services. */
export async function worksInAnyService(
  db: Queryable,
  userId: string,
  serviceIds: readonly string[],
): Promise<boolean> {
  const rows = await db.query(
    'SELECT 1 FROM user_services WHERE user_id = $1 AND service_id = ANY($2::uuid[]) LIMIT 1',
    [userId, [...serviceIds]],
  );
  return rows.length > 0;
}
