// Runs a Bulk Data export job in the background, in this process: for each type, the resources in the job's scope
// (the services kept with the job, narrowed to its patients), only their latest version, changed after `_since` and
// not after the job's transaction time, written as NDJSON parts of one type each, split at a size limit so no part
// is held whole beyond it. Patient data is read a chunk of patients at a time (the job's list, else every patient of
// its services in id order), so memory stays bounded at national scale. A cancelled job stops at the next chunk or
// part; a failure marks the job failed. Jobs are rows in the database: `resumeBulkExports` restarts, from scratch,
// those a stopped server left accepted or in progress.
import type { AppContext } from '../../api/context.ts';
import {
  addBulkExportFile,
  completeBulkExport,
  failBulkExport,
  runningBulkExports,
  setBulkExportProgress,
  startBulkExport,
  type BulkExportRow,
} from '../../store/bulk-exports.ts';
import { countPatientsInServices, patientIdsAfter } from '../../store/bulk-patients.ts';
import type { Scope } from '../../store/fhir-sources.ts';
import { operationOutcome } from '../outcome.ts';
import { mayRead } from '../resource-kit.ts';
import { RESOURCE_TYPES } from '../resources.ts';
import type { FhirResource } from '../types.ts';

/** How long a job and its files are kept after kick-off. */
export const BULK_EXPORT_TTL_MS = 24 * 60 * 60 * 1000;

/** Types in a patient's compartment, exported at Patient and Group level with the resources they reference. */
export const COMPARTMENT_TYPES: readonly string[] = [...RESOURCE_TYPES.values()]
  .filter((t) => t.patientData && t.inBulk !== false)
  .map((t) => t.type);
/** Non-compartment types a Patient- or Group-level export includes when the compartment references them. */
export const REFERENCED_TYPES: readonly string[] = [...RESOURCE_TYPES.values()]
  .filter((t) => !t.patientData && t.inBulk !== false)
  .map((t) => t.type);

let partLimitBytes = 8 * 1024 * 1024;
let patientChunk = 500;

/** The size at which a file is split into a new part (a part holds at least one resource). */
export function bulkExportPartLimit(): number {
  return partLimitBytes;
}

/** Changes the part size limit (tests lower it to prove the split); gives the previous limit. */
export function setBulkExportPartLimit(bytes: number): number {
  const previous = partLimitBytes;
  partLimitBytes = Math.max(1, Math.floor(bytes));
  return previous;
}

/** Changes how many patients' records are read at once (tests lower it to prove chunking); gives the previous. */
export function setBulkExportPatientChunk(patients: number): number {
  const previous = patientChunk;
  patientChunk = Math.max(1, Math.floor(patients));
  return previous;
}

/** The types a job exports, in the order they are written. */
export function typesFor(
  level: BulkExportRow['level'],
  asked: readonly string[] | undefined,
  roles: readonly string[],
): string[] {
  const all = (
    level === 'system'
      ? [...RESOURCE_TYPES.values()].filter((t) => t.inBulk !== false).map((t) => t.type)
      : [...COMPARTMENT_TYPES, ...REFERENCED_TYPES]
  ).filter((t) => {
    const type = RESOURCE_TYPES.get(t);
    return type !== undefined && mayRead(type, roles);
  });
  return asked === undefined ? all : all.filter((t) => asked.includes(t));
}

/** Every `reference` value in a resource. */
function collectReferences(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) for (const v of value) collectReferences(v, into);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (k === 'reference' && typeof v === 'string') into.add(v);
      else collectReferences(v, into);
    }
}

/** Whether a resource belongs in the export: changed after `since` (or undated) and not after the transaction. */
function inWindow(r: FhirResource, since: number | undefined, transaction: number): boolean {
  const at = r.meta?.lastUpdated === undefined ? Number.NaN : Date.parse(r.meta.lastUpdated);
  if (Number.isNaN(at)) return true;
  return (since === undefined || at > since) && at <= transaction;
}

/**
 * Writes one type's resources as NDJSON parts of at most the part limit, across as many `add` calls as it takes. A
 * full part is stored while the next one fills (one store in flight at most), so the export reads and maps records
 * while the database stores the previous part.
 */
class PartWriter {
  private lines: string[] = [];
  private bytes = 0;
  private part = 0;
  /** The store of the previous part: whether the job was still running, or the error it failed with. */
  private storing: Promise<boolean> = Promise.resolve(true);

