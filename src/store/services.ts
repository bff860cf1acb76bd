// Services (teams or sites) and organisation-wide settings.
import type { Queryable } from './db.ts';

export interface ServiceRow {
  id: string;
  name: string;
  created_at: Date;
}

export async function listServices(db: Queryable): Promise<ServiceRow[]> {
  return db.query<ServiceRow>('SELECT * FROM services ORDER BY lower(name)');
}

export async function insertService(tx: Queryable, name: string): Promise<ServiceRow> {
  const [row] = await tx.query<ServiceRow>('INSERT INTO services (name) VALUES ($1) RETURNING *', [name]);
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function findServiceByName(db: Queryable, name: string): Promise<ServiceRow | undefined> {
  const rows = await db.query<ServiceRow>('SELECT * FROM services WHERE lower(name) = lower($1)', [name]);
  return rows[0];
}

export interface OrgSettings {
  requireTotpForAdmins: boolean;
}

const DEFAULT_SETTINGS: OrgSettings = { requireTotpForAdmins: false };

export async function readSettings(db: Queryable): Promise<OrgSettings> {
  const rows = await db.query<{ value: Partial<OrgSettings> }>(
    "SELECT value FROM settings WHERE key = 'org'",
  );
  return { ...DEFAULT_SETTINGS, ...(rows[0]?.value ?? {}) };
}

export async function writeSettings(tx: Queryable, settings: OrgSettings, userId: string): Promise<void> {
  await tx.query(
    `INSERT INTO settings (key, value, updated_by) VALUES ('org', $1, $2)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [JSON.stringify(settings), userId],
  );
}
