// The FHIR API at national scale: a system-level Bulk Data `$export` of the whole data set (resources per second,
// the server's peak memory, files) and `GET /fhir/R4/Observation?patient=<id>` latency over sampled patients.
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Database } from '../src/store/db.ts';
import { samplePatients, signIn, startServer } from './chart-api.ts';
import { BENCH_PASSWORD, BENCH_SUPERVISOR } from './generate.ts';
import { ms, table } from './timing.ts';

const FHIR = '/fhir/R4';
/** Patients whose Observations are searched, after `SEARCH_WARMUP` unmeasured searches. */
export const SEARCH_PATIENTS = 300;
const SEARCH_WARMUP = 20;
const POLL_MS = 1000;
const RSS_SAMPLE_MS = 200;

export interface ExportResult {
  readonly seconds: number;
  readonly resources: number;
  readonly files: number;
  readonly byType: readonly { type: string; count: number; files: number }[];
  readonly resourcesPerSecond: number;
  /** The server process's resident set: before the export, the highest sampled during it, and the kernel's peak. */
  readonly rssBeforeMiB: number;
  readonly rssPeakSampledMiB: number;
  readonly rssHighWaterMiB: number;
}

export interface SearchResult {
  readonly p50: number;
  readonly p99: number;
  readonly patients: number;
  readonly observationsPerPatient: number;
  readonly non200: number;
}

interface Manifest {
  output: { type: string; url: string; count: number }[];
  error: { type: string; url: string; count: number }[];
}

/** The pid of this process's child running bench/serve.ts (Linux /proc), for sampling its memory. */
function serverPid(): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (ppid === process.pid && cmdline.includes('serve.ts')) return Number(entry);
    } catch {
      // The process ended while the table was read.
    }
  }
  return undefined;
}

/** One field of /proc/<pid>/status in MiB (VmRSS, VmHWM), or 0 when it cannot be read. */
function statusMiB(pid: number | undefined, field: 'VmRSS' | 'VmHWM'): number {
  if (pid === undefined) return 0;
  try {
    const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
      readFileSync(`/proc/${pid}/status`, 'utf8'),
    )?.[1];
    return kb === undefined ? 0 : Number(kb) / 1024;
  } catch {
    return 0;
  }
}

const percentile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;

