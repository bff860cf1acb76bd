#!/usr/bin/env node
// `npm test`: lint, typecheck, and every suite — unit, API on both engines, browser on both engines — with one summary.
// `npm run test:heavy` (`--heavy`): the slow resilience suites instead — fuzzing, crashes, restores, clean stops, a
// frozen database and the idle timeout in a browser — on both engines.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';

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
const notes = [];

function run(label, cmd, args, env = {}) {
  process.stdout.write(`\n=== ${label}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) failures.push(label);
  return r.status === 0;
}

function vitest(label, project, env = {}) {
  const file = `${OUT}/${label.replace(/\W+/g, '-')}.json`;
  run(
    label,
    'npx',
    ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${file}`],
    env,
  );
  if (!existsSync(file)) {
    totals.failed += 1;
    return;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
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
  run('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
  run('format', 'npx', [
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
  ]);
  run('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
  vitest('unit', 'unit');
}

const pgUrl = process.env.DATABASE_URL || DEFAULT_PG;
const pgAvailable = await reachable(pgUrl);
if (CI && !pgAvailable) failures.push(`PostgreSQL at ${pgUrl} is required under CI but does not answer`);

const engines = ['pglite'];
if (pgAvailable) engines.push('postgres');
else notes.push(`PostgreSQL suites skipped: nothing answers at ${pgUrl} (set DATABASE_URL to run them).`);

for (const engine of engines) {
  const project = HEAVY ? 'api-heavy' : 'api';
  vitest(`${project} (${engine})`, project, { KASPR_TEST_DB: engine, DATABASE_URL: pgUrl });
}

const haveChromium = existsSync(CHROMIUM);
if (CI && !haveChromium)
  failures.push(`Chromium is required under CI but ${CHROMIUM} is missing (apt-get install chromium)`);
if (haveChromium) {
  if (
    run('build web app', 'npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'])
  ) {
    for (const engine of engines)
      vitest(`${HEAVY ? 'e2e-heavy' : 'e2e'} (${engine})`, HEAVY ? 'e2e-heavy' : 'e2e', {
        KASPR_TEST_DB: engine,
        DATABASE_URL: pgUrl,
        KASPR_CHROMIUM: CHROMIUM,
      });
  }
} else {
  notes.push(
    `Browser suites skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set KASPR_CHROMIUM).`,
  );
}

process.stdout.write('\n=== summary\n');
for (const n of notes) process.stdout.write(`note: ${n}\n`);
for (const f of failures) process.stdout.write(`FAILED: ${f}\n`);
process.stdout.write(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(failures.length > 0 || totals.failed > 0 ? 1 : 0);
