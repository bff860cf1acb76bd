// Services (teams or sites) and organisation-wide settings.
import { insertReturning, type Queryable } from './db.ts';

export interface ServiceRow {
  id: string;
  name: string;
  created_at: Date;
  /** IANA time zone for times on documents (migration 011; default Europe/London). */
  time_zone: string;
  phone: string | null;
  address: string | null;
}

export interface ServiceDetails {
  name?: string | undefined;
  timeZone?: string | undefined;
  phone?: string | null | undefined;
  address?: string | null | undefined;
}

export async function listServices(db: Queryable): Promise<ServiceRow[]> {
  return db.query<ServiceRow>('SELECT * FROM services ORDER BY lower(name)');
}

export async function insertService(
  tx: Queryable,
  name: string,
  details: Omit<ServiceDetails, 'name'> = {},
): Promise<ServiceRow> {
  return insertReturning<ServiceRow>(
    tx,
    `INSERT INTO services (name, time_zone, phone, address) VALUES ($1, coalesce($2, 'Europe/London'), $3, $4)
     RETURNING *`,
    [name, details.timeZone ?? null, details.phone ?? null, details.address ?? null],
  );
}

export async function findService(db: Queryable, id: string): Promise<ServiceRow | undefined> {
  return (await db.query<ServiceRow>('SELECT * FROM services WHERE id = $1', [id]))[0];
}

/** Changes only the fields given (undefined keeps the value; null clears phone or address). */
export async function updateService(
  tx: Queryable,
  id: string,
  d: ServiceDetails,
): Promise<ServiceRow | undefined> {
  const rows = await tx.query<ServiceRow>(
    `UPDATE services SET
       name = CASE WHEN $2 THEN $3 ELSE name END,
       time_zone = CASE WHEN $4 THEN $5 ELSE time_zone END,
       phone = CASE WHEN $6 THEN $7 ELSE phone END,
       address = CASE WHEN $8 THEN $9 ELSE address END
     WHERE id = $1 RETURNING *`,
    [
      id,
      d.name !== undefined,
      d.name ?? null,
      d.timeZone !== undefined,
      d.timeZone ?? null,
      d.phone !== undefined,
      d.phone ?? null,
      d.address !== undefined,
      d.address ?? null,
    ],
  );
  return rows[0];
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

/** The distinct time zones of these services. */
export async function serviceTimeZones(db: Queryable, serviceIds: readonly string[]): Promise<string[]> {
  if (serviceIds.length === 0) return [];
  const rows = await db.query<{ time_zone: string }>(
    'SELECT DISTINCT time_zone FROM services WHERE id = ANY($1::uuid[])',
    [[...serviceIds]],
  );
  return rows.map((r) => r.time_zone);
}

/** The service's name, contact details and time zone for its documents (migration 011). */
export async function serviceForDocuments(
  db: Queryable,
  serviceId: string,
): Promise<{ name: string; phone: string | null; address: string | null; timeZone: string }> {
  const r = await findService(db, serviceId);
  return r
    ? { name: r.name, phone: r.phone, address: r.address, timeZone: r.time_zone }
    : { name: 'The clinic', phone: null, address: null, timeZone: 'Europe/London' };
}
