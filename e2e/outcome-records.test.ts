// Browser: on a chart with a confirmed harm decision, record a urology referral and mark it made, then record a
// crisis event and retract it with a reason; both lists keep every record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../test/support/server.ts';
import { eventually, openBrowserWorld, type BrowserWorld } from './support/browser.ts';
import { clinicLocalDay } from './support/clinic-clock.ts';

let world: BrowserWorld;
let patientId: string;
const CLINICIAN = { email: 'kw@clinic.test', password: 'a long key worker phrase' };

/** A calendar date `n` days from today on the clinic's clock, as a date input holds it. */
const localDay = (n: number) => clinicLocalDay(n);

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
  const assessment = await api.post(`/api/v1/patients/${patientId}/harm-assessments`, {
    assessment: {
      use: { daysUsedLast28: 12, routes: ['nasal'], bingeing: false, escalating: false },
      symptoms: [{ code: 'visible-haematuria' }],
      risks: [],
    },
  });
  const decision = await api.post(`/api/v1/harm-assessments/${assessment.body.id}/decision`, {
    confirmedLevel: assessment.body.evaluation.level,
  });
  if (decision.status !== 201) throw new Error(`decision failed: ${decision.text}`);
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

describe('referrals and crisis events on the chart', () => {
  it('records a urology referral with the two-week target prefilled', async () => {
    const { page } = world;
    await page.goto(`/patients/${patientId}`);
    await page.getByRole('tab', { name: 'Referrals and crisis events' }).click();
    await page.getByText('No onward referrals yet.').waitFor();
    const form = page.getByRole('form', { name: 'Record onward referral' });
    await form.getByLabel('Destination').selectOption({ label: 'Urology' });
    const target = form.getByLabel('Target (days)');
    await eventually(() => target.inputValue()).toBe('14');
    await form.getByText(/Default 14 days\. Source: .*two-week referral pathway to urology/).waitFor();
    await eventually(() => form.getByLabel('Decided on').inputValue()).toBe(localDay(0));
    await form.getByLabel('Reason').fill('Visible haematuria');
    await form.getByRole('button', { name: 'Record referral' }).click();
    await form.getByText('Referral recorded.').waitFor();
    const row = page.getByRole('table', { name: 'Onward referrals' }).getByRole('row', { name: /Urology/ });
    await row.getByText('Pending').waitFor();
    await eventually(() => row.getByRole('cell').nth(0).textContent()).toBe('4');
  });

  it('marks it made, showing the server’s refusal of a date before the decision beside the field', async () => {
    const { page } = world;
    const table = page.getByRole('table', { name: 'Onward referrals' });
    await table
      .getByRole('group', { name: 'Actions for the referral to Urology' })
      .getByRole('button', { name: 'Mark made' })
      .click();
    const form = page.getByRole('form', { name: 'Record the referral to Urology as made' });
    const madeOn = form.getByLabel('Made on');
    await eventually(() => madeOn.inputValue()).toBe(localDay(0));
    await madeOn.fill('2020-01-01');
    await form.getByRole('button', { name: 'Record as made' }).click();
    await form.getByText(/Must not be before the referral was decided/).waitFor();
    await eventually(() => madeOn.getAttribute('aria-invalid')).toBe('true');
    await madeOn.fill(localDay(0));
    await form.getByRole('button', { name: 'Record as made' }).click();
    await table
      .getByRole('row', { name: /Urology/ })
      .getByText(/Made \d{2} \w{3} \d{4}/)
      .waitFor();
    await eventually(() => table.getByRole('button', { name: 'Mark made' }).count()).toBe(0);
  });

  it('records a crisis event, refusing a future date, and retracts it with a reason without hiding it', async () => {
    const { page } = world;
    await page.getByText('No crisis events recorded.').waitFor();
    const form = page.getByRole('form', { name: 'Record crisis event' });
    await form.getByLabel('Kind of event').selectOption({ label: 'Emergency department attendance' });
    const occurredOn = form.getByLabel('Occurred on');
    await occurredOn.fill(localDay(3));
    await form.getByRole('button', { name: 'Record crisis event' }).click();
    await form.getByText('A crisis event cannot be in the future').waitFor();
    await occurredOn.fill(localDay(-1));
    await form.getByLabel('Note').fill('Seen in the emergency department overnight');
    await form.getByRole('button', { name: 'Record crisis event' }).click();
    await form.getByText('Crisis event recorded.').waitFor();

    const table = page.getByRole('table', { name: 'Crisis events' });
    await table.getByText('Emergency department attendance').waitFor();
    await table.getByRole('button', { name: /^Retract the crisis event of/ }).click();
    const retract = page.getByRole('form', { name: /^Retract the crisis event of/ });
    await retract.getByRole('button', { name: 'Retract event' }).click();
    await retract.getByText('Say why it was recorded in error').waitFor();
    await retract.getByLabel('Reason for retraction').fill('Recorded on the wrong person');
    await retract.getByRole('button', { name: 'Retract event' }).click();

    const row = table.getByRole('row', { name: /Emergency department attendance/ });
    await row.getByText('Recorded on the wrong person').waitFor();
    await row.getByText('Retracted').waitFor();
    await eventually(() => row.locator('del').allTextContents()).toContain('Emergency department attendance');
    await eventually(() => table.getByRole('button', { name: /^Retract/ }).count()).toBe(0);
  });

  it('shows both records on the timeline', async () => {
    const { page } = world;
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await page.getByText('Referral to Urology decided (target 14 days)').waitFor();
    await page.getByText(/retracted as recorded in error/).waitFor();
  });

  it('printed no console errors along the way', () => {
    expect(world.consoleErrors).toEqual([]);
  });
});
