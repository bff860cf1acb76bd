// Browser: a nurse records 185/110 during an infusion; the urgent alert reaches the session panel with the
// suggested action, the chart banner, the prescriber's tasks, the service queue and the timeline, and is acknowledged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Client } from '../test/support/server.ts';
import { startIvSession } from '../test/support/treatment.ts';
import { eventually, openBrowserWorld, signIn, type BrowserWorld } from './support/browser.ts';
import { addNurse, NURSE, PRESCRIBER, setUpInfusionClinic } from './support/clinic.ts';
import { clinicLocalTime } from './support/clinic-clock.ts';

let world: BrowserWorld;
let prescriberPage: Page;
let patientId: string;

beforeAll(async () => {
  world = await openBrowserWorld();
  // Set-up through the API: the prescriber (also the first admin) with ACLS, a nurse of the same service, a
  // referred patient with eligibility and consent, a started IV session and its administration.
  const api = new Client(world.server.baseUrl);
  const { prescriberId, serviceId } = await setUpInfusionClinic(api);
  await addNurse(api, serviceId);
  const today = new Date().toISOString().slice(0, 10);
  patientId = (
    await api.post('/api/v1/patients', {
      givenName: 'Vera',
      familyName: 'Vitals',
      birthDate: '1980-01-01',
      weight: { kg: 70, measuredOn: today },
    })
  ).body.id;
  const referral = await api.post(`/api/v1/patients/${patientId}/referrals`, {
    indication: 'treatment-resistant-depression',
  });
  if (referral.status !== 201) throw new Error(`referral failed: ${referral.text}`);
  const sessionId = await startIvSession(api, patientId, prescriberId);
  const start = await api.post(`/api/v1/treatment-sessions/${sessionId}/administration`, {
    event: 'start',
    at: new Date().toISOString(),
    product: 'Ketamine 10 mg/mL',
    lot: 'L2026A',
    expiry: '2027-06-30',
  });
  if (start.status !== 201) throw new Error(`administration start failed: ${start.text}`);

  await signIn(world.page, NURSE.email, NURSE.password);
  prescriberPage = await world.openPage();
  await signIn(prescriberPage, PRESCRIBER.email, PRESCRIBER.password);
});
afterAll(async () => {
  await world.close();
});

describe('an urgent vital sign during an infusion, in a real browser', () => {
  it('shows the nurse the urgent alerts in the session panel with the suggested action', async () => {
    const { page } = world;
    await page.goto(`/patients/${patientId}`);
    await page.getByRole('tab', { name: 'Treatment' }).click();
    await page.getByRole('heading', { name: 'Session in progress' }).waitFor();
    const vitals = page.getByRole('form', { name: 'Record vitals' });
    await vitals.getByLabel('Taken at').fill(clinicLocalTime(0));
    await vitals.getByLabel('Systolic', { exact: true }).fill('185');
    await vitals.getByLabel('Diastolic', { exact: true }).fill('110');
    await vitals.getByLabel('Heart rate', { exact: true }).fill('96');
    await vitals.getByLabel('SpO2', { exact: true }).fill('98');
    await vitals.getByRole('button', { name: 'Record vitals' }).click();

    const panel = vitals.getByRole('alert').filter({ hasText: /This reading raised \d+ alerts/ });
    await panel.waitFor();
    const urgent = panel.getByRole('listitem').filter({ hasText: /^Urgent:/ });
    await urgent.filter({ hasText: 'Systolic BP 185 mmHg' }).waitFor();
    await urgent.filter({ hasText: /Diastolic BP 110 mmHg/ }).waitFor();
    await eventually(() => urgent.count()).toBe(2);
    for (const line of await urgent.all()) {
      const text = await line.textContent();
      expect(text).toMatch(/Suggested: Pause or stop the infusion/);
      expect(text).toMatch(/call the prescriber now/);
      expect(text).toContain('Sent to the chart banner, the prescriber’s tasks and the service queue.');
    }
  });

  it('puts the alert on the chart banner at once, on the same screen', async () => {
    const { page } = world;
    const banner = page.getByRole('region', { name: 'Alerts' });
    await banner
      .getByRole('listitem')
      .filter({ hasText: /Urgent:.*Systolic BP 185 mmHg.*Pause or stop the infusion/ })
      .waitFor();
    await banner
      .getByRole('listitem')
      .filter({ hasText: /Urgent:.*Diastolic BP 110 mmHg/ })
      .waitFor();
  });

  it("lists the urgent task in the prescriber's tasks and in the service queue", async () => {
    const page = prescriberPage;
    await page.goto('/tasks');
    const open = page.getByRole('region', { name: 'Open tasks' });
    const mine = open.getByRole('row').filter({ hasText: 'Review urgent vital signs in a dosing session' });
    await mine.first().waitFor();
    await eventually(() => page.getByRole('button', { name: 'My tasks' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await eventually(() => mine.count()).toBe(2);
    for (const row of await mine.all()) {
      const text = await row.textContent();
      expect(text).toContain('Urgent');
      expect(text).toContain('Rae Prescriber');
      expect(text).toMatch(/Suggested: Pause or stop the infusion/);
    }
    await mine.filter({ hasText: 'Systolic BP 185 mmHg' }).waitFor();

    await page.getByRole('button', { name: 'Service queue' }).click();
    const queued = open
      .getByRole('row')
      .filter({ hasText: 'Review urgent vital signs in a dosing session' })
      .filter({ hasText: 'Service queue' });
    await queued.filter({ hasText: 'Systolic BP 185 mmHg' }).waitFor();
    await queued.filter({ hasText: 'Diastolic BP 110 mmHg' }).waitFor();
  });

  it('shows the alert on the timeline', async () => {
    const page = prescriberPage;
    await page.goto(`/patients/${patientId}`);
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await page
      .getByRole('tabpanel', { name: 'Timeline' })
      .getByRole('listitem')
      .filter({ hasText: /Urgent during a dosing session: Systolic BP 185 mmHg/ })
      .waitFor();
  });

  it('lets the prescriber acknowledge the alert on the chart banner', async () => {
    const page = prescriberPage;
    const banner = page.getByRole('region', { name: 'Alerts' });
    const ack = banner.getByRole('form', { name: /^Acknowledge alert: .*Systolic BP 185 mmHg/ });
    await ack.getByLabel('Note (optional)').fill('Infusion stopped; prescriber at the bedside');
    await ack.getByRole('button', { name: 'Acknowledge' }).click();
    await banner.getByText('Earlier alerts (1)').waitFor();
    await eventually(() => banner.getByRole('form', { name: /^Acknowledge alert: / }).count()).toBe(1);
    await banner.getByText('Earlier alerts (1)').click();
    await banner
      .getByRole('listitem')
      .filter({ hasText: /Systolic BP 185 mmHg.*acknowledged by Rae Prescriber.*Infusion stopped/ })
      .waitFor();
  });

  it('printed no console errors along the way', () => {
    expect(world.consoleErrors).toEqual([]);
  });
});
