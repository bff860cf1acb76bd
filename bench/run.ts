// Benchmarks (`npm run bench [-- --fresh] [--patients N] [--seed S] [--register-only] [--register-sizes 1000,10000]
// [--fhir-only] [--chart-only]`): figures printed, never a pass/fail of the build. Quick micro-benchmarks, then the national-scale
// data set on PostgreSQL: dashboard queries and the patient chart API under load, each beside the same work done by
// hand-written SQL or a bare HTTP handler, then the FHIR API (Bulk Data export, Observation search). `--fhir-only`
// goes straight to the FHIR part (generating the data set first when it is missing).
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { sealAuditChain, verifyAuditChain, type ChainVerification } from '../src/store/audit.ts';
import type { Database } from '../src/store/db.ts';
import { checkServer, openBenchDatabase, type DataSetSpec } from './bench-db.ts';
import {
  CONNECTIONS,
  load,
  samplePatients,
  signIn,
  startServer,
  SECONDS,
  type LoadResult,
} from './chart-api.ts';
import { bundleSizes, SIGN_IN_BUDGET_GZIP, signInPageGzip } from './bundle.ts';
import { dashboardScopes, measureDashboard, RUNS, type DashboardResult } from './dashboard.ts';
import { fhirBench, type ExportResult, type SearchResult } from './fhir.ts';
import {
  BENCH_CLINICIAN,
  BENCH_PASSWORD,
  BENCH_SUPERVISOR,
  ensureBenchUsers,
  generate,
  GENERATOR_VERSION,
} from './generate.ts';
import { pgliteSearchBench, scoringBench, searchBench } from './micro.ts';
import { outcomesFirstChart, outcomesPageUnavailable, type FirstChartResult } from './outcomes-page.ts';
import { registerGrowthBench } from './register-growth.ts';
import { measureReports, type ReportResult } from './reports.ts';
import { ms, table, timeRuns, type Timing } from './timing.ts';
import { twoServerBench, type TwoServerResult } from './two-servers.ts';

const out = (line = '') => process.stdout.write(`${line}\n`);
const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    fresh: { type: 'boolean' },
    patients: { type: 'string' },
    seed: { type: 'string' },
    'register-only': { type: 'boolean' },
    'register-sizes': { type: 'string' },
    'fhir-only': { type: 'boolean' },
    'chart-only': { type: 'boolean' },
  },
});
const fhirOnly = values['fhir-only'] === true;
// `--chart-only`: the data set, then the chart API and the two-server run only.
const chartOnly = values['chart-only'] === true;
const spec: DataSetSpec = {
  seed: Number(values.seed ?? 2026),
  patients: Number(values.patients ?? 100_000),
  generatorVersion: GENERATOR_VERSION,
};
const DASHBOARD_YEAR = 2025;

