// Group commit for chart-read audit entries: reads that arrive together are checked and audited in one statement,
// so many reads share one commit (one WAL flush) instead of paying one each. Each read is answered only after the
// statement holding its entry has committed, so the guarantee is unchanged: no read is answered without its entry.
// Decision record: docs/decisions/016-audit-sealer.md ("Group commit of read entries").
import { appendAuditInService, type AuditEvent } from './audit.ts';
import type { Queryable } from './db.ts';

/** A chart read to audit: about one patient, allowed when the patient is in one of `serviceIds`. */
export interface ReadAuditRequest {
  event: AuditEvent & { patientId: string };
  serviceIds: readonly string[];
  now: Date;
}

interface Waiting extends ReadAuditRequest {
  resolve: (serviceId: string | undefined) => void;
  reject: (err: unknown) => void;
}

export interface ReadAuditBatcherOptions {
  /** Most entries in one statement. */
  maxBatch?: number;
  /** Most statements in flight at once; requests arriving meanwhile wait for the next batch. */
  maxInFlight?: number;
}

const arrayLiteral = (ids: readonly string[]): string => `{${ids.join(',')}}`;

/**
 * One statement for a batch: per entry, when its patient belongs to one of its services, the entry is appended
 * (as `appendAudit` writes it) and the patient's service returned with the entry's index; otherwise nothing.
 */
const BATCH_SQL = `WITH r AS (
    SELECT * FROM unnest($1::int[], $2::timestamptz[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::uuid[],
      $8::text[], $9::text[], $10::text[], $11::bool[], $12::jsonb[], $13::text[])
      AS r(i, at, actor_id, action, resource_type, resource_id, patient_id, outcome, ip, request_id, flagged,
        details, service_ids)
  ),
  p AS (
    SELECT r.*, pt.service_id AS patient_service FROM r
      JOIN patients pt ON pt.id = r.patient_id AND pt.service_id = ANY(r.service_ids::uuid[])
  ),
  entry AS (
    INSERT INTO audit_log (at, actor_id, action, resource_type, resource_id, patient_id, outcome, ip, request_id,
      flagged, details)
    SELECT at, actor_id, action, resource_type, resource_id, patient_id, outcome, ip, request_id, flagged, details
      FROM p ORDER BY i
    RETURNING entry_id
  )
  SELECT p.i, p.patient_service AS service_id, (SELECT count(*) FROM entry) AS written FROM p`;

/**
 * Batches `appendAuditInService` calls. The first call while nothing is in flight goes at once (no waiting for
 * company); calls arriving while statements are in flight queue and go together in the next one. When a batch
 * statement fails, its entries are retried one by one, so one bad entry fails only its own read.
 */
export class ReadAuditBatcher {
  private readonly queue: Waiting[] = [];
  private inFlight = 0;
  private readonly maxBatch: number;
  private readonly maxInFlight: number;

  constructor(
    private readonly db: Queryable,
    options: ReadAuditBatcherOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 256;
    this.maxInFlight = options.maxInFlight ?? 2;
  }

  /** As `appendAuditInService`: resolves with the patient's service once the entry has committed, or undefined. */
  append(request: ReadAuditRequest): Promise<string | undefined> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ...request, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.inFlight += 1;
      void this.flush(batch).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  private async flush(batch: Waiting[]): Promise<void> {
    if (batch.length === 1) {
      await this.one(batch[0] as Waiting);
      return;
    }
    let rows: { i: number; service_id: string }[];
    try {
      rows = await this.db.query<{ i: number; service_id: string }>(BATCH_SQL, columns(batch));
    } catch {
      // Which entry failed is unknown: each is tried alone, so only a failing one fails its read.
      await Promise.all(batch.map((w) => this.one(w)));
      return;
    }
    const allowed = new Map(rows.map((r) => [r.i, r.service_id]));
    batch.forEach((w, i) => w.resolve(allowed.get(i)));
  }

  private async one(w: Waiting): Promise<void> {
    try {
      w.resolve(await appendAuditInService(this.db, w.event, w.serviceIds, w.now));
    } catch (err) {
      w.reject(err);
    }
  }
}

/** The statement's parameters: one array per column, entry i at index i. */
function columns(batch: readonly Waiting[]): unknown[] {
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
