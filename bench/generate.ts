// Generates the national-scale synthetic data set on PostgreSQL: seeded, in batches, with a progress bar.
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import cliProgress from 'cli-progress';
import { syntheticPatient } from '../src/cli/demo/population.ts';
import { seededRandom } from '../src/cli/demo/random.ts';
import { hashPassword } from '../src/security/passwords.ts';
import type { Database, Queryable } from '../src/store/db.ts';
import { splitStatements } from '../src/store/migrate.ts';
import { contentOf } from '../src/store/patients.ts';
import { markComplete, type DataSetSpec } from './bench-db.ts';
import {
  ASSESSMENTS_PER_PATIENT,
  batchSql,
  HELPERS,
  planAssessmentsSql,
  planPatientsSql,
  PRACTITIONERS_PER_SERVICE,
  SERVICES,
} from './generate-sql.ts';
import { assessmentTemplates, responseTemplates, TEMPLATES_PER_LEVEL } from './templates.ts';

/** Who the bench signs in as (these accounts exist only in kaspr_bench, over synthetic data). */
export const BENCH_PASSWORD = 'bench pass phrase, synthetic data only';
export const BENCH_CLINICIAN = 'bench.clinician@example.org';
export const BENCH_SUPERVISOR = 'bench.supervisor@example.org';
/** The controlled-drug staff of the two-server bench (bench/two-servers.ts). */
export const BENCH_NURSE = 'bench.nurse@example.org';
export const BENCH_CD_OFFICER = 'bench.cd-officer@example.org';
export const BENCH_PRESCRIBER = 'bench.prescriber@example.org';
export const GENERATOR_VERSION = 1;
const BATCH = 2500;

const GIVEN = [
  'Amara',
  'Ben',
  'Chloe',
  'Dev',
  'Ellie',
  'Finn',
  'Grace',
  'Hari',
  'Isla',
  'Jon',
  'Kira',
  'Liam',
];
const FAMILY = ['Archer', 'Bennett', 'Carver', 'Dunmore', 'Ellery', 'Garnet', 'Holloway', 'Ingram', 'Jessop'];

async function setUp(db: Database, spec: DataSetSpec): Promise<void> {
  for (const sql of HELPERS) await db.query(sql);
  for (const t of assessmentTemplates(spec.seed)) {
    const interventions = t.evaluation.interventions.map((i) => ({
      interventionId: i.id,
      deliveryMode: 'one-to-one',
    }));
    await db.query('INSERT INTO bench.assessment_templates VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      t.level,
      t.index,
      JSON.stringify(t.assessment),
      JSON.stringify(t.evaluation),
      t.evaluation.contentVersion,
      t.evaluation.reviewWithinDays,
      JSON.stringify(interventions),
    ]);
  }
  for (const r of responseTemplates(spec.seed)) {
    await db.query('INSERT INTO bench.response_templates VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      r.instrumentId,
      r.index,
      r.result.instrumentVersion,
      JSON.stringify(r.answers),
      JSON.stringify(r.result),
      r.result.total,
      r.result.completeness,
    ]);
  }
  await db.query(planPatientsSql(spec.seed, spec.patients));
  await db.query('CREATE UNIQUE INDEX ON bench.plan_patients (i)');
  await db.query(planAssessmentsSql(spec.seed, TEMPLATES_PER_LEVEL));
  const s = spec.seed;
  await db.query(
    `INSERT INTO services (id, name, created_at)
     SELECT bench.uid('${s}:s:' || n), format('Ketamine harm team %s (synthetic)', lpad((n + 1)::text, 2, '0')),
            timestamptz '2022-12-01T00:00:00Z'
       FROM generate_series(0, ${SERVICES - 1}) n ORDER BY n`,
  );
  await db.query(
    `INSERT INTO users (id, email, display_name, password_hash, roles, created_at, updated_at)
     SELECT bench.uid('${s}:u:' || j), format('practitioner%s@bench.example.org', j),
            (ARRAY['${GIVEN.join("','")}'])[1 + j % ${GIVEN.length}] || ' '
              || (ARRAY['${FAMILY.join("','")}'])[1 + (j / ${GIVEN.length}) % ${FAMILY.length}] || ' ' || j,
            NULL, '{practitioner}', timestamptz '2022-12-01T00:00:00Z', timestamptz '2022-12-01T00:00:00Z'
       FROM generate_series(0, ${SERVICES * PRACTITIONERS_PER_SERVICE - 1}) j ORDER BY j`,
  );
  await db.query(
    `INSERT INTO user_services (user_id, service_id)
     SELECT bench.uid('${s}:u:' || j), bench.uid('${s}:s:' || (j / ${PRACTITIONERS_PER_SERVICE}))
       FROM generate_series(0, ${SERVICES * PRACTITIONERS_PER_SERVICE - 1}) j`,
  );
}

