// Browser: `kaspr demo` fills the database the server then starts on, and each printed sign-in (admin, supervisor,
// prescriber, nurse, practitioner, CD officer) finds real records on the screens its role may see: the harm
// pathway, treatment, the controlled-drug register, the outcomes dashboard's default period and calibration.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type Database } from '../src/store/db.ts';
import { createTestDatabase, testEngine, type TestDatabase } from '../test/support/database.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { eventually, openBrowserWorld, signIn, type BrowserWorld } from './support/browser.ts';

interface SignIn {
  role: string;
  email: string;
  password: string;
}

let world: BrowserWorld;
let signIns: SignIn[] = [];
/** A person whose harm assessments include an overridden decision, and one with discharged dosing sessions. */
let harmPatient = '';
let treatmentPatient = '';

/** Runs `kaspr demo` against the data folder (and PostgreSQL database) the server will use. */
function runDemo(dataDir: string, database: TestDatabase | undefined): string {
  const env: Record<string, string | undefined> = { ...process.env, KASPR_DATA_DIR: dataDir };
  if (database?.url) env.DATABASE_URL = database.url;
  else delete env.DATABASE_URL;
  const run = spawnSync(process.execPath, ['bin/kaspr.mjs', 'demo', '--patients', '40', '--seed', '7'], {
    env,
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout;
}

/** Picks the people whose charts the roles open (the demo draws them; the browser then finds their records). */
async function pickPatients(db: Database): Promise<void> {
  const [harm] = await db.query<{ id: string }>(
    `SELECT a.patient_id::text AS id FROM harm_assessments a
       JOIN harm_decisions d ON d.assessment_id = a.id
      WHERE d.overridden ORDER BY a.patient_id LIMIT 1`,
  );
  const [treated] = await db.query<{ id: string }>(
    `SELECT s.patient_id::text AS id FROM treatment_sessions s
       JOIN session_discharges d ON d.session_id = s.id ORDER BY s.patient_id LIMIT 1`,
  );
  harmPatient = harm?.id ?? '';
  treatmentPatient = treated?.id ?? '';
}

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kaspr-e2e-demo-'));
  const database = testEngine() === 'postgres' ? await createTestDatabase('postgres') : undefined;
  const stdout = runDemo(dataDir, database);
  signIns = [...stdout.matchAll(/^ {2}(\S[^@\n]*?)\s+(\S+@example\.org)\s+(\S+)$/gm)].map((m) => ({
    role: (m[1] ?? '').trim(),
    email: m[2] ?? '',
    password: m[3] ?? '',
  }));
  if (database) await pickPatients(database.db);
  else {
    // The embedded database is one process's at a time: read it, then let the server have it.
    const db = await openPglite(join(dataDir, 'pg'));
    try {
      await pickPatients(db);
    } finally {
      await db.close();
    }
  }
  world = await openBrowserWorld({}, { dataDir, database });
}, 300_000);

afterAll(async () => {
  await world.close();
});

/** The printed sign-in for `role`. */
function signInOf(role: string): SignIn {
  const found = signIns.find((s) => s.role === role);
  if (!found) throw new Error(`kaspr demo printed no sign-in for ${role}`);
  return found;
}

/** The page of the role signed in last: left open for the check after its test, closed when the next opens. */
let current: Page | undefined;

/** Signs in as the demo's `role` in a fresh page (its own cookies) and returns the page. */
async function as(role: string): Promise<Page> {
  await current?.context().close();
  const page = await world.openPage();
  current = page;
  const who = signInOf(role);
  await signIn(page, who.email, who.password);
  return page;
}

/** The harm tab of the person with an override shows assessments, each with a confirmed level, one overridden. */
async function findsHarmPathway(page: Page): Promise<void> {
  await page.goto(`/patients/${harmPatient}/harm`);
  await page.getByRole('heading', { name: 'Harm pathway', level: 2 }).waitFor();
  const table = page.getByRole('table', { name: 'Harm assessments, newest first' });
  await table.waitFor();
  await eventually(() => table.getByRole('row').count()).toBeGreaterThan(1);
  await table.getByText('override', { exact: true }).first().waitFor();
  expect(await table.getByText('Not decided').count()).toBe(0);
  await expectNoAxeViolations(page, 'the harm pathway of a demo patient');
}

/** The treatment tab of a treated person lists past dosing sessions, discharged, with their summaries. */
async function findsTreatment(page: Page): Promise<void> {
  await page.goto(`/patients/${treatmentPatient}/treatment`);
  await page.getByRole('heading', { name: 'Treatment', level: 2 }).waitFor();
  const sessions = page.getByRole('table', { name: 'Past sessions' });
  await sessions.waitFor();
  await sessions.getByRole('link', { name: 'Summary (PDF)' }).first().waitFor();
  expect(await sessions.getByText('Not discharged').count()).toBe(0);
  await expectNoAxeViolations(page, 'the treatment area of a demo patient');
}

