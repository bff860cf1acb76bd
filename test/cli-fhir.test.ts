// `kaspr import` and `kaspr export` on both engines: the five Synthea bundles (and a PHQ-9 sent later for one of
// their patients) import through the FHIR API as the command line's system client, and the Bulk Data export written
// by `kaspr export` holds the same patients, their blood pressure as BP panels, their latest weight and height, and
// the questionnaire's total. Importing everything again creates nothing new, and the export is unchanged.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../src/store/db.ts';
import { migrate } from '../src/store/migrate.ts';
import { insertService } from '../src/store/services.ts';
import { pgDataPath } from '../src/server/data-dir.ts';
import { createTestDatabase, testEngine, type TestDatabase } from './support/database.ts';
import { expectValidFhir } from './support/fhir-validate.ts';

const SYNTHEA = 'test/fixtures/synthea-r4';
const MEJIA_ID = '59a8543c-e24f-4a01-b28b-47ccde6bc11d';
const SYNTHEA_ID = 'https://github.com/synthetichealth/synthea';

let env: Record<string, string | undefined>;
let work: string;
let t: TestDatabase | undefined;

const kaspr = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/kaspr.mjs', ...args], {
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
};

interface Resource {
  resourceType: string;
  id: string;
  code?: { coding?: { code?: string }[] };
  identifier?: { system?: string; value?: string }[];
  valueInteger?: number;
  [key: string]: unknown;
}
const readNdjson = (dir: string, type: string): Resource[] =>
  readFileSync(join(dir, `${type}.ndjson`), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Resource);
const codeOf = (r: Resource) => r.code?.coding?.[0]?.code;

/** What the Synthea bundles hold, counted from the files. */
function syntheaCounts() {
  let bp = 0;
  const patients: string[] = [];
  for (const file of readdirSync(SYNTHEA).filter((f) => f.endsWith('.json'))) {
    const bundle = JSON.parse(readFileSync(join(SYNTHEA, file), 'utf8')) as {
      entry: { resource: Resource }[];
    };
    for (const { resource } of bundle.entry) {
      if (resource.resourceType === 'Patient')
        patients.push(resource.identifier?.find((i) => i.system === SYNTHEA_ID)?.value ?? '');
      if (codeOf(resource) === '55284-4') bp++;
    }
  }
  return { bp, patients };
}

/** A later Bundle: the Mejía patient again (matched by identifier) with a PHQ-9 totalling 9. */
function phqBundle(): string {
  const patient = `urn:uuid:${MEJIA_ID}`;
  return JSON.stringify({
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      {
        fullUrl: patient,
        resource: {
          resourceType: 'Patient',
          identifier: [{ system: 'https://github.com/synthetichealth/synthea', value: MEJIA_ID }],
          name: [{ family: 'Mejía', given: ['Gustavo'] }],
          birthDate: '1980-01-01',
        },
        request: { method: 'POST', url: 'Patient' },
      },
      {
        resource: {
          resourceType: 'QuestionnaireResponse',
          questionnaire: 'https://kaspr.example/fhir/Questionnaire/phq-9',
          status: 'completed',
          subject: { reference: patient },
          authored: '2026-11-20T10:00:00Z',
          item: ['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((linkId) => ({
            linkId,
            answer: [
              { valueCoding: { system: 'https://kaspr.example/fhir/CodeSystem/phq-9-answers', code: '1' } },
            ],
          })),
        },
        request: { method: 'POST', url: 'QuestionnaireResponse' },
      },
    ],
  });
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kaspr-cli-fhir-'));
  env = { ...process.env, KASPR_DATA_DIR: join(work, 'data') };
  mkdirSync(join(work, 'data'), { recursive: true });
  if (testEngine() === 'postgres') {
    t = await createTestDatabase('postgres');
    env.DATABASE_URL = t.url ?? '';
    await insertService(t.db, 'North Team');
  } else {
    delete env.DATABASE_URL;
    const db = await openPglite(pgDataPath(join(work, 'data')));
    await migrate(db);
    await insertService(db, 'North Team');
    await db.close();
  }
  writeFileSync(join(work, 'phq.json'), phqBundle());
}, 120_000);
afterAll(async () => {
  await t?.drop();
});

describe('kaspr import, then kaspr export', () => {
  const expected = syntheaCounts();

  it('imports the five Synthea bundles and a later questionnaire, saying what was not imported', () => {
    const first = kaspr('import', SYNTHEA);
    expect(first.status, first.out).toBe(0);
    expect(first.out).toMatch(
      /5 Bundle\(s\): [1-9]\d* made, \d+ unchanged \(already held, or older than what is held\), \d+ not imported\./,
    );
    expect(first.out).toContain('Not imported: KASPR does not keep Claim records.');
    const phq = kaspr('import', join(work, 'phq.json'));
    expect(phq.status, phq.out).toBe(0);
    expect(phq.out).toContain('1 Bundle(s): 1 made, 1 unchanged');
  }, 240_000);

  let firstExport: Map<string, number>;

  it('exports the same patients, BP panels, latest weight and height, and the questionnaire total', () => {
    const out = join(work, 'export-1');
    const r = kaspr('export', out);
    expect(r.status, r.out).toBe(0);
    const patients = readNdjson(out, 'Patient');
    expect(patients).toHaveLength(expected.patients.length);
    const synthea = patients.map((p) => p.identifier?.find((i) => i.system === SYNTHEA_ID)?.value);
    expect(synthea.sort()).toEqual([...expected.patients].sort());
    const observations = readNdjson(out, 'Observation');
    for (const o of [...patients, ...observations]) expectValidFhir(o);
    const count = (code: string) => observations.filter((o) => codeOf(o) === code).length;
    expect(count('85354-9')).toBe(expected.bp);
    expect(count('29463-7')).toBe(expected.patients.length);
    expect(count('8302-2')).toBe(expected.patients.length);
    expect(observations.filter((o) => codeOf(o) === '44261-6').map((o) => o.valueInteger)).toEqual([9]);
    expect(readNdjson(out, 'QuestionnaireResponse')).toHaveLength(1);
    firstExport = new Map(readdirSync(out).map((f) => [f, readNdjson(out, f.replace('.ndjson', '')).length]));
  }, 240_000);

  it('creates nothing new when everything is imported again; the export is unchanged', () => {
    const again = kaspr('import', SYNTHEA);
    expect(again.status, again.out).toBe(0);
    expect(again.out).toMatch(/5 Bundle\(s\): 0 made, \d+ unchanged/);
    const out = join(work, 'export-2');
    const r = kaspr('export', out);
    expect(r.status, r.out).toBe(0);
    const second = new Map(
      readdirSync(out).map((f) => [f, readNdjson(out, f.replace('.ndjson', '')).length]),
    );
    expect(second).toEqual(firstExport);
  }, 240_000);

  it('refuses an import without a path, with its usage', () => {
    const r = kaspr('import');
    expect(r.status).toBe(2);
    expect(r.out).toContain('kaspr import FILE|DIR');
  });
});
