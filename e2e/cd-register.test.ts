// Browser: receive stock, administer in a dosing session, waste the remainder with a witness, run a count,
// and see the register with its running balance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../test/support/server.ts';
import { startIvSession } from '../test/support/treatment.ts';
import { openBrowserWorld, type BrowserWorld } from './support/browser.ts';

let world: BrowserWorld;
let patientId: string;
let productId: string;
let safeId: string;
const RX = { email: 'rx@clinic.test', password: 'a long prescriber phrase' };
const STAFF = 'a long staff pass phrase';

beforeAll(async () => {
  world = await openBrowserWorld();
  const api = new Client(world.server.baseUrl);
  const setup = await api.post('/api/v1/setup', {
    ...RX,
    displayName: 'Rae Prescriber',
    serviceName: 'Infusion Clinic',
    clinicalRole: 'prescriber',
  });
  const me = setup.body.user.id as string;
  const serviceId = setup.body.user.serviceIds[0] as string;
  await api.post(`/api/v1/users/${me}/credentials`, { kind: 'ACLS', expiresOn: '2099-01-01' });
  await api.post('/api/v1/users', {
    email: 'cdo@clinic.test',
    displayName: 'Carla Officer',
    roles: ['cd-officer'],
    serviceIds: [serviceId],
    password: STAFF,
  });
  await api.post('/api/v1/users', {
    email: 'nurse@clinic.test',
    displayName: 'Nora Nurse',
    roles: ['nurse'],
    serviceIds: [serviceId],
    password: STAFF,
  });
  const officer = new Client(world.server.baseUrl);
  await officer.login('cdo@clinic.test', STAFF);
  productId = (
    await officer.post('/api/v1/cd-register/products', {
      drug: 'Ketamine hydrochloride',
      form: 'solution for injection',
      strength: { mgPerMl: 10 },
      containerSize: 5,
      containerName: 'vial',
      code: { system: 'other', value: 'KET-10-5' },
      schedule: { uk: { schedule: 2, drugClass: 'B' } },
    })
  ).body.id;
  safeId = (
    await officer.post('/api/v1/cd-register/locations', {
      name: 'Infusion suite safe',
      premises: 'North Clinic',
    })
  ).body.id;
  const today = new Date().toISOString().slice(0, 10);
  patientId = (
    await api.post('/api/v1/patients', {
      givenName: 'Ivy',
      familyName: 'Infusion',
      birthDate: '1980-01-01',
      weight: { kg: 70, measuredOn: today },
    })
  ).body.id;
  await startIvSession(api, patientId, me);
  const { page } = world;
  await page.goto('/login');
  await page.getByLabel('Email', { exact: true }).fill(RX.email);
  await page.getByLabel('Password', { exact: true }).fill(RX.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
});
afterAll(async () => {
  await world.close();
});

describe('the controlled-drug register in a real browser', () => {
  it('receives a vial into the safe', async () => {
    const { page } = world;
    await page.goto(`/cd-register/${productId}/${safeId}`);
    await page.getByRole('heading', { name: 'Register', exact: true }).waitFor();
    await page.getByRole('tab', { name: 'Receive stock' }).click();
    await page.getByLabel('Containers', { exact: true }).fill('1');
    await page.getByLabel('Supplier name').fill('Acme Wholesale');
    await page.getByLabel('Supplier address').fill('1 Main Street, Bristol');
    await page.getByLabel('Invoice').fill('INV-1001');
    await page.getByLabel('Lot').fill('L2026A');
    await page.getByLabel('Expiry').fill('2028-06-30');
    await page.getByRole('button', { name: 'Record receipt' }).click();
    await page.getByText(/Entry 1 recorded/).waitFor();
  });

  it('administers 35 mg in the dosing session, drawn from the safe', async () => {
    const { page } = world;
    await page.goto(`/patients/${patientId}`);
    await page.getByRole('tab', { name: 'Treatment' }).click();
    const form = page.getByRole('form', { name: 'Start administration' });
    await form.waitFor();
    // The register's stock is the default source.
    expect(await form.getByLabel('Draw from controlled-drug stock').inputValue()).toBe(
      `${productId}|${safeId}`,
    );
    // The patient has no address recorded: the register's reg. 19 "supplied to" address is asked for, with the way
    // to record it.
    const prompt = form.getByRole('status').filter({ hasText: /no address recorded/ });
    await prompt.getByText(/reg\. 19/).waitFor();
    expect(
      await prompt.getByRole('link', { name: 'Record the patient’s address' }).getAttribute('href'),
    ).toBe(`/patients/${patientId}/correct`);
    await form.getByRole('button', { name: 'Start administration' }).click();
    await page.getByRole('form', { name: 'Stop administration' }).waitFor();
  });

  it('wastes the 15 mg remainder with a re-authenticated witness, refusing the author as witness', async () => {
    const { page } = world;
    await page.goto(`/cd-register/${productId}/${safeId}`);
    await page.getByRole('tab', { name: 'Record waste' }).click();
    await page.getByLabel('Waste (mg)').fill('15');
    await page.getByLabel('Reason', { exact: true }).fill('Remainder of opened vial after 35 mg dose');
    await page.getByLabel('Witness email').fill(RX.email);
    await page.getByLabel('Witness password').fill(RX.password);
    await page.getByRole('button', { name: 'Record waste' }).click();
    await page
      .getByText(/must be a different user/)
      .first()
      .waitFor();
    await page.getByLabel('Witness email').fill('nurse@clinic.test');
    await page.getByLabel('Witness password').fill(STAFF);
    await page.getByRole('button', { name: 'Record waste' }).click();
    await page.getByText(/Entry 3 recorded/).waitFor();
  });

  it('runs a count that matches the register', async () => {
    const { page } = world;
    await page.getByRole('tab', { name: 'Run a count' }).click();
    await page.getByLabel('Counted containers').fill('0');
    await page.getByLabel('Counted mg (opened)').fill('0');
    await page.getByLabel('Witness email').fill('nurse@clinic.test');
    await page.getByLabel('Witness password').fill(STAFF);
    await page.getByRole('button', { name: 'Record count' }).click();
    await page.getByText(/Entry 4 recorded/).waitFor();
  });

  it('shows the register in order with its running balance', async () => {
    const { page } = world;
    await page.reload();
    const table = page
      .getByRole('table')
      .filter({ has: page.getByRole('columnheader', { name: 'Balance after' }) });
    await table.getByRole('row').nth(4).waitFor();
    const text = (await table.innerText()).toLowerCase();
    for (const kind of ['receipt', 'administration', 'waste', 'count']) expect(text).toContain(kind);
    expect(text).toContain('35');
    expect(await table.getByRole('row').count()).toBe(5);
  });

  it('printed no console errors along the way', () => {
    expect(world.consoleErrors).toEqual([]);
  });
});
