// Reading the audit log back for auditors: entries newest first, filtered by patient, actor or flag, paged.
import type { AuditRow } from './audit.ts';
import type { Queryable } from './db.ts';

export interface AuditFilter {
  patientId?: string | undefined;
  actorId?: string | undefined;
  flagged?: boolean | undefined;
  /** Entries with an entry id below this (paging). */
  before?: number | undefined;
  limit: number;
}

/**
 * An entry as listed: the stored row without its hashes and details, with the actor's name. `seq` (its place in
 * the chain) is null until the sealer has sealed it; `entry_id` numbers entries in the order they were written.
 */
export type AuditEntryRow = Omit<AuditRow, 'seq' | 'request_id' | 'details' | 'prev_hash' | 'hash'> & {
  entry_id: number;
  seq: number | null;
  display_name: string | null;
};

/** The entries that match every filter given, newest first, with the actor's name. */
export function listAuditEntries(db: Queryable, filter: AuditFilter): Promise<AuditEntryRow[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.patientId) add('a.patient_id = ?', filter.patientId);
  if (filter.actorId) add('a.actor_id = ?', filter.actorId);
  if (filter.flagged !== undefined) add('a.flagged = ?', filter.flagged);
  if (filter.before) add('a.entry_id < ?', filter.before);
  params.push(filter.limit);
  return db.query<AuditEntryRow>(
    `SELECT a.entry_id, a.seq, a.at, a.actor_id, u.display_name, a.action, a.resource_type, a.resource_id, a.patient_id,
            a.outcome, a.ip, a.flagged
       FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.entry_id DESC LIMIT $${params.length}`,
    params,
  );
}