/** The bench's own sign-ins, in every service: a clinician (chart API) and a supervisor (reports). */
export async function ensureBenchUsers(db: Database): Promise<void> {
  let hash: string | null = null;
  for (const [email, name, role] of [
    [BENCH_CLINICIAN, 'Bench Clinician', 'practitioner'],
    [BENCH_SUPERVISOR, 'Bench Supervisor', 'supervisor'],
    [BENCH_NURSE, 'Bench Nurse', 'nurse'],
    [BENCH_CD_OFFICER, 'Bench CD Officer', 'cd-officer'],
    [BENCH_PRESCRIBER, 'Bench Prescriber', 'prescriber'],
  ] as const) {
    const existing = await db.query('SELECT 1 FROM users WHERE lower(email) = $1', [email]);
    if (existing.length > 0) continue;
    hash ??= await hashPassword(BENCH_PASSWORD);
    await db.query('INSERT INTO users (email, display_name, password_hash, roles) VALUES ($1, $2, $3, $4)', [
      email,
      name,
      hash,
      [role],
    ]);
    await db.query(
      `INSERT INTO user_services (user_id, service_id) SELECT u.id, s.id FROM users u CROSS JOIN services s
        WHERE lower(u.email) = $1 ON CONFLICT DO NOTHING`,
      [email],
    );
  }
}

/** The current version of each patient in [lo, hi), written as src/store/patients.ts writes it. */
async function patientVersions(
  db: Queryable,
  random: ReturnType<typeof seededRandom>,
  lo: number,
  hi: number,
): Promise<void> {
  const today = new Date(Date.UTC(2026, 0, 1));
  const cols: string[][] = [[], [], [], [], [], [], []];
  for (let i = lo; i < hi; i += 1) {
    const content = contentOf(syntheticPatient(random, i, today));
    const ident = (system: string) => content.identifiers.find((x) => x.system === system)?.value ?? '';
    [
      String(i),
      content.givenName,
      content.familyName,
      content.birthDate,
      ident('nhs'),
      ident('mrn'),
      JSON.stringify(content),
    ].forEach((v, c) => cols[c]?.push(v));
  }
  await db.query(
    `INSERT INTO patient_versions (patient_id, version, given_name, family_name, birth_date, nhs_number, mrn, data, reason,
       recorded_at, recorded_by)
     SELECT pp.id, 1, x.given, x.family, x.birth::date, x.nhs, x.mrn, x.data::jsonb, NULL, pp.reg_at, pp.practitioner
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
            AS x(i, given, family, birth, nhs, mrn, data)
       JOIN bench.plan_patients pp ON pp.i = x.i ORDER BY x.i`,
    cols,
  );
}

/**
 * Fills the summary tables of migrations 010 and 027 (outcome rollups) with the statements the migrations
 * themselves use for records already held: their triggers did not fire while replication-role inserts skipped
 * them. Run in replication role too, in order (027's rollups read 010's tables), so that filling one summary table
 * does not fire the row triggers that keep the next.
 */
async function rebuildSummaries(db: Database): Promise<void> {
  const backfills: string[] = [];
  for (const migration of [
    '010_outcome_indexes.sql',
    '027_outcome_rollups.sql',
    '028_outcome_report_rollups.sql',
  ]) {
    const file = fileURLToPath(new URL(`../src/store/migrations/${migration}`, import.meta.url));
    const statements = splitStatements(await readFile(file, 'utf8')).filter((s) =>
      s.startsWith('INSERT INTO outcome_'),
    );
    if (statements.length === 0) throw new Error(`migration ${migration} has no backfill statements`);
    backfills.push(...statements);
  }
  await db.transaction(async (tx) => {
    await tx.query("SET LOCAL session_replication_role = 'replica'");
    for (const statement of backfills) await tx.query(statement);
  });
}

