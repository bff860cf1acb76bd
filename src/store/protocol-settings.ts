// Per-service protocol settings: append-only versions of a service's overrides for a shipped protocol.
import type { Queryable } from './db.ts';

export interface ProtocolSettingsRow {
  id: string;
  service_id: string;
  protocol_id: string;
  version: number;
  overrides: Record<string, number | boolean>;
  reason: string;
  changed_at: Date;
  changed_by: string;
  changed_by_name: string;
}

const SELECT = `SELECT v.*, u.display_name AS changed_by_name
  FROM protocol_setting_versions v JOIN users u ON u.id = v.changed_by`;

/** The service's latest settings version for the protocol, or undefined when it uses the shipped defaults. */
export async function latestProtocolSettings(
  db: Queryable,
  serviceId: string,
  protocolId: string,
): Promise<ProtocolSettingsRow | undefined> {
  return (
    await db.query<ProtocolSettingsRow>(
      `${SELECT} WHERE v.service_id = $1 AND v.protocol_id = $2 ORDER BY v.version DESC LIMIT 1`,
      [serviceId, protocolId],
    )
  )[0];
}

/** Every settings version for the service and protocol, newest first. */
export async function protocolSettingsHistory(
  db: Queryable,
  serviceId: string,
  protocolId: string,
): Promise<ProtocolSettingsRow[]> {
  return db.query<ProtocolSettingsRow>(
    `${SELECT} WHERE v.service_id = $1 AND v.protocol_id = $2 ORDER BY v.version DESC`,
    [serviceId, protocolId],
  );
}

/** Appends the next version (the unique key refuses a concurrent writer taking the same number). */
export async function addProtocolSettingsVersion(
  tx: Queryable,
  row: {
    serviceId: string;
    protocolId: string;
    overrides: Readonly<Record<string, number | boolean>>;
    reason: string;
    changedAt: Date;
    changedBy: string;
  },
): Promise<{ id: string; version: number }> {
  const [created] = await tx.query<{ id: string; version: number }>(
    `INSERT INTO protocol_setting_versions (service_id, protocol_id, version, overrides, reason, changed_at, changed_by)
     SELECT $1, $2, COALESCE(MAX(version), 0) + 1, $3, $4, $5, $6
     FROM protocol_setting_versions WHERE service_id = $1 AND protocol_id = $2
     RETURNING id, version`,
    [row.serviceId, row.protocolId, JSON.stringify(row.overrides), row.reason, row.changedAt, row.changedBy],
  );
  if (!created) throw new Error('insert returned no row');
  return created;
}
