// Benchmarks (`npm run bench`): figures printed, never a pass/fail. Scoring throughput and registry search latency.
import { performance } from 'node:perf_hooks';
import { scoreInstrument } from '../src/domain/instruments/registry.ts';
import { syntheticPatient } from '../src/cli/demo/population.ts';
import { seededRandom } from '../src/cli/demo/random.ts';
import { openPglite, openPostgres, type Database } from '../src/store/db.ts';
import { migrate } from '../src/store/migrate.ts';
import { contentOf, insertPatient, searchPatients } from '../src/store/patients.ts';
import { insertService } from '../src/store/services.ts';
import { insertUser } from '../src/store/users.ts';

function time(label: string, runs: number, fn: () => unknown): void {
  const start = performance.now();
  for (let i = 0; i < runs; i += 1) fn();
  const ms = performance.now() - start;
  process.stdout.write(`${label.padEnd(44)} ${(runs / (ms / 1000)).toFixed(0).padStart(10)} ops/s\n`);
}

async function timeAsync(label: string, runs: number, fn: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const p50 = samples[Math.floor(runs * 0.5)] ?? 0;
  const p95 = samples[Math.floor(runs * 0.95)] ?? 0;
  process.stdout.write(`${label.padEnd(44)} p50 ${p50.toFixed(2)} ms  p95 ${p95.toFixed(2)} ms\n`);
  return p50;
}

async function searchBench(db: Database, engine: string, patients: number): Promise<void> {
  await migrate(db);
  const random = seededRandom(7);
  const today = new Date(Date.UTC(2026, 0, 1));
  const service = await db.transaction((tx) => insertService(tx, `Bench ${Date.now()}`));
  const user = await db.transaction((tx) =>
    insertUser(tx, {
      email: `bench${Date.now()}@example.org`,
      displayName: 'Bench',
      passwordHash: null,
      roles: ['practitioner'],
      serviceIds: [service.id],
    }),
  );
  const t0 = performance.now();
  for (let start = 0; start < patients; start += 500) {
    await db.transaction(async (tx) => {
      for (let i = start; i < Math.min(patients, start + 500); i += 1) {
        await insertPatient(tx, service.id, contentOf(syntheticPatient(random, i, today)), user, today);
      }
    });
  }
  process.stdout.write(
    `${engine}: registered ${patients} patients in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
  );
  const ours = await timeAsync(`${engine}: search by family-name prefix`, 200, () =>
    searchPatients(db, [service.id], 'holl', 50),
  );
  const bare = await timeAsync(`${engine}: same query as hand-written SQL`, 200, () =>
    db.query(
      `SELECT p.id, p.service_id, v.data FROM patients p
       JOIN patient_versions v ON v.patient_id = p.id AND v.version = p.current_version
       WHERE p.service_id = $1 AND (lower(v.family_name) LIKE 'holl%' OR lower(v.given_name) LIKE 'holl%')
       ORDER BY lower(v.family_name), lower(v.given_name), v.birth_date LIMIT 50`,
      [service.id],
    ),
  );
  process.stdout.write(
    `${engine}: ratio ours / hand-written = ${(ours / Math.max(bare, 0.001)).toFixed(2)}\n`,
  );
  await timeAsync(`${engine}: search by NHS number`, 200, () =>
    searchPatients(db, [service.id], '9990000000', 50),
  );
}

const phq9 = { '1': 2, '2': 1, '3': 3, '4': 0, '5': 1, '6': 2, '7': 1, '8': 0, '9': 0 };
time('score PHQ-9', 100_000, () => scoreInstrument('phq-9', phq9));
time('score QIDS-SR16', 100_000, () =>
  scoreInstrument(
    'qids-sr16',
    Object.fromEntries(Array.from({ length: 16 }, (_, i) => [String(i + 1), i % 4])),
  ),
);

const count = Number(process.env.KASPR_BENCH_PATIENTS ?? 5000);
const pglite = await openPglite();
await searchBench(pglite, 'pglite', count);
await pglite.close();
if (process.env.DATABASE_URL) {
  const pg = openPostgres(process.env.DATABASE_URL);
  await searchBench(pg, 'postgres', count);
  await pg.close();
} else {
  process.stdout.write('postgres: skipped (set DATABASE_URL to a scratch database to include it)\n');
}
