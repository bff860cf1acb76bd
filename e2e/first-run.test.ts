// Browser: first-run setup, sign-out and sign-in, registering a patient, finding them by search, the chart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowserWorld, type BrowserWorld } from './support/browser.ts';

let world: BrowserWorld;

beforeAll(async () => {
  world = await openBrowserWorld();
});
afterAll(async () => {
  await world.close();
});

const ADMIN = { name: 'Ada Admin', email: 'ada@clinic.test', password: 'a long admin pass phrase' };

describe('a new installation, in a real browser', () => {
  it('shows the setup page on first visit and creates the administrator', async () => {
    const { page } = world;
    await page.goto('/');
    await page.getByRole('heading', { name: 'Set up KASPR' }).waitFor();
    await page.getByLabel('Your name').fill(ADMIN.name);
    await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Service name').fill('North Team');
    await page.getByLabel('Your clinical role (optional)').selectOption({ label: 'Practitioner' });
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.getByText(ADMIN.name).first().waitFor();
  });

  it('signs out and refuses a wrong password with a clear message', async () => {
    const { page } = world;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to KASPR' }).waitFor();
    await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill('not the right password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Email or password is not right' }).waitFor();
  });

  it('signs in', async () => {
    const { page } = world;
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  });

  it('refuses an invalid NHS number inline, then registers the patient', async () => {
    const { page } = world;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
    await page.getByRole('link', { name: 'Register patient' }).click();
    await page.getByRole('heading', { name: 'Register patient' }).waitFor();
    await page.getByLabel('Given name').fill('Jane');
    await page.getByLabel('Family name').fill('Smith');
    await page.getByLabel('Date of birth').fill('1985-03-02');
    await page.getByLabel('Sex').selectOption({ label: 'Female' });
    await page.getByLabel('NHS number').fill('943 476 5918');
    await page.getByLabel('MRN').fill('MRN-42');
    await page.getByRole('button', { name: 'Add allergy' }).click();
    await page.getByLabel('Substance').fill('Penicillin');
    await page.getByLabel('Reaction').fill('Rash');
    await page.getByLabel('Severity').selectOption({ label: 'Severe' });
    await page.getByRole('button', { name: 'Register patient' }).click();
    await page.getByText('Not a valid NHS number').first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/patients/new');

    await page.getByLabel('NHS number').fill('943 476 5919');
    await page.getByRole('button', { name: 'Register patient' }).click();
    await page.getByRole('heading', { name: 'SMITH, Jane' }).waitFor();
    await page.getByText('Patient registered.').waitFor();
  });

  it('finds the patient by search and opens the chart with the timeline', async () => {
    const { page } = world;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
    await page.getByLabel('Search patients').fill('smi');
    const link = page.getByRole('link', { name: 'SMITH, Jane' });
    await link.waitFor();
    await page.getByRole('cell', { name: '943 476 5919' }).waitFor();

    await page.getByLabel('Search patients').fill('943 476 5919');
    await page.getByLabel('Search patients').press('Enter');
    await link.waitFor();
    await link.click();

    await page.getByRole('heading', { name: 'SMITH, Jane' }).waitFor();
    await page
      .getByText(/Penicillin/)
      .first()
      .waitFor();
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    await page.getByText(/Registered \(NHS 943 476 5919\)/).waitFor();
  });

  it('printed no console errors along the way', () => {
    expect(world.consoleErrors).toEqual([]);
  });
});