  constructor(
    private readonly ctx: AppContext,
    private readonly job: BulkExportRow,
    private readonly type: string,
    private readonly kind: 'output' | 'error',
    private readonly seq: { next: number },
  ) {}

  /** Adds resources, storing each part as it fills; false when the job stopped (cancelled). */
  async add(resources: readonly object[]): Promise<boolean> {
    for (const r of resources) {
      const line = `${JSON.stringify(r)}\n`;
      const size = Buffer.byteLength(line);
      if (this.lines.length > 0 && this.bytes + size > partLimitBytes && !(await this.flush())) return false;
      this.lines.push(line);
      this.bytes += size;
    }
    return true;
  }

  /** Stores the last part (if any resource is left) and waits for every store; false when the job stopped. */
  async close(): Promise<boolean> {
    if (this.lines.length > 0 && !(await this.flush())) return false;
    return this.storing;
  }

  /** Waits until no store is in flight, whatever its outcome. */
  async settled(): Promise<void> {
    await this.storing.then(
      () => undefined,
      () => undefined,
    );
  }

  /** Waits for the previous part's store, then starts this part's; false when the job stopped. */
  private async flush(): Promise<boolean> {
    if (!(await this.storing)) return false;
    this.part += 1;
    const file = {
      name: `${this.type}-${this.part}.ndjson`,
      kind: this.kind,
      type: this.type,
      seq: this.seq.next++,
      count: this.lines.length,
      body: this.lines.join(''),
    };
    this.lines = [];
    this.bytes = 0;
    this.storing = addBulkExportFile(this.ctx.db, this.job.id, file);
    // Kept from being an unhandled rejection until it is awaited (and thrown) by the next flush or close.
    this.storing.catch(() => undefined);
    return true;
  }
}

/**
 * Each chunk with its read, the next chunk's read started before this one is handed on, so the database reads while
 * the server maps and writes (two chunks in memory at most). A read that fails is thrown when its turn comes.
 */
async function* readAhead<T>(
  chunks: AsyncGenerator<readonly string[]>,
  read: (chunk: readonly string[]) => Promise<T>,
): AsyncGenerator<{ chunk: readonly string[]; value: T }> {
  let pending: { chunk: readonly string[]; value: Promise<T> } | undefined;
  for await (const chunk of chunks) {
    const next = { chunk, value: read(chunk) };
    // Kept from being an unhandled rejection while the previous chunk is written; awaited (and thrown) below.
    next.value.catch(() => undefined);
    if (pending) yield { chunk: pending.chunk, value: await pending.value };
    pending = next;
  }
  if (pending) yield { chunk: pending.chunk, value: await pending.value };
}

/** The patients of a job, a chunk at a time: its own list (sorted), else every patient of its services by id. */
async function* patientChunks(ctx: AppContext, job: BulkExportRow): AsyncGenerator<readonly string[]> {
  if (job.patient_ids !== null) {
    const all = [...new Set(job.patient_ids)].sort();
    for (let i = 0; i < all.length; i += patientChunk) yield all.slice(i, i + patientChunk);
    return;
  }
  let after: string | undefined;
  for (;;) {
    const chunk = await patientIdsAfter(ctx.db, job.service_ids, after, patientChunk);
    if (chunk.length === 0) return;
    yield chunk;
    after = chunk.at(-1);
  }
}