/** The register's stock table lists stock; its product register has receipts, administrations, waste and counts. */
async function findsCdRegister(page: Page): Promise<void> {
  await page.goto('/cd-register');
  await page.getByRole('heading', { name: 'Controlled-drug register', level: 1 }).waitFor();
  const stock = page.getByRole('table', { name: 'Stock at a glance' });
  await stock.waitFor();
  const first = stock.getByRole('link').first();
  await first.waitFor();
  await expectNoAxeViolations(page, 'the controlled-drug register');
  await first.click();
  const register = page.getByRole('table', { name: 'Register, oldest entry first' });
  await register.waitFor();
  for (const kind of ['Receipt', 'Administration', 'Waste', 'Count'])
    await register.getByRole('cell', { name: kind, exact: true }).first().waitFor();
  await expectNoAxeViolations(page, 'a product register of the demo');
}

/** The outcomes dashboard's default period: a funnel with people at every step. */
async function findsOutcomes(page: Page): Promise<void> {
  await page.goto('/outcomes');
  await page.getByRole('heading', { name: 'Service outcomes', level: 1 }).waitFor();
  const funnel = page
    .getByRole('region', { name: 'From identification to intervention' })
    .getByRole('img', { name: /^From identification to intervention:/ });
  await funnel.waitFor();
  const label = (await funnel.getAttribute('aria-label')) ?? '';
  const counts = Object.fromEntries(
    [...label.matchAll(/([a-z][a-z ]*?) (\d+)[,.]/g)].map((m) => [(m[1] ?? '').trim(), Number(m[2])]),
  );
  for (const step of ['in contact', 'assessed', 'care planned', 'intervention delivered'])
    expect(counts[step], `${step} in "${label}"`).toBeGreaterThan(0);
  await expectNoAxeViolations(page, 'the outcomes dashboard over the demo');
}

/** Calibration lists the demo's vignettes; a rater sees their own ratings, the supervisor the agreement report. */
async function findsCalibration(page: Page, rater: boolean): Promise<void> {
  await page.goto('/calibration');
  await page.getByRole('heading', { name: 'Calibration vignettes', level: 1 }).waitFor();
  const cards = page.getByRole('article');
  await cards.first().waitFor();
  expect(await cards.count()).toBeGreaterThan(3);
  if (rater)
    await page
      .getByText(/You rated level \d/)
      .first()
      .waitFor();
  else {
    await page.getByText('You wrote this vignette.').first().waitFor();
    const report = page.getByRole('region', { name: 'Agreement report' });
    await report
      .getByText(/\d+ raters/)
      .first()
      .waitFor();
  }
  await expectNoAxeViolations(page, 'calibration over the demo');
}

describe('each demo role finds the demo service in a real browser', () => {
  it('prints a sign-in for every role, and the demo drew harm and treatment patients', () => {
    const roles = new Set(signIns.map((s) => s.role));
    for (const role of ['admin', 'supervisor', 'prescriber', 'nurse', 'practitioner', 'cd-officer'])
      expect(roles.has(role), role).toBe(true);
    expect(harmPatient).not.toBe('');
    expect(treatmentPatient).not.toBe('');
  });

  it('the admin sees the demo staff and service', async () => {
    const page = await as('admin');
    await page.goto('/admin');
    await page.getByRole('heading', { name: 'Admin', level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Staff' }).getByText('Ada Admin (demo)').first().waitFor();
    await page.getByRole('region', { name: 'Services' }).getByText('Demo service').first().waitFor();
    expect(world.consoleErrors).toEqual([]);
  });

  it('the supervisor finds the harm pathway, treatment, outcomes and the calibration report', async () => {
    const page = await as('supervisor');
    await findsHarmPathway(page);
    await findsTreatment(page);
    await findsOutcomes(page);
    await findsCalibration(page, false);
    expect(world.consoleErrors).toEqual([]);
  });

  it('the prescriber finds the harm pathway, treatment, the CD register and their ratings', async () => {
    const page = await as('prescriber');
    await findsHarmPathway(page);
    await findsTreatment(page);
    await findsCdRegister(page);
    await findsCalibration(page, true);
    expect(world.consoleErrors).toEqual([]);
  });

  it('the nurse finds the harm pathway, treatment, the CD register and their ratings', async () => {
    const page = await as('nurse');
    await findsHarmPathway(page);
    await findsTreatment(page);
    await findsCdRegister(page);
    await findsCalibration(page, true);
    expect(world.consoleErrors).toEqual([]);
  });

  it('the practitioner finds the harm pathway, treatment and their ratings', async () => {
    const page = await as('practitioner');
    await findsHarmPathway(page);
    await findsTreatment(page);
    await findsCalibration(page, true);
    expect(world.consoleErrors).toEqual([]);
  });

  it('the CD officer finds the controlled-drug register', async () => {
    const page = await as('cd-officer');
    await findsCdRegister(page);
    expect(world.consoleErrors).toEqual([]);
  });
});
