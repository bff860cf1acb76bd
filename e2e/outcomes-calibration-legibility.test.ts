// Browser: a chart over 18+ months labels months without overlap, the Practitioner filter lists clinical staff
// only, and the calibration page loads the starter vignettes once and warns that kappa on so few means little.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../test/support/server.ts';
import { eventually, openBrowserWorld, type BrowserWorld } from './support/browser.ts';

let world: BrowserWorld;
const SUPERVISOR = { email: 'sup@clinic.test', password: 'a long supervisor phrase' };
const STAFF = 'a long staff pass phrase';
const RATERS = ['pat@clinic.test', 'kim@clinic.test'];
const NON_CLINICAL = [
  { email: 'office@clinic.test', displayName: 'Olive Office', roles: ['admin'] },
  { email: 'cdo@clinic.test', displayName: 'Cedric Officer', roles: ['cd-officer'] },
];
const today = new Date().toISOString().slice(0, 10);
// 2025-01-01 to today: at least 23 months (the review's demo data ran over 2025–2026).
const FROM = '2025-01-01';
let north = '';

async function signIn(page: Page) {
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByLabel('Email', { exact: true }).fill(SUPERVISOR.email);
  await page.getByLabel('Password', { exact: true }).fill(SUPERVISOR.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

beforeAll(async () => {
  world = await openBrowserWorld();
  const admin = new Client(world.server.baseUrl);
  const setup = await admin.post('/api/v1/setup', {
    ...SUPERVISOR,
    displayName: 'Sam Supervisor',
    serviceName: 'North',
    clinicalRole: 'supervisor',
  });
  north = setup.body.user.serviceIds[0] as string;
  for (const [i, email] of RATERS.entries()) {
    const r = await admin.post('/api/v1/users', {
      email,
      displayName: `Rater ${i + 1}`,
      roles: ['practitioner'],
      serviceIds: [north],
      password: STAFF,
    });
    expect(r.status).toBe(201);
  }
  for (const u of NON_CLINICAL) {
    const r = await admin.post('/api/v1/users', { ...u, serviceIds: [north], password: STAFF });
    expect(r.status).toBe(201);
  }
  // One assessment today, so the report has a record in its period.
  const pat = new Client(world.server.baseUrl);
  await pat.login(RATERS[0]!, STAFF);
  const patient = await pat.post('/api/v1/patients', {
    givenName: 'One',
    familyName: 'Test',
    birthDate: '1990-01-01',
  });
  expect(patient.status).toBe(201);
  const saved = await pat.post(`/api/v1/patients/${patient.body.id}/harm-assessments`, {
    assessment: {
      use: { daysUsedLast28: 6, routes: ['nasal'], bingeing: false, escalating: false },
      symptoms: [{ code: 'urinary-frequency' }],
      risks: [],
    },
  });
  expect(saved.status).toBe(201);
});
afterAll(async () => {
  await world.close();
});

describe('outcome charts and calibration stay legible', () => {
  it('labels a chart over 18+ months without two month labels overlapping', async () => {
    const { page } = world;
    await signIn(page);
    await page.goto(`/outcomes?from=${FROM}&to=${today}&service=${north}`);
    const trend = page.getByRole('img', {
      name: /^Assessments, overrides, level 4 and crisis events by month/,
    });
    await trend.waitFor();
    const summary = (await trend.getAttribute('aria-label')) ?? '';
    const months = summary.match(/[A-Z][a-z]{2} \d{4}:/g) ?? [];
    expect(months.length).toBeGreaterThanOrEqual(18);
    const labels = trend.locator('text.month-label');
    const boxes = (
      await labels.evaluateAll((nodes) =>
        nodes.map((n) => {
          const r = n.getBoundingClientRect();
          return { left: r.left, right: r.right, text: n.textContent };
        }),
      )
    ).sort((a, b) => a.left - b.left);
    // Thinned: fewer labels than months, the first and last month among them, and no two touching.
    expect(boxes.length).toBeGreaterThan(2);
    expect(boxes.length).toBeLessThan(months.length);
    expect(boxes[0]?.text).toBe('Jan 2025');
    expect(`${boxes.at(-1)?.text ?? ''}:`).toBe(months.at(-1));
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.left).toBeGreaterThan(boxes[i - 1]!.right);
  });

  it('offers only clinical staff in the Practitioner filter', async () => {
    const { page } = world;
    const select = page.getByRole('form', { name: 'Report filters' }).getByLabel('Practitioner');
    await eventually(() => select.locator('option').allTextContents()).toEqual(
      expect.arrayContaining(['Rater 1', 'Rater 2', 'Sam Supervisor']),
    );
    const options = await select.locator('option').allTextContents();
    for (const u of NON_CLINICAL) expect(options).not.toContain(u.displayName);
  });

  it('adds the starter vignettes once, and warns that kappa on so few vignettes and raters is not interpretable', async () => {
    const { page } = world;
    await page.goto('/calibration');
    await page.getByRole('heading', { name: 'Calibration vignettes', level: 1 }).waitFor();
    const starter = page.getByRole('region', { name: 'Starter vignettes' });
    await starter.getByRole('button', { name: 'Add starter vignettes' }).click();
    await starter.getByText('Added 6 starter vignettes.').waitFor();
    await page.getByRole('article', { name: 'Starter: visible blood in the urine' }).waitFor();
    await starter.getByRole('button', { name: 'Add starter vignettes' }).click();
    await starter.getByText('The starter vignettes are already loaded: nothing was added.').waitFor();
    await eventually(() => page.getByRole('article').count()).toBe(6);

    // Two practitioners rate all six at level 2: κ is computed on 6 vignettes and 2 raters.
    const listed = (await (async () => {
      const c = new Client(world.server.baseUrl);
      await c.login(RATERS[0]!, STAFF);
      return (await c.get('/api/v1/calibration/vignettes')).body.vignettes;
    })()) as { id: string; title: string }[];
    for (const [r, email] of RATERS.entries()) {
      const c = new Client(world.server.baseUrl);
      await c.login(email, STAFF);
      for (const [i, v] of listed.entries()) {
        const level = i === 0 && r === 1 ? 3 : 2;
        expect((await c.post(`/api/v1/calibration/vignettes/${v.id}/ratings`, { level })).status).toBe(201);
      }
    }
    await page.reload();
    const report = page.getByRole('region', { name: 'Agreement report' });
    await report.getByText(/^Fleiss’ kappa: κ −?\d\.\d\d, not interpretable/).waitFor();
    await report
      .getByRole('status')
      .getByText(/Too few vignettes to interpret: 6 rated, at least 10 needed/)
      .waitFor();
    await report
      .getByRole('status')
      .getByText(/Too few raters to interpret: 2 rated each vignette, at least 3 needed/)
      .waitFor();
    expect(await report.getByText(/\((slight|fair|moderate|substantial|almost perfect)\)/).count()).toBe(0);
  });

  it('printed no console errors along the way', () => {
    expect(world.consoleErrors).toEqual([]);
  });
});
