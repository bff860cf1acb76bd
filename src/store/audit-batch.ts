// Group commit for chart-read audit entries: reads that arrive together are checked and audited in one statement,
// so many reads share one commit (one WAL flush) instead of paying one each. Each read is answered only after the
// statement holding its entry has committed, so the guarantee is unchanged: no read is answered without its entry.
// A read of the patient's record itself takes the record from the same statement, after its entry.
// Decision record: docs/decisions/016-audit-sealer.md ("Group commit of read entries").
import type { AuditEvent } from './audit.ts';
import type { Queryable } from './db.ts';
import type { PatientRow } from './patients.ts';
import { StatementBatcher, type StatementBatcherOptions } from './statement-batcher.ts';

/** A chart read to audit: about one patient, allowed when the patient is in one of `serviceIds`. */
export interface ReadAuditRequest {
  event: AuditEvent & { patientId: string };
  serviceIds: readonly string[];
  now: Date;
}

/** An allowed read: the patient's service and, when asked for, the patient's current record. */
export interface AllowedRead {
  serviceId: string;
  patient?: PatientRow;
}

interface Queued extends ReadAuditRequest {
  withRecord: boolean;
}

const arrayLiteral = (ids: readonly string[]): string => `{${ids.join(',')}}`;

/**
 * One statement for a batch: per entry, when its patient belongs to one of its services, the entry is appended
 * (exactly as `appendAudit` writes it) and the patient's service returned with the entry's index, with the current
 * record when asked for; otherwise nothing is written or returned for it.
 */
const BATCH_SQL = `WITH r AS (
    SELECT * FROM unnest($1::int[], $2::timestamptz[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::uuid[],
      $8::text[], $9::text[], $10::text[], $11::bool[], $12::jsonb[], $13::text[], $14::bool[])
      AS r(i, at, actor_id, action, resource_type, resource_id, patient_id, outcome, ip, request_id, flagged,
        details, service_ids, with_record)
  ),
  p AS (
    SELECT r.*, pt.service_id AS patient_service, pt.current_version, pt.created_at AS patient_created_at FROM r
      JOIN patients pt ON pt.id = r.patient_id AND pt.service_id = ANY(r.service_ids::uuid[])
  ),
  entry AS (
    INSERT INTO audit_log (at, actor_id, action, resource_type, resource_id, patient_id, outcome, ip, request_id,
      flagged, details)
    SELECT at, actor_id, action, resource_type, resource_id, patient_id, outcome, ip, request_id, flagged, details
      FROM p ORDER BY i
    RETURNING entry_id
  )
  SELECT p.i, p.patient_service AS service_id, (SELECT count(*) FROM entry) AS written,
    v.version, v.data, p.patient_created_at AS created_at, v.recorded_at, v.recorded_by
  FROM p LEFT JOIN patient_versions v
    ON p.with_record AND v.patient_id = p.patient_id AND v.version = p.current_version`;

interface BatchRow {
  i: number;
  service_id: string;
  version: number | null;
  data: PatientRow['data'] | null;
  created_at: Date;
  recorded_at: Date | null;
  recorded_by: string | null;
}

/** Batches chart-read audit entries (store/statement-batcher.ts): reads arriving together share one statement. */
export class ReadAuditBatcher {
  private readonly batcher: StatementBatcher<Queued, AllowedRead | undefined>;

  constructor(db: Queryable, options: StatementBatcherOptions = {}) {
    this.batcher = new StatementBatcher(async (batch) => {
      const rows = await db.query<BatchRow>(BATCH_SQL, columns(batch));
      const allowed = new Map(rows.map((r) => [r.i, r]));
      return batch.map((w, i) => {
        const row = allowed.get(i);
        return row ? allowedRead(w, row) : undefined;
      });
    }, options);
  }

  /**
   * Appends the read's entry when the patient is in one of the services, and resolves with the patient's service
   * once the entry has committed; resolves undefined (nothing written) otherwise.
   */
  async append(request: ReadAuditRequest): Promise<string | undefined> {
    return (await this.batcher.submit({ ...request, withRecord: false }))?.serviceId;
  }

  /** As `append`, and also resolves with the patient's current record, read in the same statement. */
  appendAndRead(request: ReadAuditRequest): Promise<AllowedRead | undefined> {
    return this.batcher.submit({ ...request, withRecord: true });
  }
}

function allowedRead(w: Queued, row: BatchRow): AllowedRead {
  const { version, data, recorded_at, recorded_by } = row;
  if (!w.withRecord || version === null || data === null || recorded_at === null || recorded_by === null)
    return { serviceId: row.service_id };
  const patient: PatientRow = {
    id: w.event.patientId,
    service_id: row.service_id,
    version,
    data,
    created_at: row.created_at,
    recorded_at,
    recorded_by,
  };
  return { serviceId: row.service_id, patient };
}

/** The statement's parameters: one array per column, entry i at index i. */
function columns(batch: readonly Queued[]): unknown[] {
  const at = (now: Date) => new Date(Math.floor(now.getTime())).toISOString();
  return [
    batch.map((_, i) => i),
    batch.map((w) => at(w.now)),
    batch.map((w) => w.event.actorId),
    batch.map((w) => w.event.action),
    batch.map((w) => w.event.resourceType),
    batch.map((w) => w.event.resourceId ?? null),
    batch.map((w) => w.event.patientId),
    batch.map((w) => w.event.outcome),
    batch.map((w) => w.event.ip ?? null),
    batch.map((w) => w.event.requestId ?? null),
    batch.map((w) => w.event.flagged ?? false),
    batch.map((w) => JSON.stringify(w.event.details ?? {})),
    batch.map((w) => arrayLiteral(w.serviceIds)),
    batch.map((w) => w.withRecord),
  ];
}

const batchers = new WeakMap<Queryable, ReadAuditBatcher>();

/** The batcher of one database (connection pool): every request through the same pool shares it. */
export function readAuditBatcher(db: Queryable): ReadAuditBatcher {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new ReadAuditBatcher(db);
    batchers.set(db, batcher);
  }
  return batcher;
}
