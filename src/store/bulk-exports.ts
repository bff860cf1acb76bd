// FHIR Bulk Data export jobs and their NDJSON file parts (migration 023). A job is accepted at kick-off, in progress
// while the server builds its files, then complete, failed or cancelled; a user has at most one running job.
import type { Queryable } from './db.ts';

export type BulkExportStatus = 'accepted' | 'in-progress' | 'complete' | 'failed' | 'cancelled';
export type BulkExportLevel = 'system' | 'patient' | 'group';

export interface BulkExportRow {
  id: string;
  user_id: string;
  status: BulkExportStatus;
  level: BulkExportLevel;
  request_url: string;
  service_ids: string[];
  patient_ids: string[] | null;
  types: string[];
  since: string | null;
  warnings: string[];
  progress: string | null;
  error: string | null;
  transaction_time: Date;
  completed_at: Date | null;
  expires_at: Date;
}

export interface NewBulkExport {
  userId: string;
  level: BulkExportLevel;
  requestUrl: string;
  serviceIds: readonly string[];
  patientIds: readonly string[] | undefined;
  types: readonly string[];
  since: string | undefined;
  warnings: readonly string[];
  transactionTime: Date;
  expiresAt: Date;
}

export interface BulkExportFile {
  name: string;
  kind: 'output' | 'error';
  type: string;
  seq: number;
  count: number;
}

const RUNNING = `status IN ('accepted', 'in-progress')`;
const COLUMNS = `id, user_id, status, level, request_url, service_ids::text[] AS service_ids,
  patient_ids::text[] AS patient_ids, types, since, warnings, progress, error, transaction_time, completed_at,
  expires_at`;

/** Records a new job, or gives undefined when the user already has one running. */
export async function createBulkExport(db: Queryable, job: NewBulkExport): Promise<string | undefined> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO bulk_exports (user_id, status, level, request_url, service_ids, patient_ids, types, since,
       warnings, transaction_time, expires_at)
     VALUES ($1, 'accepted', $2, $3, $4::uuid[], $5::uuid[], $6::text[], $7, $8::jsonb, $9, $10)
     ON CONFLICT (user_id) WHERE ${RUNNING} DO NOTHING RETURNING id`,
    [
      job.userId,
      job.level,
      job.requestUrl,
      job.serviceIds,
      job.patientIds ?? null,
      job.types,
      job.since ?? null,
      JSON.stringify(job.warnings),
      job.transactionTime,
      job.expiresAt,
    ],
  );
  return rows[0]?.id;
}

/** One job that has not expired, or undefined. */
export async function findBulkExport(
  db: Queryable,
  id: string,
  now: Date,
): Promise<BulkExportRow | undefined> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
  const rows = await db.query<BulkExportRow>(
    `SELECT ${COLUMNS} FROM bulk_exports WHERE id = $1 AND expires_at > $2`,
    [id, now],
  );
  return rows[0];
}

/** Jobs that were accepted or in progress (to restart after the server restarts). */
export async function runningBulkExports(db: Queryable): Promise<BulkExportRow[]> {
  return db.query<BulkExportRow>(
    `SELECT ${COLUMNS} FROM bulk_exports WHERE ${RUNNING} ORDER BY transaction_time`,
  );
}

/** Starts (or restarts) a job from scratch: its files are removed. False when it is no longer running. */
export async function startBulkExport(db: Queryable, id: string): Promise<boolean> {
  await db.query('DELETE FROM bulk_export_files WHERE export_id = $1', [id]);
  const rows = await db.query(
    `UPDATE bulk_exports SET status = 'in-progress', progress = NULL WHERE id = $1 AND ${RUNNING} RETURNING id`,
    [id],
  );
  return rows.length > 0;
}

/** Records a job's progress; false when it is no longer in progress (cancelled). */
export async function setBulkExportProgress(db: Queryable, id: string, progress: string): Promise<boolean> {
  const rows = await db.query(
    `UPDATE bulk_exports SET progress = $2 WHERE id = $1 AND status = 'in-progress' RETURNING id`,
    [id, progress],
  );
  return rows.length > 0;
}

/** Adds one file part to a job in progress; false (nothing kept) when the job is no longer in progress. */
export async function addBulkExportFile(
  db: Queryable,
  id: string,
  file: BulkExportFile & { body: string },
): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO bulk_export_files (export_id, name, kind, type, seq, count, body)
     SELECT id, $2, $3, $4, $5, $6, $7 FROM bulk_exports WHERE id = $1 AND status = 'in-progress'
     RETURNING name`,
    [id, file.name, file.kind, file.type, file.seq, file.count, file.body],
  );
  return rows.length > 0;
}

/** Marks a job in progress as complete. */
export async function completeBulkExport(db: Queryable, id: string, now: Date): Promise<void> {
  await db.query(
    `UPDATE bulk_exports SET status = 'complete', progress = NULL, completed_at = $2
     WHERE id = $1 AND status = 'in-progress'`,
    [id, now],
  );
}

/** Marks a running job as failed, its files removed. */
export async function failBulkExport(db: Queryable, id: string, error: string, now: Date): Promise<void> {
  await db.query('DELETE FROM bulk_export_files WHERE export_id = $1', [id]);
  await db.query(
    `UPDATE bulk_exports SET status = 'failed', error = $2, completed_at = $3 WHERE id = $1 AND ${RUNNING}`,
    [id, error, now],
  );
}

/** Cancels a job (running or finished): its files are removed. */
export async function cancelBulkExport(db: Queryable, id: string, now: Date): Promise<void> {
  await db.query(`UPDATE bulk_exports SET status = 'cancelled', completed_at = $2 WHERE id = $1`, [id, now]);
  await db.query('DELETE FROM bulk_export_files WHERE export_id = $1', [id]);
}

/** A job's files (without their content), in the order they were written. */
export async function listBulkExportFiles(db: Queryable, id: string): Promise<BulkExportFile[]> {
  return db.query<BulkExportFile>(
    'SELECT name, kind, type, seq, count FROM bulk_export_files WHERE export_id = $1 ORDER BY seq',
    [id],
  );
}

/** One file's NDJSON content, or undefined. */
export async function readBulkExportFile(
  db: Queryable,
  id: string,
  name: string,
): Promise<(BulkExportFile & { body: string }) | undefined> {
  const rows = await db.query<BulkExportFile & { body: string }>(
    'SELECT name, kind, type, seq, count, body FROM bulk_export_files WHERE export_id = $1 AND name = $2',
    [id, name],
  );
  return rows[0];
}

/** Removes jobs that have expired, with their files; gives how many. */
export async function removeExpiredBulkExports(db: Queryable, now: Date): Promise<number> {
  const rows = await db.query('DELETE FROM bulk_exports WHERE expires_at <= $1 RETURNING id', [now]);
  return rows.length;
}