/** The FHIR base a job was asked at: its request URL up to the level and `$export` (Bulk Data wants absolute URLs). */
export function fhirBaseOf(requestUrl: string): string | undefined {
  const path = requestUrl.split(/[?#]/)[0] ?? '';
  return /^(.*?)(?:\/Patient|\/Group\/[^/]+)?\/(?:\$|%24)export$/.exec(path)?.[1];
}

/** A DocumentReference whose attachment URLs on this server (`Binary/<id>`) are made absolute against `base`. */
function withAbsoluteAttachments(r: FhirResource, base: string): FhirResource {
  const doc = r as FhirResource & { content?: { attachment?: { url?: string } }[] };
  if (doc.resourceType !== 'DocumentReference' || !doc.content) return r;
  return {
    ...doc,
    content: doc.content.map((c) =>
      c.attachment?.url !== undefined && /^Binary\/[A-Za-z0-9\-.]{1,64}$/.test(c.attachment.url)
        ? { ...c, attachment: { ...c.attachment, url: `${base}/${c.attachment.url}` } }
        : c,
    ),
  } as FhirResource;
}

const thousands = (n: number) => n.toLocaleString('en-GB');

/** Builds a job's files; false when it stopped because it was cancelled. */
async function build(ctx: AppContext, job: BulkExportRow): Promise<boolean> {
  const since = job.since === null ? undefined : Date.parse(job.since);
  const transaction = new Date(job.transaction_time).getTime();
  const base = fhirBaseOf(job.request_url);
  const types = job.types;
  const seq = { next: 1 };
  const referenced = new Set<string>();
  const patients =
    job.patient_ids === null
      ? await countPatientsInServices(ctx.db, job.service_ids)
      : new Set(job.patient_ids).size;
  // At Patient and Group level the compartment is read (for its references) even when not all of it is asked for.
  const steps =
    job.level === 'system'
      ? types
      : [...COMPARTMENT_TYPES, ...REFERENCED_TYPES.filter((t) => types.includes(t))];
  for (const [n, type] of steps.entries()) {
    const source = RESOURCE_TYPES.get(type);
    const percent = (done: number) =>
      Math.floor((100 * (n + (patients === 0 ? 0 : done / patients))) / steps.length);
    if (!(await setBulkExportProgress(ctx.db, job.id, `${percent(0)}% (${type})`))) return false;
    if (!source) continue;
    const writer = types.includes(type) ? new PartWriter(ctx, job, type, 'output', seq) : undefined;
    /** Filters one read to the window (and, above system level, to what the compartment references) and writes it. */
    const take = async (read: readonly FhirResource[]): Promise<boolean> => {
      let resources = read.filter((r) => inWindow(r, since, transaction));
      if (job.level !== 'system') {
        if (COMPARTMENT_TYPES.includes(type)) for (const r of resources) collectReferences(r, referenced);
        else resources = resources.filter((r) => referenced.has(`${r.resourceType}/${r.id}`));
      }
      if (base !== undefined && type === 'DocumentReference')
        resources = resources.map((r) => withAbsoluteAttachments(r, base));
      return writer === undefined || writer.add(resources);
    };
    try {
      if (source.patientData) {
        // Patient data is read a chunk of patients at a time, so memory stays bounded however many there are.
        let done = 0;
        const reads = readAhead(patientChunks(ctx, job), (chunk) =>
          source.inScope(ctx.db, { serviceIds: job.service_ids, patientIds: chunk }),
        );
        for await (const { chunk, value: read } of reads) {
          if (!(await take(read))) return false;
          done += chunk.length;
          const progress = `${percent(done)}% (${type}, ${thousands(done)} of ${thousands(patients)} patients)`;
          if (!(await setBulkExportProgress(ctx.db, job.id, progress))) return false;
        }
      } else {
        const scope: Scope = { serviceIds: job.service_ids, patientIds: job.patient_ids ?? undefined };
        if (!(await take(await source.inScope(ctx.db, scope)))) return false;
      }
      if (writer && !(await writer.close())) return false;
    } catch (err) {
      // A failed job's files are removed: no part may still be arriving when that happens.
      await writer?.settled();
      throw err;
    }
  }
  if (job.warnings.length > 0) {
    const issues = job.warnings.map((w) => ({
      severity: 'warning' as const,
      code: 'not-supported',
      diagnostics: w,
    }));
    const writer = new PartWriter(ctx, job, 'OperationOutcome', 'error', seq);
    if (!(await writer.add([operationOutcome(issues)])) || !(await writer.close())) return false;
  }
  return true;
}

/** Runs a job to its end; never throws (a failure marks the job failed). */
export async function runBulkExport(ctx: AppContext, job: BulkExportRow): Promise<void> {
  try {
    if (!(await startBulkExport(ctx.db, job.id))) return;
    if (await build(ctx, job)) await completeBulkExport(ctx.db, job.id, ctx.now());
  } catch (err) {
    // The error's kind only: a database message can quote the value it refused, which may be health data.
    const kind = err instanceof Error ? err.name : typeof err;
    await failBulkExport(ctx.db, job.id, `The export failed on the server (${kind}).`, ctx.now()).catch(
      () => undefined,
    );
  }
}

/** Starts a job in the background (not awaited). */
export function startInBackground(ctx: AppContext, job: BulkExportRow): void {
  void runBulkExport(ctx, job);
}

/** Restarts, from scratch, every job left accepted or in progress (after a restart); gives how many. */
export async function resumeBulkExports(ctx: AppContext): Promise<number> {
  const jobs = await runningBulkExports(ctx.db);
  for (const job of jobs) startInBackground(ctx, job);
  return jobs.length;
}
