// Browser: the dosing session is one screen for the nurse at the chair. At 1366×768 the vitals form is in view
// without scrolling; vitals, administration, an observation and the discharge are all recorded from that screen;
// the completed referral, eligibility and consent are one-line links; the treatment area opens the session in one
// click and folds its completed sections; axe finds nothing on any page visited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../test/support/server.ts';
import { startIvSession } from '../test/support/treatment.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { eventually, openBrowserWorld, signIn, type BrowserWorld } from './support/browser.ts';
import { addNurse, NURSE, setUpInfusionClinic } from './support/clinic.ts';
import { clinicLocalTime } from './support/clinic-clock.ts';

let world: BrowserWorld;
let patientId: string;
let sessionUrl: string;
const VIEWPORT = { width: 1366, height: 768 };

beforeAll(async () => {
  world = await openBrowserWorld();
  // Set-up through the API: the prescriber (first admin) with ACLS, a nurse of the service, a referred patient with
  // eligibility, consent and a started IV session.
  const api = new Client(world.server.baseUrl);
  const { prescriberId, serviceId } = await setUpInfusionClinic(api);
  await addNurse(api, serviceId);
  // The browser runs in real time: the service sets the observation after an IV infusion to 0 min (a service
  // setting), so that a discharge can pass once the other rules hold. Every other discharge rule still applies.
  const settings = await api.post(`/api/v1/services/${serviceId}/protocols/iv-racemic-psychiatric/settings`, {
    settings: { 'discharge.observation.minimum': 0 },
    reason: 'Browser test: discharge in real time',
  });
  if (settings.status !== 201) throw new Error(`settings not changed: ${settings.text}`);
  const today = new Date().toISOString().slice(0, 10);
  const created = await api.post('/api/v1/patients', {
    givenName: 'Nora',
    familyName: 'Chair',
    birthDate: '1980-01-01',
    weight: { kg: 70, measuredOn: today },
  });
  if (created.status !== 201) throw new Error(`patient not created: ${created.text}`);
  patientId = created.body.id as string;
  const referral = await api.post(`/api/v1/patients/${patientId}/referrals`, {
    indication: 'treatment-resistant-depression',
  });
  if (referral.status !== 201) throw new Error(`referral failed: ${referral.text}`);
  const sessionId = await startIvSession(api, patientId, prescriberId);
  sessionUrl = `/patients/${patientId}/treatment/sessions/${sessionId}`;
  await world.page.setViewportSize(VIEWPORT);
  await signIn(world.page, NURSE.email, NURSE.password);
});
afterAll(async () => {
  await world.close();
});

/** Waits until the vitals table has `rows` rows of readings (the header row aside). */
async function waitForReadings(rows: number): Promise<void> {
  await world.page.getByRole('table', { name: 'Vitals' }).getByRole('row').nth(rows).waitFor();
}

/** Fills and records one reading on the session screen's vitals form. */
async function recordVitals(values: {
  systolic: string;
  diastolic: string;
  heartRate: string;
  spo2: string;
}) {
  const vitals = world.page.getByRole('form', { name: 'Record vitals' });
  await vitals.getByLabel('Taken at').fill(clinicLocalTime(0));
  await vitals.getByLabel('Systolic', { exact: true }).fill(values.systolic);
  await vitals.getByLabel('Diastolic', { exact: true }).fill(values.diastolic);
  await vitals.getByLabel('Heart rate', { exact: true }).fill(values.heartRate);
  await vitals.getByLabel('SpO2', { exact: true }).fill(values.spo2);
  await vitals.getByRole('button', { name: 'Record vitals' }).click();
}