out(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
if (!fhirOnly && !chartOnly) {
  out('\n== micro-benchmarks ==');
  scoringBench();
  await pgliteSearchBench(1000);
}
const bundle = await bundleFigures();

out('\n== national scale on PostgreSQL ==');
let version: string;
try {
  version = await checkServer();
} catch (err) {
  out(err instanceof Error ? err.message : String(err));
  out(
    'The national-scale benchmark needs PostgreSQL: set DATABASE_URL to an admin connection (it creates kaspr_bench).',
  );
  process.exit(1);
}
out(version);

if (!fhirOnly && !chartOnly) {
  out('\n-- controlled-drug register growth: one write (recordLedgerEntry) as the register grows --');
  await registerGrowthBench(out, {
    fresh: values.fresh === true,
    ...(values['register-sizes'] ? { sizes: values['register-sizes'].split(',').map(Number) } : {}),
  });
  if (values['register-only'] === true) process.exit(0);
}

const { db, reuse } = await openBenchDatabase(spec, values.fresh === true);
if (reuse)
  out(
    `reusing the complete data set in kaspr_bench (seed ${spec.seed}, ${spec.patients} patients); --fresh regenerates`,
  );
else out(`generated in ${(await generate(db, spec)).toFixed(0)} s`);
await ensureBenchUsers(db);
await describeDataSet(db);
if (fhirOnly) {
  const fhir = await fhirBench(db, out);
  printSummary({
    dash: [],
    reports: [],
    loaded: [],
    reportTime: null,
    firstChart: null,
    fhir,
    twoServers: null,
    chain: null,
    bundle,
  });
  await db.close();
  process.exit(0);
}

if (!chartOnly) {
  out('\n-- registry search (all services) --');
  const serviceIds = (await db.query<{ id: string }>('SELECT id FROM services')).map((s) => s.id);
  await searchBench(db, 'postgres', serviceIds);
}

out(
  `\n-- dashboard: loadOutcomeSeries vs one hand-written statement (p50/p95 of ${RUNS} runs after a warm-up) --`,
);
const dashboards: DashboardResult[] = [];
for (const { label, scope } of chartOnly ? [] : await dashboardScopes(db, DASHBOARD_YEAR)) {
  const r = await measureDashboard(db, label, scope);
  dashboards.push(r);
  out(
    `${label.padEnd(42)} ours p50 ${ms(r.ours.p50)} p95 ${ms(r.ours.p95)}` +
      (r.handWritten
        ? `\n${' '.repeat(42)} hand-written p50 ${ms(r.handWritten.p50)} p95 ${ms(r.handWritten.p95)}  ratio ${(r.ours.p50 / r.handWritten.p50).toFixed(2)}` +
          `\n${' '.repeat(42)} before migration 010 (hand-written, base tables) p50 ${ms(r.baseTables?.p50 ?? 0)}  same figures, all three: ${r.agree ? 'yes' : 'NO'}`
        : '  (no hand-written counterpart)'),
  );
}

const reports: ReportResult[] = [];
if (!chartOnly) {
  out('\n-- service outcomes report (serviceOutcomes) vs hand-written SQL of its headline numbers --');
  reports.push(...(await measureReports(db, DASHBOARD_YEAR, out)));
}

out(
  `\n-- patient chart API: GET /api/v1/patients/:id, ${CONNECTIONS} connections, ${SECONDS} s each, after a 3 s warm-up --`,
);
const patientIds = await samplePatients(db, 5000);
const oneService = (await dashboardScopes(db, DASHBOARD_YEAR))[1]?.scope.serviceIds[0] ?? '';
const loads: LoadResult[] = [];
let report: Timing | null = null;
let firstChart: FirstChartResult | null = null;
let cookie = '';
for (const kind of ['kaspr', 'bare', 'raw'] as const) {
  const server = await startServer(kind);
  try {
    if (kind === 'kaspr') cookie = await signIn(server.url, BENCH_CLINICIAN, BENCH_PASSWORD);
    if (kind === 'kaspr' && !chartOnly) {
      const supervisor = await signIn(server.url, BENCH_SUPERVISOR, BENCH_PASSWORD);
      const path = `/api/v1/reports/service-outcomes?from=${DASHBOARD_YEAR}-01-01&to=${DASHBOARD_YEAR}-12-31&service=${oneService}`;
      report = await timeRuns(3, async () => {
        const res = await fetch(server.url + path, { headers: { cookie: supervisor } });
        if (res.status !== 200)
          throw new Error(`service-outcomes answered ${res.status}: ${await res.text()}`);
        await res.arrayBuffer();
      });
      out(
        `service-outcomes report (loadEpisodes + measures), one service, ${DASHBOARD_YEAR}: p50 ${ms(report.p50)} (3 runs)`,
      );
      const unavailable = outcomesPageUnavailable();
      if (unavailable) out(`outcomes page in a browser: not measured (${unavailable})`);
      else {
        firstChart = await outcomesFirstChart(
          server.url,
          { email: BENCH_SUPERVISOR, password: BENCH_PASSWORD },
          {
            serviceId: oneService,
            from: `${DASHBOARD_YEAR}-01-01`,
            to: `${DASHBOARD_YEAR}-12-31`,
          },
        );
        out(
          `outcomes page, one service, ${DASHBOARD_YEAR}, navigation to first chart in chromium: first visit ${ms(firstChart.cold)}, later visits p50 ${ms(firstChart.warmP50)} (${firstChart.runs} runs)`,
        );
      }
    }
    await load(kind, server.url, cookie, patientIds, 3);
    const r = await load(kind, server.url, cookie, patientIds);
    loads.push(r);
    out(
      `${kind.padEnd(6)} ${r.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  (${r.requests} requests, ${r.non2xx} non-2xx, ${r.errors} errors)`,
    );
  } finally {
    await server.stop();
  }
}
// The bare handler writes audit entries as the app does and leaves them to a sealer: seal them as an app would.
const sealedAfter = await sealAuditChain(db);
out(`the bare handler's audit entries sealed: ${sealedAfter.sealed}`);
const chain = await verifyAuditChain(db);
out(
  `audit chain after the load: ${chain.intact ? 'intact' : `BROKEN at ${chain.brokenAt?.seq ?? '?'}`} (${chain.rows} entries, ${chain.pending} pending)`,
);

out(
  `\n-- two app servers on one PostgreSQL: the chart API through both (${CONNECTIONS} connections in all), CD draws through both --`,
);
const twoServers = await twoServerBench(db, patientIds, SECONDS, out);

const fhir = chartOnly ? null : await fhirBench(db, out);
printSummary({
  dash: dashboards,
  reports,
  loaded: loads,
  reportTime: report,
  firstChart,
  fhir,
  twoServers,
  chain,
  bundle,
});
await db.close();

/** The web app's built assets and the sign-in page's JavaScript against its budget (web/dist; null if not built). */
async function bundleFigures(): Promise<{ signInGzip: number } | null> {
  out('\n-- web app bundle (web/dist as `npm run build` leaves it) --');
  try {
    const sizes = await bundleSizes();
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    out(
      table([
        ['asset', 'raw', 'gzip', 'brotli'],
        ...sizes.map((a) => [a.name, kb(a.raw), kb(a.gzip), kb(a.brotli)]),
      ]),
    );
    const signInGzip = await signInPageGzip();
    out(`sign-in page JavaScript: ${kb(signInGzip)} gzipped (budget ${kb(SIGN_IN_BUDGET_GZIP)})`);
    return { signInGzip };
  } catch (err) {
    out(`web/dist is not built (${err instanceof Error ? err.message : String(err)}); run npm run build`);
    return null;
  }
}

async function describeDataSet(database: Database): Promise<void> {
  const tables = [
    'patients',
    'patient_versions',
    'harm_assessments',
    'harm_decisions',
    'questionnaire_responses',
    'care_plans',
    'appointments',
    'appointment_events',
    'onward_referrals',
    'crisis_events',
    'crisis_event_retractions',
    'outcome_assessment_facts',
    'outcome_first_assessments',
    'outcome_appointment_states',
    'audit_log',
  ];
  const rows = await database.query<{ t: string; n: number; size: string }>(
    `SELECT t, (xpath('/row/n/text()', query_to_xml('SELECT count(*) AS n FROM ' || t, false, true, '')))[1]::text::bigint AS n,
            pg_size_pretty(pg_total_relation_size(t::regclass)) AS size FROM unnest($1::text[]) t`,
    [tables],
  );
  out(table([['table', 'rows', 'size'], ...rows.map((r) => [r.t, String(r.n), r.size])]));
}

interface SummaryInput {
  dash: readonly DashboardResult[];
  reports: readonly ReportResult[];
  loaded: readonly LoadResult[];
  reportTime: Timing | null;
  firstChart: FirstChartResult | null;
  fhir: { exported: ExportResult; search: SearchResult } | null;
  twoServers: TwoServerResult | null;
  chain: ChainVerification | null;
  bundle: { signInGzip: number } | null;
}

function printSummary({
  dash,
  reports,
  loaded,
  reportTime,
  firstChart,
  fhir,
  twoServers,
  chain,
  bundle,
}: SummaryInput): void {
  const org = dash[0];
  const kaspr = loaded.find((l) => l.server === 'kaspr');
  const bare = loaded.find((l) => l.server === 'bare');
  const raw = loaded.find((l) => l.server === 'raw');
  const rows: string[][] = [['measure', 'ours', 'baseline', 'ratio', 'target', 'met']];
  for (const d of dash) {
    const ratio = d.handWritten ? d.ours.p50 / d.handWritten.p50 : null;
    const isOrg = d === org;
    rows.push([
      `dashboard: ${d.label}`,
      `p50 ${ms(d.ours.p50)}`,
      d.handWritten ? `p50 ${ms(d.handWritten.p50)} (hand-written)` : '—',
      ratio === null ? '—' : ratio.toFixed(2),
      isOrg ? '< 500 ms and ratio ≤ 2' : d.handWritten ? 'ratio ≤ 2' : '(information)',
      isOrg
        ? d.ours.p50 < 500 && ratio !== null && ratio <= 2 && d.agree
          ? 'yes'
          : 'NO'
        : ratio === null
          ? '—'
          : ratio <= 2 && d.agree
            ? 'yes'
            : 'NO',
    ]);
  }
  for (const r of reports) {
    const ratio = r.handWritten ? r.ours.p50 / r.handWritten.p50 : null;
    rows.push([
      `report: ${r.label}`,
      `p50 ${ms(r.ours.p50)}`,
      r.handWritten ? `p50 ${ms(r.handWritten.p50)} (hand-written headline)` : '—',
      ratio === null ? '—' : ratio.toFixed(2),
      `< ${ms(r.targetMs)}, same headline numbers`,
      r.ours.p50 < r.targetMs && r.agree !== false ? 'yes' : 'NO',
    ]);
  }
  if (kaspr && raw) {
    const ratio = kaspr.requestsPerSecond / raw.requestsPerSecond;
    const intact = chain?.intact === true;
    rows.push([
      `chart API at ${CONNECTIONS} connections vs the no-audit read ceiling`,
      `${kaspr.requestsPerSecond.toFixed(0)} req/s, p99 ${kaspr.p99} ms`,
      `${raw.requestsPerSecond.toFixed(0)} req/s, p99 ${raw.p99} ms (raw)`,
      ratio.toFixed(2),
      '≥ 0.5 × raw, p99 ≤ 100 ms, chain intact',
      ratio >= 0.5 && kaspr.p99 <= 100 && kaspr.non2xx === 0 && intact ? 'yes' : 'NO',
    ]);
  }
  if (kaspr && bare) {
    rows.push([
      `chart API at ${CONNECTIONS} connections vs a bare handler`,
      `${kaspr.requestsPerSecond.toFixed(0)} req/s, p99 ${kaspr.p99} ms`,
      `${bare.requestsPerSecond.toFixed(0)} req/s, p99 ${bare.p99} ms (bare)`,
      (kaspr.requestsPerSecond / bare.requestsPerSecond).toFixed(2),
      '(information)',
      '—',
    ]);
  }
  if (chain) {
    rows.push([
      'audit chain after the single-server load',
      `${chain.intact ? 'intact' : 'BROKEN'}, ${chain.rows} entries`,
      `${chain.pending} pending`,
      '—',
      'intact',
      chain.intact ? 'yes' : 'NO',
    ]);
  }
  if (twoServers) {
    const t = twoServers;
    const ok =
      t.audit.intact &&
      t.audit.pending === 0 &&
      t.ledgerIntact &&
      t.balancesAgree &&
      t.non2xx === 0 &&
      t.draws.acknowledged > 0 &&
      t.draws.inRegister === t.draws.acknowledged;
    rows.push([
      'two app servers, one PostgreSQL, one session',
      `${t.requestsPerSecond.toFixed(0)} req/s, p99 ${t.p99} ms; ${t.draws.acknowledged} CD draws`,
      kaspr ? `${kaspr.requestsPerSecond.toFixed(0)} req/s (one server)` : '—',
      kaspr ? (t.requestsPerSecond / kaspr.requestsPerSecond).toFixed(2) : '—',
      'audit chain intact, 0 pending; register chain and balances verify; every draw once; 0 non-2xx',
      ok ? 'yes' : 'NO',
    ]);
  }
  if (reportTime)
    rows.push([
      'service-outcomes report, one service (HTTP)',
      `p50 ${ms(reportTime.p50)}`,
      '—',
      '—',
      '(information)',
      '—',
    ]);
  if (firstChart)
    rows.push([
      'outcomes page, one service: first chart drawn (chromium, first visit)',
      ms(firstChart.cold),
      `${ms(firstChart.warmP50)} (later visits, p50)`,
      '—',
      '< 1 s',
      firstChart.cold < 1000 ? 'yes' : 'NO',
    ]);
  if (bundle) {
    rows.push([
      'sign-in page JavaScript, gzipped',
      `${(bundle.signInGzip / 1024).toFixed(1)} KB`,
      `${(SIGN_IN_BUDGET_GZIP / 1024).toFixed(0)} KB budget`,
      (bundle.signInGzip / SIGN_IN_BUDGET_GZIP).toFixed(2),
      '≤ budget (npm run build fails above it)',
      bundle.signInGzip <= SIGN_IN_BUDGET_GZIP ? 'yes' : 'NO',
    ]);
  }
  if (fhir) {
    const { exported, search } = fhir;
    rows.push(
      [
        'FHIR $export, system level',
        `${exported.resourcesPerSecond.toFixed(0)} resources/s`,
        `${exported.resources} resources, ${exported.files} files`,
        '—',
        '≥ 20,000 resources/s',
        exported.resourcesPerSecond >= 20_000 ? 'yes' : 'NO',
      ],
      [
        'FHIR $export, server peak RSS',
        `${exported.rssHighWaterMiB.toFixed(0)} MiB`,
        `${exported.rssBeforeMiB.toFixed(0)} MiB before`,
        '—',
        '(information)',
        '—',
      ],
      [
        'FHIR Observation?patient=',
        `p50 ${ms(search.p50)}, p99 ${ms(search.p99)}`,
        `${search.patients} patients`,
        '—',
        'p50 ≤ 20 ms',
        search.p50 <= 20 && search.non200 === 0 ? 'yes' : 'NO',
      ],
    );
  }
  out('\n== summary ==');
  out(table(rows));
}