/** Refuses a data set with a dangling reference (foreign keys were not checked row by row). */
async function checkIntegrity(db: Queryable): Promise<void> {
  const checks: [string, string][] = [
    [
      'patient_versions → patients',
      'SELECT count(*)::int AS n FROM patient_versions v LEFT JOIN patients p ON p.id = v.patient_id WHERE p.id IS NULL',
    ],
    [
      'harm_assessments → patients',
      'SELECT count(*)::int AS n FROM harm_assessments a LEFT JOIN patients p ON p.id = a.patient_id WHERE p.id IS NULL',
    ],
    [
      'harm_decisions → harm_assessments',
      'SELECT count(*)::int AS n FROM harm_decisions d LEFT JOIN harm_assessments a ON a.id = d.assessment_id WHERE a.id IS NULL OR a.patient_id <> d.patient_id',
    ],
    [
      'care_plans → harm_decisions',
      'SELECT count(*)::int AS n FROM care_plans c LEFT JOIN harm_decisions d ON d.id = c.decision_id WHERE d.id IS NULL',
    ],
    [
      'appointment_events → appointments',
      'SELECT count(*)::int AS n FROM appointment_events e LEFT JOIN appointments a ON a.id = e.appointment_id WHERE a.id IS NULL',
    ],
    [
      'onward_referrals → harm_decisions',
      'SELECT count(*)::int AS n FROM onward_referrals r LEFT JOIN harm_decisions d ON d.id = r.decision_id WHERE d.id IS NULL',
    ],
    [
      'users of records',
      'SELECT count(*)::int AS n FROM harm_decisions d LEFT JOIN users u ON u.id = d.decided_by WHERE u.id IS NULL',
    ],
  ];
  for (const [what, sql] of checks) {
    const [row] = await db.query<{ n: number }>(sql);
    if (row?.n !== 0)
      throw new Error(`generated data set has ${row?.n ?? '?'} dangling references (${what})`);
  }
}

/** Fills an empty, migrated bench database with the data set `spec` describes, then marks it complete. */
export async function generate(db: Database, spec: DataSetSpec): Promise<number> {
  const t0 = performance.now();
  await setUp(db, spec);
  if (process.env.KASPR_BENCH_TRACE)
    process.stderr.write(`set-up ${(performance.now() - t0).toFixed(0)} ms\n`);
  const random = seededRandom(spec.seed);
  const [role] = await db.query<{ rolsuper: boolean }>(
    'SELECT rolsuper FROM pg_roles WHERE rolname = current_user',
  );
  const superuser = role?.rolsuper === true;
  const bar = new cliProgress.SingleBar(
    {
      format:
        'Generating [{bar}] {value}/{total} patients ({assessments} assessments) | {stage} | {eta_formatted} left',
      etaBuffer: 8,
      // Also when stdout is a file or pipe (CI logs), every 10 s.
      noTTYOutput: true,
      notTTYSchedule: 10_000,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(spec.patients, 0, { stage: 'start', assessments: 0 });
  for (let lo = 0; lo < spec.patients; lo += BATCH) {
    const hi = Math.min(spec.patients, lo + BATCH);
    await db.transaction(async (tx) => {
      // As a superuser, skip the per-row foreign-key checks (the generator derives every key from the same
      // hashes, and checkIntegrity() below verifies them in bulk); append-only triggers never fire on INSERT.
      if (superuser) await tx.query("SET LOCAL session_replication_role = 'replica'");
      const statements = batchSql(spec.seed, lo, hi);
      for (const [index, s] of statements.entries()) {
        bar.update(lo, { stage: s.label });
        const ts = performance.now();
        await tx.query(s.sql);
        if (process.env.KASPR_BENCH_TRACE)
          process.stderr.write(`${s.label} ${(performance.now() - ts).toFixed(0)} ms\n`);
        // Versions go in once the patients they belong to exist.
        if (index === 1) await patientVersions(tx, random, lo, hi);
      }
    });
    bar.update(hi, { stage: 'batch done', assessments: hi * ASSESSMENTS_PER_PATIENT });
  }
  if (superuser) {
    bar.update(spec.patients, { stage: 'summary tables' });
    await rebuildSummaries(db);
  }
  bar.update(spec.patients, { stage: 'integrity check' });
  await checkIntegrity(db);
  bar.update(spec.patients, { stage: 'vacuum analyze' });
  await db.query('VACUUM (ANALYZE)');
  bar.stop();
  const seconds = (performance.now() - t0) / 1000;
  await markComplete(db, spec, seconds);
  return seconds;
}
