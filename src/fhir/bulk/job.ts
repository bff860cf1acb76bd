// Runs a Bulk Data export job in the background, in this process: for each type, the resources in the job's scope
// (the services kept with the job, narrowed to its patients), only their latest version, changed after `_since` and
// not after the job's transaction time, written as NDJSON parts of one type each, split at a size limit so no part
// is held whole beyond it. A cancelled job stops at the next part; a failure marks the job failed. Jobs are rows in
// the database: `resumeBulkExports` restarts, from scratch, those a stopped server left accepted or in progress.
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

/** Writes resources as NDJSON parts of at most the part limit; false when the job stopped (cancelled). */
async function writeParts(
  ctx: AppContext,
  job: BulkExportRow,
  type: string,
  kind: 'output' | 'error',
  resources: readonly object[],
  seq: { next: number },
): Promise<boolean> {
  let lines: string[] = [];
  let bytes = 0;
  let part = 0;
  const flush = async () => {
    part += 1;
    const name = `${type}-${part}.ndjson`;
    const body = lines.join('');
    const file = { name, kind, type, seq: seq.next++, count: lines.length, body };
    lines = [];
    bytes = 0;
    return addBulkExportFile(ctx.db, job.id, file);
  };
  for (const r of resources) {
    const line = `${JSON.stringify(r)}\n`;
    const size = Buffer.byteLength(line);
    if (lines.length > 0 && bytes + size > partLimitBytes && !(await flush())) return false;
    lines.push(line);
    bytes += size;
  }
  return lines.length === 0 || (await flush());
}

/** Builds a job's files; false when it stopped because it was cancelled. */
async function build(ctx: AppContext, job: BulkExportRow): Promise<boolean> {
  const scope: Scope = { serviceIds: job.service_ids, patientIds: job.patient_ids ?? undefined };
  const since = job.since === null ? undefined : Date.parse(job.since);
  const transaction = new Date(job.transaction_time).getTime();
  const types = job.types;
  const seq = { next: 1 };
  const referenced = new Set<string>();
  // At Patient and Group level the compartment is read (for its references) even when not all of it is asked for.
  const steps =
    job.level === 'system'
      ? types
      : [...COMPARTMENT_TYPES, ...REFERENCED_TYPES.filter((t) => types.includes(t))];
  for (const [n, type] of steps.entries()) {
    const progress = `${Math.floor((100 * n) / steps.length)}% (${type})`;
    if (!(await setBulkExportProgress(ctx.db, job.id, progress))) return false;
    const source = RESOURCE_TYPES.get(type);
    if (!source) continue;
    let resources = (await source.inScope(ctx.db, scope)).filter((r) => inWindow(r, since, transaction));
    if (job.level !== 'system') {
      if (COMPARTMENT_TYPES.includes(type)) for (const r of resources) collectReferences(r, referenced);
      else resources = resources.filter((r) => referenced.has(`${r.resourceType}/${r.id}`));
    }
    if (!types.includes(type)) continue;
    if (!(await writeParts(ctx, job, type, 'output', resources, seq))) return false;
  }
  if (job.warnings.length > 0) {
    const issues = job.warnings.map((w) => ({
      severity: 'warning' as const,
      code: 'not-supported',
      diagnostics: w,
    }));
    if (!(await writeParts(ctx, job, 'OperationOutcome', 'error', [operationOutcome(issues)], seq)))
      return false;
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
