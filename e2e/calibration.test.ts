// Browser: a supervisor writes a vignette, two practitioners rate independently without seeing the reference, and
// the agreement report shows Fleiss' kappa and the vignette that split the team; the author is not asked to rate.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../test/support/server.ts';
import { eventually, openBrowserWorld, type BrowserWorld } from './support/browser.ts';

let world: BrowserWorld;
const SUPERVISOR = { email: 'sup@clinic.test', password: 'a long supervisor phrase' };
const PRACTITIONERS = [
  { email: 'pat@clinic.test', password: 'a long practitioner phrase', displayName: 'Pat One' },
  { email: 'kim@clinic.test', password: 'another practitioner phrase', displayName: 'Kim Two' },
];
const SPLIT = 'Weekly use, urinary frequency';
const AGREED = 'Daily use with visible haematuria';

async function signInAs(page: Page, who: { email: string; password: string }) {
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByLabel('Email', { exact: true }).fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  await page.goto('/calibration');
  await page.getByRole('heading', { name: 'Calibration vignettes', level: 1 }).waitFor();
}

/** Chooses a level on one vignette's card and submits; waits for the card to show the rating. */
async function rate(page: Page, title: string, level: number) {
  const card = page.getByRole('article', { name: title });
  await card
    .getByRole('group', { name: 'Your level of need' })
    .getByLabel(new RegExp(`^${level} — `))
    .check();
  await card.getByRole('button', { name: 'Submit rating' }).click();
  await card.getByText(`You rated level ${level}`).waitFor();
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
  const serviceId = setup.body.user.serviceIds[0] as string;
  for (const p of PRACTITIONERS) {
    const r = await admin.post('/api/v1/users', { ...p, roles: ['practitioner'], serviceIds: [serviceId] });
    if (r.status !== 201) throw new Error(`create user failed: ${r.text}`);
  }
  // One vignette written through the API, on which the practitioners will agree.
  const v = await admin.post('/api/v1/calibration/vignettes', {
    title: AGREED,
    narrative: 'Uses most days; has seen blood in the urine this week. (Anonymised teaching case.)',
    assessment: {
      use: { daysUsedLast28: 20, routes: ['nasal'], bingeing: false, escalating: false },
      symptoms: [{ code: 'visible-haematuria' }],
      risks: [],
    },
    referenceLevel: 4,
  });
  if (v.status !== 201) throw new Error(`vignette failed: ${v.text}`);
});
afterAll(async () => {
  await world.close();
});

describe('calibration vignettes in a real browser', () => {
  it('lets a supervisor write a vignette, and does not ask them to rate their own', async () => {
    const { page } = world;
    await signInAs(page, SUPERVISOR);
    const form = page.getByRole('form', { name: 'Write a vignette' });
    await form.getByLabel('Title').fill(SPLIT);
    await form
      .getByLabel('Narrative')
      .fill('A student uses at weekends and needs to pass urine more often. (Anonymised teaching case.)');
    await form.getByLabel('Days used in the last 28').fill('6');
    await form.getByRole('group', { name: 'Routes' }).getByLabel('Nasal').check();
    await form.getByLabel('Urinary frequency').check();
    await form.getByLabel('TOP psychological health, 0 (poor) – 20 (good)').fill('9');
    await form.getByRole('group', { name: 'Reference level' }).getByLabel(/^2 — /).check();
    await form.getByRole('button', { name: 'Save vignette' }).click();
    await page.getByText(`Vignette saved: ${SPLIT}.`).waitFor();
    const card = page.getByRole('article', { name: SPLIT });
    await card.getByText('You wrote this vignette.').waitFor();
    await card.getByText(/TOP psychological health 9\/20/).waitFor();
    expect(await page.getByRole('form', { name: 'Rate this vignette' }).count()).toBe(0);
  });

  it('has two practitioners rate independently, never showing the reference level', async () => {
    const { page } = world;
    const levels = [
      { [AGREED]: 4, [SPLIT]: 2 },
      { [AGREED]: 4, [SPLIT]: 3 },
    ];
    for (const [i, who] of PRACTITIONERS.entries()) {
      await signInAs(page, who);
      await page.getByRole('article', { name: SPLIT }).waitFor();
      expect(await page.getByText(/reference level|Agreement report/i).count()).toBe(0);
      expect(await page.getByRole('form', { name: 'Write a vignette' }).count()).toBe(0);
      for (const [title, level] of Object.entries(levels[i]!)) await rate(page, title, level);
      expect(await page.getByText(/reference level|Splits the team/i).count()).toBe(0);
    }
  });

  it('shows the supervisor Fleiss’ kappa and the vignette that split the team', async () => {
    const { page } = world;
    await signInAs(page, SUPERVISOR);
    // Counts per vignette at levels 1–4, two raters each: agreed [0,0,0,2], split [0,1,1,0].
    // P̄ = (1 + 0)/2 = 0.5; p = (0, 1/4, 1/4, 1/2); P̄e = 1/16 + 1/16 + 4/16 = 0.375;
    // κ = (0.5 − 0.375)/(1 − 0.375) = 0.2, "slight" in Landis & Koch's words, but on 2 vignettes and 2 raters it
    // is marked not interpretable, with the reasons, instead of a bare band.
    const report = page.getByRole('region', { name: 'Agreement report' });
    await report.getByText('Fleiss’ kappa: κ 0.20, not interpretable').waitFor();
    await report
      .getByRole('status')
      .getByText(/Too few vignettes to interpret: 2 rated, at least 10 needed/)
      .waitFor();
    await report
      .getByRole('status')
      .getByText(/Too few raters to interpret: 2 rated each vignette, at least 3 needed/)
      .waitFor();
    await report.getByText('2 vignettes, 2 raters each').waitFor();
    const split = report.getByRole('row', { name: new RegExp(SPLIT) });
    await split.getByText('Splits the team').waitFor();
    const agreed = report.getByRole('row', { name: new RegExp(AGREED) });
    expect(await agreed.getByText('Splits the team').count()).toBe(0);
    // Least agreement first: the split vignette heads the table.
    const firstRow = report.getByRole('table').last().getByRole('row').nth(1);
    await eventually(() => firstRow.textContent()).toContain(SPLIT);
    // Both vignettes are the supervisor's own: neither card offers a rating form.
    await page.getByRole('article', { name: AGREED }).getByText('You wrote this vignette.').waitFor();
    await eventually(() => page.getByText('You wrote this vignette.').count()).toBe(2);
    expect(await page.getByRole('form', { name: 'Rate this vignette' }).count()).toBe(0);
  });

  it('printed no console errors along the way', () => {
    expect(world.consoleErrors).toEqual([]);
  });
});