describe('the dosing session as one screen for the nurse, in a real browser at 1366×768', () => {
  it('opens by its address with the vitals form first and in view without scrolling', async () => {
    const { page } = world;
    await page.goto(sessionUrl);
    await page.getByRole('heading', { name: 'Session in progress', level: 2 }).waitFor();
    const vitals = page.getByRole('form', { name: 'Record vitals' });
    const first = vitals.getByLabel('Taken at');
    const submit = vitals.getByRole('button', { name: 'Record vitals' });
    await submit.waitFor();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    for (const element of [first, submit]) {
      const box = await element.boundingBox();
      expect(box).not.toBeNull();
      if (!box) return;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(VIEWPORT.height);
    }
    // The first form of the session's area is the vitals form.
    const forms = page.getByRole('tabpanel', { name: 'Treatment' }).locator('form');
    expect(await forms.first().getAttribute('aria-label')).toBe('Record vitals');
    // The current state, above the form.
    await page.getByText('Administration not started').waitFor();
  });

  it('shows the timers ticking, without announcing each second', async () => {
    const { page } = world;
    const timers = page.locator('.timer-list');
    expect(await timers.getAttribute('aria-live')).toBe('off');
    for (const name of ['Since start', 'Next vitals', 'Earliest discharge']) {
      await timers.getByText(name, { exact: true }).waitFor();
    }
    await timers.getByText(/every 10 min$/).waitFor();
    await timers.getByText('0 min after the infusion ends').waitFor();
    const since = timers.locator('.timer').first().locator('.timer-value');
    const before = await since.textContent();
    await page.waitForFunction(
      (previous) => document.querySelector('.timer-list .timer .timer-value')?.textContent !== previous,
      before,
    );
  });

  it('shows the completed referral, eligibility and consent as one-line links, with no form or consent text', async () => {
    const { page } = world;
    const records = page.getByRole('region', { name: 'Referral, eligibility and consent' });
    const referral = records.getByRole('link', { name: /^Referral: Treatment-resistant depression/ });
    const eligibility = records.getByRole('link', { name: /^Eligibility: Eligible for IV racemic ketamine/ });
    const consent = records.getByRole('link', { name: /^Consent: active — / });
    for (const link of [referral, eligibility, consent]) await link.waitFor();
    expect(await referral.getAttribute('href')).toBe(`/patients/${patientId}/treatment?open=screening`);
    expect(await consent.getAttribute('href')).toBe(`/patients/${patientId}/treatment?open=consent`);
    for (const form of ['Eligibility decision', 'Sign consent', 'Referral']) {
      expect(await page.getByRole('form', { name: form, exact: true }).count()).toBe(0);
    }
    expect(await page.getByRole('region', { name: 'Alerts', exact: true }).count()).toBe(0);
    await expectNoAxeViolations(page, 'the dosing session screen');
  });

  it('records vitals from the screen, and the chart and table show the reading', async () => {
    const { page } = world;
    await waitForReadings(1);
    expect(await page.locator('svg.vitals-chart .series-systolic circle').count()).toBe(1);
    await recordVitals({ systolic: '126', diastolic: '82', heartRate: '74', spo2: '98' });
    await page.getByRole('status').filter({ hasText: 'Vitals recorded. No alerts.' }).waitFor();
    await waitForReadings(2);
    await page.locator('svg.vitals-chart .series-systolic circle').nth(1).waitFor();
    await page.getByRole('table', { name: 'Vitals' }).getByRole('cell', { name: '126/82' }).waitFor();
  });

  it('starts and stops the infusion from the screen', async () => {
    const { page } = world;
    const start = page.getByRole('form', { name: 'Start administration' });
    await start.getByLabel('Time').fill(clinicLocalTime(0));
    await start.getByLabel('Lot').fill('L2026A');
    await start.getByRole('button', { name: 'Start administration' }).click();
    await page.getByText(/^Infusion running since/).waitFor();
    const stop = page.getByRole('form', { name: 'Stop administration' });
    await stop.getByLabel('Time').fill(clinicLocalTime(0));
    // Stopped early: the amount actually infused is recorded.
    await stop.getByLabel('Given (mg)').fill('10');
    await stop.getByRole('button', { name: 'Stop administration' }).click();
    await page
      .getByRole('list', { name: 'Administration record' })
      .getByText(/Stopped .*10 mg given of 35 mg started/)
      .waitFor();
    await page.getByText(/^Administration stopped .*, 10 mg given$/).waitFor();
    // The observation period counts from the end of the infusion: 0 min here, so its time is reached.
    await page.locator('.timer-list').getByText('Time reached').waitFor();
  });

  it('records a reading after the infusion and a CADSS observation', async () => {
    const { page } = world;
    await recordVitals({ systolic: '122', diastolic: '80', heartRate: '72', spo2: '98' });
    await waitForReadings(3);
    const observation = page.getByRole('form', { name: 'Record observation' });
    await observation.getByLabel('Kind').selectOption({ label: 'CADSS score' });
    await observation.getByLabel('Score').fill('4');
    await observation.getByRole('button', { name: 'Record observation' }).click();
    await page.getByRole('list', { name: 'Observations' }).getByText(/CADSS/).waitFor();
  });

  it('opens the session in one click from the treatment area, whose completed sections are folded', async () => {
    const { page } = world;
    await page.getByRole('link', { name: 'Back to treatment' }).click();
    await page.waitForURL((url) => url.pathname === `/patients/${patientId}/treatment`);
    const open = page.getByRole('link', { name: 'Session in progress — open' });
    await open.waitFor();
    // Folded: one line each, the full sections hidden until asked for.
    await page.getByText(/^Referral: Treatment-resistant depression.*Eligibility: Eligible/).waitFor();
    await page.getByText(/^Consent: active — /).waitFor();
    await eventually(() => page.getByRole('list', { name: 'Referrals' }).isVisible()).toBe(false);
    expect(await page.getByRole('list', { name: 'Consents' }).isVisible()).toBe(false);
    await expectNoAxeViolations(page, 'the treatment area with a session in progress');
    await open.click();
    await page.waitForURL((url) => url.pathname === sessionUrl);
    await page.getByRole('heading', { name: 'Session in progress', level: 2 }).waitFor();
  });

  it('follows a one-line summary to its record, unfolded in the treatment area', async () => {
    const { page } = world;
    await page
      .getByRole('region', { name: 'Referral, eligibility and consent' })
      .getByRole('link', { name: /^Consent: active — / })
      .click();
    await page.waitForURL((url) => url.pathname === `/patients/${patientId}/treatment`);
    await page.getByRole('list', { name: 'Consents' }).waitFor({ state: 'visible' });
    // The other sections fold once the area has opened at the consent: re-read until they have.
    await eventually(() => page.getByRole('list', { name: 'Referrals' }).isVisible()).toBe(false);
    await expectNoAxeViolations(page, 'the treatment area with the consent unfolded');
    await page.goto(sessionUrl);
    await page.getByRole('heading', { name: 'Session in progress', level: 2 }).waitFor();
  });

  it('discharges from the screen, asking only the IV protocol’s checks', async () => {
    const { page } = world;
    const form = page.getByRole('form', { name: 'Discharge' });
    await form.getByLabel('Alert and oriented').check();
    await form.getByLabel('Responsible adult escort present').check();
    expect(await form.getByLabel('Effects resolved (esketamine)').count()).toBe(0);
    await form.getByRole('button', { name: 'Discharge patient' }).click();
    await page.getByText(/^Discharged\. No driving before /).waitFor();
    await page.getByRole('heading', { name: 'Past session', level: 2 }).waitFor();
    expect(await page.getByRole('form', { name: 'Record vitals' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'the dosing session screen after discharge');
  });

  it('printed no console errors along the way', () => {
    expect(world.consoleErrors).toEqual([]);
  });
});