/** A system-level export by a user of every service, from kick-off to the manifest; the job is deleted after. */
async function measureExport(
  url: string,
  cookie: string,
  out: (line: string) => void,
): Promise<ExportResult> {
  const pid = serverPid();
  const rssBeforeMiB = statusMiB(pid, 'VmRSS');
  let rssPeakSampledMiB = rssBeforeMiB;
  const sampler = setInterval(() => {
    rssPeakSampledMiB = Math.max(rssPeakSampledMiB, statusMiB(pid, 'VmRSS'));
  }, RSS_SAMPLE_MS);
  const headers = { cookie, prefer: 'respond-async', accept: 'application/fhir+json' };
  const start = performance.now();
  try {
    const kick = await fetch(`${url}${FHIR}/$export`, { headers });
    if (kick.status !== 202) throw new Error(`$export answered ${kick.status}: ${await kick.text()}`);
    const status = kick.headers.get('content-location') ?? '';
    let lastProgress = '';
    let lastPrinted = 0;
    for (;;) {
      const res = await fetch(status, { headers: { cookie } });
      if (res.status === 200) {
        const seconds = (performance.now() - start) / 1000;
        const manifest = (await res.json()) as Manifest;
        const rssHighWaterMiB = statusMiB(pid, 'VmHWM');
        await fetch(status, { method: 'DELETE', headers: { cookie } });
        const byType = new Map<string, { count: number; files: number }>();
        for (const o of manifest.output) {
          const t = byType.get(o.type) ?? { count: 0, files: 0 };
          byType.set(o.type, { count: t.count + o.count, files: t.files + 1 });
        }
        const resources = manifest.output.reduce((n, o) => n + o.count, 0);
        return {
          seconds,
          resources,
          files: manifest.output.length,
          byType: [...byType].map(([type, t]) => ({ type, ...t })),
          resourcesPerSecond: resources / seconds,
          rssBeforeMiB,
          rssPeakSampledMiB,
          rssHighWaterMiB,
        };
      }
      if (res.status !== 202) throw new Error(`export status answered ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
      const progress = res.headers.get('x-progress') ?? '';
      const elapsed = (performance.now() - start) / 1000;
      if (progress !== lastProgress && elapsed - lastPrinted >= 15) {
        out(
          `  ${elapsed.toFixed(0).padStart(5)} s  ${progress}  (server RSS ${statusMiB(pid, 'VmRSS').toFixed(0)} MiB)`,
        );
        lastProgress = progress;
        lastPrinted = elapsed;
      }
      await new Promise((done) => setTimeout(done, POLL_MS));
    }
  } finally {
    clearInterval(sampler);
  }
}

/** `Observation?patient=<id>` for each patient in turn (one connection), after a warm-up. */
async function measureSearch(
  url: string,
  cookie: string,
  patients: readonly string[],
): Promise<SearchResult> {
  const once = async (id: string) => {
    const t = performance.now();
    const res = await fetch(`${url}${FHIR}/Observation?patient=${id}`, {
      headers: { cookie, accept: 'application/fhir+json' },
    });
    const bundle = (await res.json()) as { total?: number; entry?: unknown[] };
    return {
      ms: performance.now() - t,
      ok: res.status === 200,
      total: bundle.total ?? bundle.entry?.length ?? 0,
    };
  };
  for (const id of patients.slice(0, SEARCH_WARMUP)) await once(id);
  const samples: number[] = [];
  let observations = 0;
  let non200 = 0;
  for (const id of patients) {
    const r = await once(id);
    samples.push(r.ms);
    observations += r.total;
    if (!r.ok) non200 += 1;
  }
  samples.sort((a, b) => a - b);
  return {
    p50: percentile(samples, 0.5),
    p99: percentile(samples, 0.99),
    patients: patients.length,
    observationsPerPatient: observations / patients.length,
    non200,
  };
}

/** Runs both measurements against the real app in its own process and prints them; gives them for the summary. */
export async function fhirBench(
  db: Database,
  out: (line?: string) => void,
): Promise<{ exported: ExportResult; search: SearchResult }> {
  const [counts] = await db.query<{ patients: number; responses: number }>(
    `SELECT (SELECT count(*)::int FROM patients) AS patients,
            (SELECT count(*)::int FROM questionnaire_responses) AS responses`,
  );
  const patients = await samplePatients(db, SEARCH_PATIENTS);
  // An export an earlier run left (stopped part-way) would be resumed by the server and block the new kick-off.
  await db.query('DELETE FROM bulk_exports');
  const server = await startServer('kaspr');
  try {
    const cookie = await signIn(server.url, BENCH_SUPERVISOR, BENCH_PASSWORD);
    out(`\n-- FHIR Bulk Data: system-level $export of every service (${counts?.patients ?? 0} patients) --`);
    const exported = await measureExport(server.url, cookie, out);
    out(
      table([
        ['type', 'resources', 'files'],
        ...exported.byType.map((t) => [t.type, String(t.count), String(t.files)]),
        ['total', String(exported.resources), String(exported.files)],
      ]),
    );
    out(
      `${exported.resources} resources in ${exported.seconds.toFixed(1)} s: ${exported.resourcesPerSecond.toFixed(0)} resources/s` +
        `\nserver RSS (/proc/<pid>/status): ${exported.rssBeforeMiB.toFixed(0)} MiB before, peak sampled every ${RSS_SAMPLE_MS} ms ${exported.rssPeakSampledMiB.toFixed(0)} MiB, VmHWM ${exported.rssHighWaterMiB.toFixed(0)} MiB`,
    );
    const observations = exported.byType.find((t) => t.type === 'Observation')?.count ?? 0;
    out(
      `\n-- FHIR search: GET ${FHIR}/Observation?patient=<id>, ${SEARCH_PATIENTS} sampled patients, one at a time after ${SEARCH_WARMUP} warm-up searches --`,
    );
    out(
      `the data set holds ${observations} Observations (${counts?.responses ?? 0} questionnaire responses, each with its total)`,
    );
    const search = await measureSearch(server.url, cookie, patients);
    out(
      `p50 ${ms(search.p50)}  p99 ${ms(search.p99)}  (${search.observationsPerPatient.toFixed(1)} Observations a patient on average, ${search.non200} non-200)`,
    );
    return { exported, search };
  } finally {
    await server.stop();
  }
}
