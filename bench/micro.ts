// Quick micro-benchmarks: instrument scoring throughput, and registry search on the embedded engine and at scale.
import { scoreInstrument } from '../src/domain/instruments/registry.ts';
import { syntheticPatient } from '../src/cli/demo/population.ts';
import { seededRandom } from '../src/cli/demo/random.ts';
import { openPglite, type Database } from '../src/store/db.ts';
import { migrate } from '../src/store/migrate.ts';
import { contentOf, insertPatient, searchPatients } from '../src/store/patients.ts';
import { insertService } from '../src/store/services.ts';
import { insertUser } from '../src/store/users.ts';
import { ms, opsPerSecond, timeRuns } from './timing.ts';

const out = (line: string) => process.stdout.write(`${line}\n`);

export function scoringBench(): void {
  const phq9 = { '1': 2, '2': 1, '3': 3, '4': 0, '5': 1, '6': 2, '7': 1, '8': 0, '9': 0 };
  const qids = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [String(i + 1), i % 4]));
  out(
    `score PHQ-9                                ${opsPerSecond(50_000, () => scoreInstrument('phq-9', phq9)).toFixed(0)} ops/s`,
  );
  out(
    `score QIDS-SR16                            ${opsPerSecond(50_000, () => scoreInstrument('qids-sr16', qids)).toFixed(0)} ops/s`,
  );
}

/** Registry search by name prefix: ours (searchPatients) and the same query written by hand. */
export async function searchBench(db: Database, label: string, serviceIds: string[]): Promise<void> {
  const ours = await timeRuns(50, () => searchPatients(db, serviceIds, 'holl', 50));
  const bare = await timeRuns(50, () =>
    db.query(
      `SELECT p.id, p.service_id, v.data FROM patients p
       JOIN patient_versions v ON v.patient_id = p.id AND v.version = p.current_version
       WHERE p.service_id = ANY($1::uuid[]) AND (lower(v.family_name) LIKE 'holl%' OR lower(v.given_name) LIKE 'holl%')
       ORDER BY lower(v.family_name), lower(v.given_name), v.birth_date LIMIT 50`,
      [serviceIds],
    ),
  );
  const nhs = await timeRuns(50, () => searchPatients(db, serviceIds, '9990000000', 50));
  out(
    `${label}: search by family-name prefix   p50 ${ms(ours.p50)}  hand-written p50 ${ms(bare.p50)}  ratio ${(ours.p50 / Math.max(bare.p50, 0.001)).toFixed(2)}`,
  );
  out(`${label}: search by NHS number           p50 ${ms(nhs.p50)}`);
}

/** Registers `patients` synthetic patients in a fresh in-memory PGlite, then searches them. */
export async function pgliteSearchBench(patients: number): Promise<void> {
  const db = await openPglite();
  try {
    await migrate(db);
    const random = seededRandom(7);
    const today = new Date(Date.UTC(2026, 0, 1));
    const service = await db.transaction((tx) => insertService(tx, 'Bench service'));
    const user = await db.transaction((tx) =>
      insertUser(tx, {
        email: 'bench@example.org',
        displayName: 'Bench',
        passwordHash: null,
        roles: ['practitioner'],
        serviceIds: [service.id],
      }),
    );
    const t0 = performance.now();
    await db.transaction(async (tx) => {
      for (let i = 0; i < patients; i += 1) {
        await insertPatient(tx, service.id, contentOf(syntheticPatient(random, i, today)), user, today);
      }
    });
    out(`pglite: registered ${patients} patients in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    await searchBench(db, 'pglite', [service.id]);
  } finally {
    await db.close();
  }
}
