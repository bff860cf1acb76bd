// Browser: administer PHQ-9 on the chart, see score, band, safety alert and trend; a patient self-report by link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../test/support/server.ts';
import { eventually, openBrowserWorld, withTestWaits, type BrowserWorld } from './support/browser.ts';

let world: BrowserWorld;
let patientId: string;
const CLINICIAN = { email: 'clin@clinic.test', password: 'a long clinician phrase' };

beforeAll(async () => {
  world = await openBrowserWorld();
  const api = new Client(world.server.baseUrl);
  const setup = await api.post('/api/v1/setup', {
    ...CLINICIAN,
    displayName: 'Cleo Clinician',
    serviceName: 'North',
    clinicalRole: 'practitioner',
  });
  expect(setup.status).toBe(201);
  const p = await api.post('/api/v1/patients', {
    givenName: 'Jane',
    familyName: 'Smith',
    birthDate: '1985-03-02',
  });
  patientId = p.body.id;
  const { page } = world;
  await page.goto('/login');
  await page.getByLabel('Email', { exact: true }).fill(CLINICIAN.email);
  await page.getByLabel('Password', { exact: true }).fill(CLINICIAN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
});
afterAll(async () => {
  await world.close();
});

async function administerPhq9(scores: number[], completedAt: string): Promise<void> {
  const { page } = world;
  await page.getByLabel('Questionnaire', { exact: true }).selectOption({ value: 'phq-9' });
  for (const [i, score] of scores.entries()) {
    const item = page.getByRole('group', { name: new RegExp(`^${i + 1}\\. `) });
    await item.getByRole('radio', { name: new RegExp(`^${score} —`) }).check();
  }
  await page.getByLabel('Completed at').fill(completedAt);
  await page.getByRole('button', { name: 'Save response' }).click();
}

describe('questionnaires on the chart', () => {
  it('administers a PHQ-9 and shows score and band', async () => {
    const { page } = world;
    await page.goto(`/patients/${patientId}`);
    await page.getByRole('tab', { name: 'Questionnaires' }).click();
    await page.getByRole('heading', { name: 'Administer questionnaire' }).waitFor();
    await administerPhq9([3, 3, 2, 2, 2, 2, 2, 2, 0], '2026-10-01T10:00');
    await page.getByText('Saved: PHQ-9 score 18 (Moderately severe)').waitFor();
  });

  it('raises a visible safety alert when item 9 is above 0', async () => {
    const { page } = world;
    await administerPhq9([1, 1, 1, 1, 1, 1, 1, 1, 1], '2026-10-15T10:00');
    await page.getByText('Saved: PHQ-9 score 9').waitFor();
    await page
      .getByRole('alert')
      .filter({ hasText: /item 9/i })
      .first()
      .waitFor();
  });

  it('draws the trend with band shading and shows response against baseline', async () => {
    const { page } = world;
    await administerPhq9([1, 1, 1, 1, 0, 0, 0, 0, 0], '2026-11-01T10:00');
    await page.getByText('Saved: PHQ-9 score 4').waitFor();
    await page.getByRole('heading', { name: 'PHQ-9 trend' }).waitFor();
    const chart = page.getByRole('img', { name: /PHQ-9 trend: 18 on 01 Oct 2026 to 4 on 01 Nov 2026/ });
    await chart.waitFor();
    await eventually(() => chart.locator('rect').count()).toBeGreaterThanOrEqual(5);
    await page
      .getByText(/remission/i)
      .first()
      .waitFor();
    const history = page.getByRole('table', { name: 'PHQ-9 history' });
    await eventually(() => history.getByRole('row').count()).toBe(4);
  });
});

describe('self-report', () => {
  it('a patient answers through a single-use link and the answers land on the chart', async () => {
    const { page, browser } = world;
    await page.getByRole('checkbox', { name: /GAD-7/ }).check();
    await page.getByRole('button', { name: 'Create self-report link' }).click();
    const url = await page.getByLabel('Self-report link').inputValue();
    expect(url).toContain('/self-report/');

    const patientContext = withTestWaits(await browser.newContext());
    const patientPage = await patientContext.newPage();
    const errors: string[] = [];
    patientPage.on('pageerror', (e) => errors.push(e.message));
    await patientPage.goto(url);
    await patientPage.getByRole('heading', { name: 'Before your appointment' }).waitFor();
    for (let i = 1; i <= 7; i += 1) {
      await patientPage
        .getByRole('group', { name: new RegExp(`^${i}\\. `) })
        .getByRole('radio')
        .nth(1)
        .check();
    }
    await patientPage.getByRole('button', { name: 'Send answers' }).click();
    await patientPage.getByText('Thank you — your answers have been sent to your clinic.').waitFor();
    await patientPage.reload();
    await patientPage.getByText(/expired or was already used/).waitFor();
    await patientContext.close();
    expect(errors).toEqual([]);

    await page.reload();
    await page.getByRole('tab', { name: 'Questionnaires' }).click();
    const history = page.getByRole('table', { name: 'GAD-7 history' });
    await history.waitFor();
    await history
      .getByRole('cell', { name: /self-report/i })
      .first()
      .waitFor();
  });

  it('printed no console errors along the way', () => {
    expect(world.consoleErrors).toEqual([]);
  });
});
