// Browser: complete a harm assessment, see the level and reasons, accept, build a care plan, see the review on the worklist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../test/support/server.ts';
import { openBrowserWorld, type BrowserWorld } from './support/browser.ts';

let world: BrowserWorld;
let patientId: string;
const CLINICIAN = { email: 'kw@clinic.test', password: 'a long key worker phrase' };

beforeAll(async () => {
  world = await openBrowserWorld();
  const api = new Client(world.server.baseUrl);
  await api.post('/api/v1/setup', {
    ...CLINICIAN,
    displayName: 'Kit Keyworker',
    serviceName: 'North',
    clinicalRole: 'practitioner',
  });
  patientId = (
    await api.post('/api/v1/patients', { givenName: 'Jane', familyName: 'Smith', birthDate: '1985-03-02' })
  ).body.id;
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

describe('the harm pathway in a real browser', () => {
  it('completes an assessment and shows the proposed level with its reasons', async () => {
    const { page } = world;
    await page.goto(`/patients/${patientId}`);
    await page.getByRole('tab', { name: 'Harm pathway' }).click();
    await page.getByRole('heading', { name: 'Structured assessment' }).waitFor();
    const form = page.getByRole('form', { name: 'Structured assessment' });
    await form.getByLabel('Days used in the last 28').fill('12');
    await form.getByRole('group', { name: 'Routes' }).getByLabel('Nasal').check();
    await form.getByRole('group', { name: 'Co-use' }).getByLabel('None').check();
    await form.getByLabel('Urinary frequency').check();
    await form.getByLabel('Visible haematuria (blood in urine)').check();
    const proposal = page.getByText('Proposed level 4 — Urgent');
    await proposal.waitFor();
    const panel = page.getByRole('complementary', { name: 'Proposal' });
    await panel
      .getByText(/visible haematuria/i)
      .first()
      .waitFor();
    expect(await panel.getByRole('listitem').count()).toBeGreaterThanOrEqual(3);
    await page.getByRole('button', { name: 'Save assessment' }).click();
    await page.getByRole('heading', { name: 'Decision' }).waitFor();
    await page.getByText('The proposal is level 4').waitFor();
  });

  it('accepts the level and shows the review date', async () => {
    const { page } = world;
    await page.getByRole('button', { name: 'Accept level' }).click();
    await page.getByText(/accepted\./).waitFor();
    await page.getByText(/Review due by/).waitFor();
  });

  it('builds a care plan from the proposed interventions', async () => {
    const { page } = world;
    await page.getByRole('button', { name: 'Edit care plan' }).click();
    const form = page.getByRole('form', { name: 'Edit care plan' });
    await form.waitFor();
    await form.getByRole('button', { name: 'Add goal' }).click();
    await form.getByLabel('Goal 1').fill('Stop use and get the bladder checked');
    await form.getByRole('button', { name: 'Save care plan' }).click();
    await page.getByText('Care plan version 1 saved.').waitFor();
    // The saved plan re-renders from the server: wait for its rows rather than counting at once.
    const interventions = page.getByRole('table', { name: 'Interventions' });
    await interventions.getByRole('row').nth(1).waitFor();
    expect(await interventions.getByRole('row').count()).toBeGreaterThan(1);
  });

  it('shows the review on the worklist', async () => {
    const { page } = world;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Worklist' }).click();
    await page.getByRole('heading', { name: 'Reviews due' }).waitFor();
    await page.getByRole('link', { name: 'SMITH, Jane' }).first().waitFor();
  });

  it('printed no console errors along the way', () => {
    expect(world.consoleErrors).toEqual([]);
  });
});
