#!/usr/bin/env node
// `npm test`: lint, typecheck, and every suite — unit, API on both engines, browser on both engines — with one summary.
// `npm run test:heavy` (`--heavy`): the slow resilience suites instead — fuzzing, crashes, restores, clean stops, a
// frozen database and the idle timeout in a browser — on both engines.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { failedTestLines } from './failed-tests.mjs';

const CI = process.env.CI === 'true' || process.env.CI === '1';
const HEAVY = process.argv.includes('--heavy');
const OUT = '.test-output';
const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/test';
const CHROMIUM = process.env.KASPR_CHROMIUM || '/usr/bin/chromium';

// The heavy step adds its reports beside npm test's, so CI's last summary counts every suite.
if (!HEAVY) rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
/** Each failed test, named (see failed-tests.mjs), for the summary. */
const failedTests = [];
const notes = [];

function run(label, cmd, args, env = {}) {
  process.stdout.write(`\n=== ${label}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) failures.push(label);
  return r.status === 0;
}

/** A run's label as a file name ("api (pglite)" → "api-pglite-"). */
const slug = (label) => label.replace(/\W+/g, '-');

/**
 * Runs commands at the same time (two cores: the embedded engine's suite is busy in Node while PostgreSQL's waits on
 * its server), each writing to its own log, printed whole in order once all have ended so the output stays readable.
 */
async function runTogether(jobs) {
  const ended = jobs.map(
    ({ label, cmd, args, env = {} }) =>
      new Promise((resolve) => {
        const logFile = `${OUT}/${slug(label)}.log`;
        const log = createWriteStream(logFile);
        const child = spawn(cmd, args, { env: { ...process.env, ...env, FORCE_COLOR: '1' } });
        child.stdout.pipe(log, { end: false });
        child.stderr.pipe(log, { end: false });
        child.on('close', (code) => log.end(() => resolve({ label, code, logFile })));
      }),
  );
  for (const { label, code, logFile } of await Promise.all(ended)) {
    process.stdout.write(`\n=== ${label}\n`);
    process.stdout.write(readFileSync(logFile));
    if (code !== 0) failures.push(label);
  }
}

const vitestArgs = (project, file) => [
  'vitest',
  'run',
  '--project',
  project,
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${file}`,
];
const reportFile = (label) => `${OUT}/${slug(label)}.json`;

function vitest(label, project, env = {}) {
  run(label, 'npx', vitestArgs(project, reportFile(label)), env);
  count(label);
}

/** Several vitest runs at once (see runTogether). */
async function vitestTogether(runs) {
  await runTogether(
    runs.map(({ label, project, env }) => ({
      label,
      cmd: 'npx',
      args: vitestArgs(project, reportFile(label)),
      env,
    })),
  );
  for (const { label } of runs) count(label);
}

/** Adds a run's JSON report to the totals (a run that wrote none counts as a failure). */
function count(label) {
  const file = reportFile(label);
  if (!existsSync(file)) {
    totals.failed += 1;
    return;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  failedTests.push(...failedTestLines(file, label));
}

function reachable(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 5432) });
    socket.setTimeout(1500);
    socket.on('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

if (!HEAVY) {
  // The static checks and the unit tests at once: they share nothing.
  await runTogether([
    { label: 'lint', cmd: 'npx', args: ['eslint', '.', '--max-warnings', '0'] },
    {
      label: 'format',
      cmd: 'npx',
      args: [
        'prettier',
        '--check',
        '--log-level',
        'warn',
        'src',
        'test',
        'e2e',
        'web/src',
        'bench',
        'scripts',
      ],
    },
    { label: 'typecheck', cmd: 'npx', args: ['tsc', '-p', 'tsconfig.json', '--noEmit'] },
  ]);
  vitest('unit', 'unit');
}

const pgUrl = process.env.DATABASE_URL || DEFAULT_PG;
const pgAvailable = await reachable(pgUrl);
if (CI && !pgAvailable) failures.push(`PostgreSQL at ${pgUrl} is required under CI but does not answer`);

const engines = ['pglite'];
if (pgAvailable) engines.push('postgres');
else notes.push(`PostgreSQL suites skipped: nothing answers at ${pgUrl} (set DATABASE_URL to run them).`);

const engineRuns = (project) =>
  engines.map((engine) => ({
    label: `${project} (${engine})`,
    project,
    env: { KASPR_TEST_DB: engine, DATABASE_URL: pgUrl, KASPR_CHROMIUM: CHROMIUM },
  }));
// The two engines' suites run at once. The heavy API suites (deadlines, kills, stops) run one engine at a time, so
// their timing assertions are not measured against a second suite's load; the heavy browser suite mostly waits out
// idle timeouts, so its two engines wait together.
async function onEachEngine(project) {
  if (project === 'api-heavy') for (const r of engineRuns(project)) vitest(r.label, r.project, r.env);
  else await vitestTogether(engineRuns(project));
}

await onEachEngine(HEAVY ? 'api-heavy' : 'api');

const haveChromium = existsSync(CHROMIUM);
if (CI && !haveChromium)
  failures.push(`Chromium is required under CI but ${CHROMIUM} is missing (apt-get install chromium)`);
if (haveChromium) {
  if (run('build web app', 'npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']))
    await onEachEngine(HEAVY ? 'e2e-heavy' : 'e2e');
} else {
  notes.push(
    `Browser suites skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set KASPR_CHROMIUM).`,
  );
}

process.stdout.write('\n=== summary\n');
for (const n of notes) process.stdout.write(`note: ${n}\n`);
for (const f of failures) process.stdout.write(`FAILED: ${f}\n`);
for (const t of failedTests) process.stdout.write(`failed test: ${t}\n`);
process.stdout.write(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(failures.length > 0 || totals.failed > 0 ? 1 : 0);
