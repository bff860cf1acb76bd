// System clients (SMART Backend Services): their public key sets (every set kept), the assertion ids they have
// used, and the hashes of the access tokens issued to them. Each client acts through a users row of its own (no
// password, no roles) placed in the client's services, so audit entries name it and reads are limited to them.
import { randomUUID } from 'node:crypto';
import type { Queryable } from './db.ts';
import { setUserServices } from './users.ts';

export interface Jwks {
  keys: Record<string, unknown>[];
}

export interface SystemClientRow {
  id: string;
  user_id: string;
  name: string;
  jwks: Jwks;
  key_version: number;
  scope: string;
  disabled: boolean;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  service_ids: string[];
}

const SELECT_CLIENT = `
  SELECT c.*, COALESCE(ARRAY(SELECT us.service_id::text FROM user_services us WHERE us.user_id = c.user_id
                             ORDER BY us.service_id), '{}') AS service_ids
  FROM system_clients c`;

export interface NewSystemClient {
  name: string;
  jwks: Jwks;
  scope: string;
  serviceIds: string[];
  createdBy: string | null;
}

/** Registers a client with its own sign-in-less user in its services; returns the client's id. */
export async function insertSystemClient(tx: Queryable, c: NewSystemClient, now: Date): Promise<string> {
  const id = randomUUID();
  const [user] = await tx.query<{ id: string }>(
    `INSERT INTO users (email, display_name, password_hash, roles, created_at, updated_at)
     VALUES ($1, $2, NULL, '{}', $3, $3) RETURNING id`,
    [`${id}@system-client.invalid`, `System client: ${c.name}`, now],
  );
  if (!user) throw new Error('insert returned no row');
  await setUserServices(tx, user.id, c.serviceIds);
  await tx.query(
    `INSERT INTO system_clients (id, user_id, name, jwks, key_version, scope, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, 1, $5, $6, $7, $7)`,
    [id, user.id, c.name, JSON.stringify(c.jwks), c.scope, c.createdBy, now],
  );
  await tx.query(
    `INSERT INTO system_client_keys (client_id, version, jwks, created_by, created_at) VALUES ($1, 1, $2, $3, $4)`,
    [id, JSON.stringify(c.jwks), c.createdBy, now],
  );
  return id;
}

export async function findSystemClient(db: Queryable, id: string): Promise<SystemClientRow | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  const rows = await db.query<SystemClientRow>(`${SELECT_CLIENT} WHERE c.id = $1`, [id]);
  return rows[0];
}

export async function listSystemClients(db: Queryable): Promise<SystemClientRow[]> {
  return db.query<SystemClientRow>(`${SELECT_CLIENT} ORDER BY lower(c.name), c.id`);
}

/** Replaces the client's key set: the new set becomes current and is appended to the key history. */
export async function replaceSystemClientKeys(
  tx: Queryable,
  id: string,
  jwks: Jwks,
  by: string | null,
  now: Date,
): Promise<number | undefined> {
  const [row] = await tx.query<{ key_version: number }>(
    `UPDATE system_clients SET jwks = $2, key_version = key_version + 1, updated_at = $3
     WHERE id = $1 RETURNING key_version`,
    [id, JSON.stringify(jwks), now],
  );
  if (!row) return undefined;
  await tx.query(
    `INSERT INTO system_client_keys (client_id, version, jwks, created_by, created_at) VALUES ($1, $2, $3, $4, $5)`,
    [id, row.key_version, JSON.stringify(jwks), by, now],
  );
  return row.key_version;
}

/** Disables the client and its user; the tokens it holds stop working at once. */
export async function disableSystemClient(tx: Queryable, id: string, now: Date): Promise<boolean> {
  const rows = await tx.query<{ user_id: string }>(
    `UPDATE system_clients SET disabled = true, updated_at = $2 WHERE id = $1 RETURNING user_id`,
    [id, now],
  );
  const userId = rows[0]?.user_id;
  if (!userId) return false;
  await tx.query(`UPDATE users SET disabled = true, updated_at = $2 WHERE id = $1`, [userId, now]);
  await tx.query(`DELETE FROM system_client_tokens WHERE client_id = $1`, [id]);
  return true;
}

/** Records an assertion id; false when the client already used it (a replay). Forgets expired ones first. */
export async function useAssertionId(
  tx: Queryable,
  clientId: string,
  jti: string,
  expiresAt: Date,
  now: Date,
): Promise<boolean> {
  await tx.query(`DELETE FROM system_client_jtis WHERE expires_at < $1`, [now]);
  const rows = await tx.query(
    `INSERT INTO system_client_jtis (client_id, jti, expires_at) VALUES ($1, $2, $3)
     ON CONFLICT (client_id, jti) DO NOTHING RETURNING jti`,
    [clientId, jti, expiresAt],
  );
  return rows.length === 1;
}

export async function insertAccessToken(
  tx: Queryable,
  t: { tokenHash: string; clientId: string; scope: string; issuedAt: Date; expiresAt: Date },
): Promise<void> {
  await tx.query(`DELETE FROM system_client_tokens WHERE expires_at < $1`, [t.issuedAt]);
  await tx.query(
    `INSERT INTO system_client_tokens (token_hash, client_id, scope, issued_at, expires_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [t.tokenHash, t.clientId, t.scope, t.issuedAt, t.expiresAt],
  );
}

export interface AccessTokenRow {
  client_id: string;
  user_id: string;
  scope: string;
  expires_at: Date;
  disabled: boolean;
}

/** The token with this hash and its client, or undefined when unknown. */
export async function findAccessToken(db: Queryable, tokenHash: string): Promise<AccessTokenRow | undefined> {
  const rows = await db.query<AccessTokenRow>(
    `SELECT t.client_id, c.user_id, t.scope, t.expires_at, c.disabled
     FROM system_client_tokens t JOIN system_clients c ON c.id = t.client_id WHERE t.token_hash = $1`,
    [tokenHash],
  );
  return rows[0];
}
