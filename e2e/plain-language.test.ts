// Browser: what a clinician reads on a harm proposal and on a dosing session's urgent alert carries no research
// tags ([V], [U], [SYN]), no internal file names (clinic.md §3), no JSON paths (symptoms.0.code) and no ids
// (iv-racemic-psychiatric@1.0.0): sources read as references, codes as labels (journey review 2026-12 item 8).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Client } from '../test/support/server.ts';
import { startIvSession } from '../test/support/treatment.ts';
import { openBrowserWorld, signIn, type BrowserWorld } from './support/browser.ts';
import { PRESCRIBER, setUpInfusionClinic } from './support/clinic.ts';
import { clinicLocalTime } from './support/clinic-clock.ts';

const NOTATION = [
  '[V]',
  '[U]',
  '[S]',
  '[SYN]',
  'clinic.md',
  'harm.md',
  '.md §',
  '.0.code',
  'coUse.',
  'derived.',
  '@1.0.0',
  '@2.0.0',
];
const KEYWORKER = { email: 'kw@clinic.test', password: 'a long key worker phrase' };

let world: BrowserWorld;
let keyworkerPage: Page;
let patientId: string;

/** Every piece of notation found in the text of the page's main region, opened disclosures included. */
async function notationOn(page: Page): Promise<string[]> {
  const main = page.getByRole('main');
  // Sources sit behind "Source" disclosures: open every one, so hidden text is checked too.
  await main.evaluate((el) => {
    for (const d of el.querySelectorAll('details')) d.open = true;
  });
  const text = await main.innerText();
  return NOTATION.filter((n) => text.includes(n));
}

beforeAll(async () => {
  world = await openBrowserWorld();
  const api = new Client(world.server.baseUrl);
  const { prescriberId, serviceId } = await setUpInfusionClinic(api);
  const kw = await api.post('/api/v1/users', {
    ...KEYWORKER,
    displayName: 'Kit Keyworker',
    roles: ['practitioner'],
    serviceIds: [serviceId],
  });
  if (kw.status !== 201) throw new Error(`key worker not created: ${kw.text}`);
  const today = new Date().toISOString().slice(0, 10);
  patientId = (
    await api.post('/api/v1/patients', {
      givenName: 'Pia',
      familyName: 'Plain',
      birthDate: '1981-02-03',
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
  await signIn(world.page, PRESCRIBER.email, PRESCRIBER.password);
  keyworkerPage = await world.openPage();
  await signIn(keyworkerPage, KEYWORKER.email, KEYWORKER.password);
});
afterAll(async () => {
  await world.close();
});

describe('plain language where clinicians read', () => {
  it('shows a harm proposal with labels and readable sources, no codes, paths or tags', async () => {
    const page = keyworkerPage;
    await page.goto(`/patients/${patientId}`);
    await page.getByRole('tab', { name: 'Harm pathway' }).click();
    const form = page.getByRole('form', { name: 'Structured assessment' });
    await form.waitFor();
    await form.getByLabel('Days used in the last 28').fill('20');
    await form.getByRole('group', { name: 'Routes' }).getByLabel('Nasal').check();
    await form.getByRole('group', { name: 'Co-use' }).getByLabel('Alcohol').check();
    await form.getByLabel('Urinary frequency').check();
    await form.getByLabel('Suicidal thoughts', { exact: true }).check();
    await form.getByLabel('Low mood').check();
    await form.getByLabel('SDS total').fill('7');
    await page.getByText('Proposed level 4 — Urgent').waitFor();
    const panel = page.getByRole('complementary', { name: 'Proposal' });
    await panel.getByText('Red flags:').waitFor();
    await panel.getByText(/Red flags: Suicidal thoughts/).waitFor();
    await panel.getByText('Symptom: Urinary frequency').first().waitFor();
    await panel.getByText('Co-use: Alcohol').first().waitFor();
    await panel
      .getByText(/^Areas with harm: /)
      .first()
      .waitFor();
    await panel
      .getByText(/^SDS total at or above which/)
      .first()
      .waitFor();
    await panel.getByText(/Content: KASPR harm pathway/).waitFor();
    expect(await notationOn(page)).toEqual([]);
  });

  it('shows a dosing session’s urgent BP alert with its source as a reference', async () => {
    const { page } = world;
    await page.goto(`/patients/${patientId}`);
    await page.getByRole('tab', { name: 'Treatment' }).click();
    await page.getByRole('heading', { name: 'Session in progress' }).waitFor();
    const vitals = page.getByRole('form', { name: 'Record vitals' });
    await vitals.getByLabel('Taken at').fill(clinicLocalTime());
    await vitals.getByLabel('Systolic', { exact: true }).fill('185');
    await vitals.getByLabel('Diastolic', { exact: true }).fill('110');
    await vitals.getByLabel('Heart rate', { exact: true }).fill('96');
    await vitals.getByLabel('SpO2', { exact: true }).fill('98');
    await vitals.getByRole('button', { name: 'Record vitals' }).click();
    const urgent = vitals
      .getByRole('alert')
      .getByRole('listitem')
      .filter({ hasText: /^Urgent:.*Systolic BP 185 mmHg/ });
    await urgent.waitFor();
    expect(await urgent.innerText()).toMatch(/Source: .*Yip et al\., Frontiers in Psychiatry 2022/);
    await page
      .getByRole('region', { name: 'Alerts' })
      .getByRole('listitem')
      .filter({ hasText: /Urgent:.*Systolic BP 185 mmHg/ })
      .waitFor();
    expect(await notationOn(page)).toEqual([]);
  });

  it('printed no console errors along the way', () => {
    expect(world.consoleErrors).toEqual([]);
  });
});
