// Browser: on a fresh install the CD officer saves the register mode at its default (UK) and the Getting started
// step turns done; the register screen names the patient exactly as the CSV export does (decision record 017).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../test/support/server.ts';
import { openBrowserWorld, signIn, type BrowserWorld } from './support/browser.ts';

let world: BrowserWorld;
let patientId: string;
let productId: string;
let safeId: string;
const ADMIN = { email: 'rx@clinic.test', password: 'a long prescriber phrase' };
const OFFICER = { email: 'cdo@clinic.test', password: 'a long officer pass phrase' };
const STAFF = 'a long staff pass phrase';
const STEP = 'Choose the time zone and the register mode';
const API = '/api/v1/cd-register';

beforeAll(async () => {
  world = await openBrowserWorld();
  const api = new Client(world.server.baseUrl);
  const setup = await api.post('/api/v1/setup', {
    ...ADMIN,
    displayName: 'Rae Prescriber',
    serviceName: 'Infusion Clinic',
    clinicalRole: 'prescriber',
  });
  const me = setup.body.user.id as string;
  const serviceId = setup.body.user.serviceIds[0] as string;
  // The time zone half of the step, saved as an administrator would; the register mode is left to the officer.
  await api.patch(`/api/v1/services/${serviceId}`, { timeZone: 'Europe/London' });
  for (const [email, displayName, roles, password] of [
    [OFFICER.email, 'Carl Officer', ['cd-officer'], OFFICER.password],
    ['nurse@clinic.test', 'Nora Nurse', ['nurse'], STAFF],
  ] as const)
    await api.post('/api/v1/users', { email, displayName, roles, serviceIds: [serviceId], password });
  const officer = new Client(world.server.baseUrl);
  await officer.login(OFFICER.email, OFFICER.password);
  productId = (
    await officer.post(`${API}/products`, {
      drug: 'Ketamine hydrochloride',
      form: 'solution for injection',
      strength: { mgPerMl: 10 },
      containerSize: 20,
      containerName: 'vial',
      code: { system: 'other', value: 'KET-10-20' },
      schedule: { uk: { schedule: 2, drugClass: 'B' } },
    })
  ).body.id;
  safeId = (await officer.post(`${API}/locations`, { name: 'Main CD cupboard', premises: 'North Clinic' }))
    .body.id;
  await officer.post(`${API}/entries`, {
    kind: 'receipt',
    productId,
    locationId: safeId,
    quantity: { containers: 1 },
    supplier: { name: 'Acme Wholesale', address: '1 Main Street, Bristol' },
    invoice: 'INV-1',
    lot: 'L1',
    expiry: '2030-01-01',
  });
  patientId = (
    await api.post('/api/v1/patients', {
      givenName: 'Morgan',
      familyName: 'Infusion',
      birthDate: '1980-01-01',
      contact: { address: '4 Mill Lane, York' },
    })
  ).body.id;
  const nurse = new Client(world.server.baseUrl);
  await nurse.login('nurse@clinic.test', STAFF);
  const given = await nurse.post(`${API}/entries`, {
    kind: 'administration',
    productId,
    locationId: safeId,
    quantity: { mg: 34 },
    patientId,
    sessionId: '0b1c2d3e-4f5a-4b6c-8d7e-8f9a0b1c2d3e',
    prescriberId: me,
  });
  if (given.status !== 201) throw new Error(given.text);
  await signIn(world.page, OFFICER.email, OFFICER.password);
});
afterAll(async () => {
  await world.close();
});

describe('the CD officer on a fresh install', () => {
  it('sees the patient on the register screen as the CSV export names them', async () => {
    const { page } = world;
    await page.goto(`/cd-register/${productId}/${safeId}`);
    const reference = `Patient ${patientId.slice(0, 8)}`;
    const table = page
      .getByRole('table')
      .filter({ has: page.getByRole('columnheader', { name: 'Balance after' }) });
    await table.getByText(`Supplied to ${reference}`).waitFor();
    await page.getByText(/Some patients are shown by reference only/).waitFor();
    const csv = await page.evaluate(async (path) => {
      const res = await fetch(path, { credentials: 'same-origin' });
      return res.text();
    }, `${API}/reports/uk?format=csv&productId=${productId}&locationId=${safeId}`);
    expect(csv).toContain(reference);
    for (const hidden of ['Morgan', 'Infusion', 'Mill Lane']) {
      expect(csv).not.toContain(hidden);
      expect(await table.innerText()).not.toContain(hidden);
    }
  });

  it('saves the register mode at its default, UK', async () => {
    const { page } = world;
    await page.goto('/cd-register');
    const form = page.getByRole('heading', { name: 'Register mode' }).locator('xpath=ancestor::form');
    await form.getByText(/No mode saved yet/).waitFor();
    expect(await form.getByLabel('Register mode').inputValue()).toBe('uk');
    const save = form.getByRole('button', { name: 'Save register mode' });
    expect(await save.isEnabled()).toBe(true);
    await save.click();
    await page.getByText(/^Register mode saved: UK/).waitFor();
    await form.getByText(/No mode saved yet/).waitFor({ state: 'detached' });
  });

  it('shows the Getting started step done to the administrator', async () => {
    const { page } = world;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Email', { exact: true }).waitFor();
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.goto('/getting-started');
    const item = page
      .getByRole('list', { name: 'Set-up steps' })
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: STEP }) });
    await item.getByText('Done', { exact: true }).waitFor();
    expect(await item.innerText()).toContain('register mode UK');
  });

  it('printed no console errors along the way', () => {
    expect(world.consoleErrors).toEqual([]);
  });
});
