#!/usr/bin/env node
// CI's second Node: installs Node <major> (default 24) from the npm registry into a scratch folder, then with it first
// on PATH runs the unit tests, the API tests on the embedded engine and `npm start` until /readyz answers.
// Prints one summary line for the leg, then the total of every suite in .test-output (npm test's and this leg's).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { failedTestLines } from './failed-tests.mjs';

const major = process.argv[2] ?? '24';
const prefix = process.env.KASPR_NODE_PREFIX || join(tmpdir(), `kaspr-node${major}`);
const OUT = '.test-output';
mkdirSync(OUT, { recursive: true });

const steps = [];
const failures = [];
const totals = { passed: 0, failed: 0, skipped: 0 };

function versionOf(bin) {
  if (!existsSync(bin)) return undefined;
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** The `node` package's bin/node (its preinstall fetches the platform package); else the platform package itself. */
function installNode() {
  const candidates = [
    join(prefix, 'node_modules', 'node', 'bin', 'node'),
    join(prefix, 'node_modules', `node-${process.platform}-${process.arch}`, 'bin', 'node'),
  ];
  const found = () => candidates.find((b) => versionOf(b)?.startsWith(`v${major}.`));
  if (found()) return found();
  for (const pkg of [`node@${major}`, `node-${process.platform}-${process.arch}@${major}`]) {
    process.stdout.write(`\n=== installing ${pkg} into ${prefix}\n`);
    spawnSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', pkg], {
      stdio: 'inherit',
    });
    if (found()) return found();
  }
  return undefined;
}

const bin = installNode();
if (!bin) {
  process.stdout.write(`FAILED: could not install Node ${major} from the npm registry into ${prefix}\n`);
  process.stdout.write(`node ${major}: leg FAILED (no Node ${major})\n`);
  process.exit(1);
}
const version = versionOf(bin);
const binDir = join(bin, '..');
const env = { ...process.env, PATH: `${binDir}:${process.env.PATH ?? ''}` };
// npm run sets these to the Node that ran npm; the children must not fall back to it.
delete env.npm_node_execpath;
delete env.NODE;

/** `node --version` through npx, as the suites' own child processes will find Node. */
const seen = spawnSync('npx', ['node', '--version'], { env, encoding: 'utf8' }).stdout?.trim();
if (seen !== version) failures.push(`npx finds Node ${seen ?? 'none'}, not ${version}`);

function vitest(label, project, extraEnv = {}) {
  const file = `${OUT}/node${major}-${label.replace(/\W+/g, '-')}.json`;
  rmSync(file, { force: true });
  process.stdout.write(`\n=== node ${major}: ${label}\n`);
  const r = spawnSync(
    'npx',
    ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${file}`],
    { stdio: 'inherit', env: { ...env, ...extraEnv } },
  );
  if (!existsSync(file)) {
    failures.push(label);
    steps.push(`${label} did not report`);
    return;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if (r.status !== 0 || report.numFailedTests > 0) failures.push(label);
  steps.push(`${label} ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
}

/** Descendant pids of `pid` (Linux /proc), to find the server under npm and its shell. */
function descendants(pid) {
  const path = `/proc/${pid}/task/${pid}/children`;
  if (!existsSync(path)) return [];
  const kids = readFileSync(path, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  return kids.flatMap((k) => [k, ...descendants(k)]);
}

/** `npm start` (the web build included) on a scratch data folder: /readyz must answer, on this Node, then SIGTERM. */
async function npmStart() {
  process.stdout.write(`\n=== node ${major}: npm start until /readyz\n`);
  const dataDir = mkdtempSync(join(tmpdir(), `kaspr-node${major}-start-`));
  const port = 3900 + Math.floor(Math.random() * 90);
  const child = spawn('npm', ['start'], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', KASPR_DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  let ready = false;
  const deadline = Date.now() + 180_000;
  while (!ready && Date.now() < deadline && child.exitCode === null) {
    try {
      ready = (await globalThis.fetch(`http://127.0.0.1:${port}/readyz`)).ok;
    } catch {
      /* not listening yet */
    }
    if (!ready) await sleep(250);
  }
  const exes = descendants(child.pid).map((p) => {
    try {
      return readlinkSync(`/proc/${p}/exe`);
    } catch {
      return '';
    }
  });
  if (!ready) process.kill(-child.pid, 'SIGKILL');
  const onThisNode = exes.includes(bin) && exes.every((e) => !/\/node$/.test(e) || e === bin);
  child.kill('SIGTERM');
  const code = await Promise.race([exited, sleep(30_000, 'timeout')]);
  // Its own process group: npm, its shell and the server all go if the stop does not finish.
  if (code === 'timeout') process.kill(-child.pid, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  const ok = ready && onThisNode && code === 0;
  if (!ok) failures.push('npm start');
  steps.push(
    `npm start ${ready ? 'ready' : 'NOT ready'}${onThisNode ? '' : ' (not on this Node)'}, stop exit ${code}`,
  );
}

process.stdout.write(`\n=== node ${major}: ${version} at ${bin}\n`);
vitest('unit', 'unit');
vitest('api (pglite)', 'api', { KASPR_TEST_DB: 'pglite' });
await npmStart();

const failedTests = [];
for (const file of readdirSync(OUT).filter((f) => f.endsWith('.json'))) {
  const report = JSON.parse(readFileSync(join(OUT, file), 'utf8'));
  failedTests.push(...failedTestLines(join(OUT, file), file.replace(/-?\.json$/, '')));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
}
process.stdout.write(`\n=== node ${major} summary\n`);
for (const f of failures) process.stdout.write(`FAILED: ${f} on Node ${version}\n`);
process.stdout.write(
  `node ${major} (${version}): ${failures.length === 0 ? 'PASSED' : 'FAILED'}; ${steps.join('; ')}\n`,
);
process.stdout.write(`all suites in ${OUT} (npm test on this machine's Node, then Node ${major}):\n`);
process.stdout.write(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
for (const t of failedTests) process.stdout.write(`failed test: ${t}\n`);
process.exit(failures.length > 0 ? 1 : 0);
