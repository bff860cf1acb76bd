// Browser: a fresh installation to its first discharged dosing session without leaving the product. The
// administrator is created on the setup page, then the Getting started checklist is worked through in the UI
// (staff with roles, the prescriber's ACLS credential, controlled-drug product, location and receipt, the time zone
// and register mode, the service's thresholds and the clinical content sign-off); then the prescriber registers a
// patient, screens, consents and starts the session, and the nurse at the chair records it and discharges.
// axe finds nothing on each page visited.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.ts';
import { eventually, openBrowserWorld, signIn, type BrowserWorld } from './support/browser.ts';
import { fillIvSessionStart } from './support/clinic.ts';
import { clinicLocalTime } from './support/clinic-clock.ts';

let world: BrowserWorld;
const ADMIN = { name: 'Ada Admin', email: 'ada@dayone.test', password: 'a long admin pass phrase' };
const PRESCRIBER = { name: 'Rae Prescriber', email: 'rx@dayone.test', password: 'a long prescriber phrase' };
const NURSE = { name: 'Nadia Nurse', email: 'nurse@dayone.test', password: 'a long nurse pass phrase' };
const OFFICER = { name: 'Carl Officer', email: 'cdo@dayone.test', password: 'a long officer pass phrase' };
const STEPS = {
  staff: 'Add staff with their roles and services',
  acls: 'Record the ACLS credential of the staff present at dosing',
  cd: 'Receive controlled-drug stock',
  content: 'Review the clinical content and sign it off',
  zone: 'Choose the time zone and the register mode',
};

/** The checklist item of a step, found by its heading. */
const stepItem = (page: Page, title: string) =>
  page
    .getByRole('list', { name: 'Set-up steps' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: new RegExp(title) }) });

/** Opens Getting started from the main navigation and waits for the checklist. */
async function openChecklist(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Getting started' }).click();
  await page.getByRole('heading', { name: 'Getting started', level: 1 }).waitFor();
  await page.getByRole('list', { name: 'Set-up steps' }).waitFor();
}

/** Waits until the step's badge reads Done. */
async function stepDone(page: Page, title: string): Promise<void> {
  await stepItem(page, title).getByText('Done', { exact: true }).waitFor();
}

/** Follows the step's title link from the checklist. */
async function followStep(page: Page, title: string): Promise<void> {
  await stepItem(page, title).getByRole('link', { name: title }).click();
}

beforeAll(async () => {
  world = await openBrowserWorld();
});
afterAll(async () => {
  await world.close();
});

describe('from a fresh installation to a first discharged dosing session, in the product alone', () => {
  it('creates the administrator and shows the checklist with every step to do', async () => {
    const { page } = world;
    await page.goto('/');
    await page.getByRole('heading', { name: 'Set up KASPR' }).waitFor();
    await expectNoAxeViolations(page, 'the setup page');
    await page.getByLabel('Your name').fill(ADMIN.name);
    await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Service name').fill('Day One Clinic');
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await openChecklist(page);
    await page.getByText('Day One Clinic: 5 of 5 steps to do.').waitFor();
    for (const title of Object.values(STEPS))
      await stepItem(page, title).getByText('To do', { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'Getting started on a fresh installation');
  });

  it('adds a prescriber, a nurse and a CD officer, each put in the only service by default', async () => {
    const { page } = world;
    await followStep(page, STEPS.staff);
    await page.waitForURL((url) => url.pathname === '/admin' && url.hash === '#staff');
    await page.getByRole('heading', { name: 'Add user' }).waitFor();
    await expectNoAxeViolations(page, 'the admin page');
    const people: [typeof PRESCRIBER, string][] = [
      [PRESCRIBER, 'Prescriber'],
      [NURSE, 'Nurse'],
      [OFFICER, 'Controlled drugs officer'],
    ];
    for (const [person, role] of people) {
      const services = page.getByRole('group', { name: 'Services' }).last();
      // With one service, it is ticked for a new member of staff.
      await eventually(() => services.getByLabel('Day One Clinic').isChecked()).toBe(true);
      await page.getByLabel('Name', { exact: true }).fill(person.name);
      await page.getByLabel('Email', { exact: true }).fill(person.email);
      await page.getByRole('group', { name: 'Roles' }).last().getByLabel(role, { exact: true }).check();
      await page.getByLabel('Set a password now').check();
      await page.getByLabel('Password', { exact: true }).fill(person.password);
      await page.getByRole('button', { name: 'Add user' }).click();
      await page.getByText(`${person.name} was added and can sign in now`).waitFor();
    }
    const staff = page.getByRole('region', { name: 'Staff' });
    await staff.getByRole('cell', { name: 'Day One Clinic' }).nth(2).waitFor();
    await openChecklist(page);
    await stepDone(page, STEPS.staff);
  });

  it('records the prescriber’s ACLS credential from the step’s link', async () => {
    const { page } = world;
    await followStep(page, STEPS.acls);
    await page.waitForURL((url) => url.pathname === '/admin');
    await page.getByRole('button', { name: `Credentials of ${PRESCRIBER.name}` }).click();
    const form = page.getByRole('form', { name: `Add credential for ${PRESCRIBER.name}` });
    await form.getByLabel('Kind').fill('ACLS');
    await form.getByLabel('Expires on').fill('2099-01-01');
    await form.getByRole('button', { name: 'Add credential' }).click();
    await page.getByText('Valid', { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'the admin page with a credential');
    await openChecklist(page);
    await stepDone(page, STEPS.acls);
  });

  it('chooses the time zone, and sets the service’s discharge observation for this real-time test', async () => {
    const { page } = world;
    await followStep(page, STEPS.zone);
    await page.waitForURL((url) => url.pathname === '/admin' && url.hash === '#services');
    await page.getByText('Details for documents (time zone, phone, address)').click();
    const details = page.getByRole('form', { name: 'Details for Day One Clinic' });
    await details.getByLabel('Time zone').fill('Europe/London');
    await details.getByRole('button', { name: 'Save details' }).click();
    await page.getByText(/^Saved\. Consent copies and discharge summaries/).waitFor();
    // The thresholds are part of the content reviewed. This browser test runs in real time, so the service sets
    // the observation after an IV infusion to 0 min; every other discharge rule still applies.
    const settings = page.getByRole('form', { name: 'Protocol settings' });
    const observation = settings.getByLabel(/^Discharge: minimum observation time/);
    await observation.fill('0');
    await settings.getByLabel('Reason for the change').fill('Browser test: discharge in real time');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Saved as settings version 1.').waitFor();
    await expectNoAxeViolations(page, 'the admin page after saving details and settings');
  });

  it('signs off the clinical content in force, naming its versions', async () => {
    const { page } = world;
    await openChecklist(page);
    await followStep(page, STEPS.content);
    const section = page.getByRole('region', { name: 'Clinical content' });
    await section
      .getByRole('list', { name: 'Treatment protocols' })
      .getByText(/iv-racemic-psychiatric@/)
      .waitFor();
    await section
      .getByRole('list', { name: 'Thresholds of Day One Clinic' })
      .getByText(/the service's settings, version 1/)
      .waitFor();
    await section.getByLabel('Note (optional)').fill('Reviewed with the clinical lead');
    await section.getByRole('button', { name: 'Sign off the clinical content' }).click();
    await section.getByText(`Clinical content signed off by ${ADMIN.name}.`).waitFor();
    await stepDone(page, STEPS.content);
    await expectNoAxeViolations(page, 'Getting started after the sign-off');
  });

  it('as the CD officer: adds the product and location, receives stock and saves the register mode', async () => {
    const officer = await world.openPage();
    await signIn(officer, OFFICER.email, OFFICER.password);
    await officer
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'CD register' })
      .click();
    await officer.getByRole('heading', { name: 'Controlled-drug register', level: 1 }).waitFor();
    await expectNoAxeViolations(officer, 'the CD register, empty');

    const mode = officer.getByRole('heading', { name: 'Register mode' }).locator('xpath=ancestor::form');
    await mode.getByLabel('Register mode').selectOption({ label: 'US — DEA records (21 CFR 1304)' });
    await mode.getByRole('button', { name: 'Save register mode' }).click();
    await officer.getByText(/^Register mode saved: US/).waitFor();

    const product = officer.getByRole('form', { name: 'Add product' });
    await product.getByLabel('Drug').fill('Ketamine hydrochloride');
    await product.getByLabel('Form', { exact: true }).fill('solution for injection');
    await product.getByLabel('Strength (mg/mL)').fill('10');
    await product.getByLabel('Container size').fill('20');
    await product.getByLabel('Container name').fill('vial');
    await product.getByLabel('Code system').selectOption({ label: 'Other' });
    await product.getByLabel('Code', { exact: true }).fill('KET-10-20');
    await product.getByLabel('DEA schedule').selectOption({ label: 'Schedule III' });
    await product.getByRole('button', { name: 'Add product' }).click();
    await officer.getByText(/^Added Ketamine hydrochloride/).waitFor();

    const location = officer.getByRole('form', { name: 'Add stock location' });
    await location.getByLabel('Name').fill('CD cupboard');
    await location.getByLabel('Premises').fill('Day One Clinic');
    await location.getByRole('button', { name: 'Add stock location' }).click();
    const register = officer.getByRole('link', { name: /Ketamine hydrochloride.* at CD cupboard/ });
    await register.click();
    await officer.getByRole('heading', { name: 'Register', exact: true }).waitFor();
    await officer.getByRole('tab', { name: 'Receive stock' }).click();
    await officer.getByLabel('Containers', { exact: true }).fill('5');
    await officer.getByLabel('Supplier name').fill('Acme Wholesale');
    await officer.getByLabel('Supplier address').fill('1 Main Street, Springfield');
    await officer.getByLabel('Registration number').fill('AB1234563');
    await officer.getByLabel('Invoice').fill('INV-1001');
    await officer.getByLabel('Lot').fill('L2026A');
    await officer.getByLabel('Expiry').fill('2028-06-30');
    await officer.getByRole('button', { name: 'Record receipt' }).click();
    await officer.getByText(/Entry 1 recorded/).waitFor();
    await expectNoAxeViolations(officer, 'the product register after a receipt');
    await officer.close();
  });

  it('the checklist is complete and its link leaves the navigation', async () => {
    const { page } = world;
    await page.reload();
    await page.getByRole('list', { name: 'Set-up steps' }).waitFor();
    for (const title of Object.values(STEPS)) await stepDone(page, title);
    await page.getByText('Day One Clinic is set up: every step is done.').waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('heading', { name: 'Admin', level: 1 }).waitFor();
    await eventually(() => nav.getByRole('link', { name: 'Getting started' }).count()).toBe(0);
  });

  it('as the prescriber: registers a patient, screens, consents and starts the first session', async () => {
    const page = await world.openPage();
    await signIn(page, PRESCRIBER.email, PRESCRIBER.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
    await page.getByRole('link', { name: 'Register patient' }).click();
    await page.getByRole('heading', { name: 'Register patient' }).waitFor();
    await page.getByLabel('Given name').fill('Ivy');
    await page.getByLabel('Family name').fill('Infusion');
    await page.getByLabel('Date of birth').fill('1980-01-01');
    await page.getByLabel('Weight (kg)').fill('70');
    await page.getByLabel('Measured on').fill(new Date().toISOString().slice(0, 10));
    await page.getByRole('button', { name: 'Register patient' }).click();
    await page.getByRole('heading', { name: 'INFUSION, Ivy' }).waitFor();

    await page.getByRole('tab', { name: 'Treatment' }).click();
    const referral = page.getByRole('form', { name: 'Referral' });
    await referral.getByLabel('Indication').selectOption({ label: 'Treatment-resistant depression' });
    await referral.getByRole('button', { name: 'Record referral' }).click();
    await page.getByText(/Referral recorded/).waitFor();

    const eligibility = page.getByRole('form', { name: 'Eligibility decision' });
    for (const box of [
      'Full history and physical',
      'Psychiatric history',
      'Substance-use history (with the harm screen)',
      'Medications reviewed',
      'Allergies reviewed',
    ])
      await eligibility.getByLabel(box, { exact: true }).check();
    await eligibility
      .getByLabel('Prior treatment trials')
      .fill('Sertraline and venlafaxine, adequate trials');
    await eligibility.getByLabel('Baseline systolic').fill('122');
    await eligibility.getByLabel('Baseline diastolic').fill('78');
    await eligibility.getByLabel('Pregnancy status').selectOption({ label: 'Not pregnant' });
    const groups = eligibility
      .getByRole('group', { name: 'Contraindications', exact: true })
      .getByRole('group');
    await groups.nth(3).waitFor();
    const count = await groups.count();
    for (let i = 0; i < count; i += 1) {
      await groups.nth(i).getByRole('radio', { name: 'Absent' }).check();
    }
    await eligibility.getByRole('radio', { name: 'Eligible', exact: true }).check();
    await eligibility.getByRole('button', { name: 'Sign eligibility decision' }).click();
    await page.getByText(/Eligibility decision signed: Eligible/).waitFor();

    const consent = page.getByRole('form', { name: 'Sign consent' });
    await consent.getByLabel("Patient's full name").fill('Ivy Infusion');
    await consent.getByRole('radio', { name: 'Typed name' }).check();
    await consent.getByRole('button', { name: 'Sign consent' }).click();
    await page.getByText(/Consent signed: Consent to intravenous ketamine treatment/).waitFor();

    const start = page.getByRole('form', { name: 'Start a session' });
    await fillIvSessionStart(start);
    for (const box of ['Escort confirmed', 'Fasting confirmed', 'ACLS-certified clinician present (me)'])
      await start.getByLabel(box).check();
    await start
      .getByRole('group', { name: 'Has a new contraindication come to light since screening?' })
      .getByRole('radio', { name: 'No' })
      .check();
    await start.getByRole('button', { name: 'Start session' }).click();
    await page.getByRole('heading', { name: 'Session in progress' }).first().waitFor();
    await expectNoAxeViolations(page, 'the treatment area with the session started');
    await page.close();
  });

  it('as the nurse: opens the session from the patient list, records it and discharges the patient', async () => {
    const page = await world.openPage();
    await signIn(page, NURSE.email, NURSE.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
    await page.getByRole('link', { name: 'INFUSION, Ivy' }).click();
    await page.getByRole('heading', { name: 'INFUSION, Ivy' }).waitFor();
    await page.getByRole('tab', { name: 'Treatment' }).click();
    await page.getByRole('link', { name: 'Session in progress — open' }).click();
    await page.getByRole('heading', { name: 'Session in progress', level: 2 }).waitFor();
    await expectNoAxeViolations(page, 'the dosing session screen');

    const start = page.getByRole('form', { name: 'Start administration' });
    await start.getByLabel('Time').fill(clinicLocalTime(0));
    await start.getByLabel('Lot').fill('L2026A');
    // The register's stock is the default source.
    expect(await start.getByLabel('Draw from controlled-drug stock').inputValue()).toContain('|');
    await start.getByRole('button', { name: 'Start administration' }).click();
    await page.getByText(/^Infusion running since/).waitFor();
    const stop = page.getByRole('form', { name: 'Stop administration' });
    await stop.getByLabel('Time').fill(clinicLocalTime(0));
    await stop.getByLabel('Given (mg)').fill('35');
    await stop.getByRole('button', { name: 'Stop administration' }).click();
    await page
      .getByRole('list', { name: 'Administration record' })
      .getByText(/Stopped /)
      .waitFor();

    const vitals = page.getByRole('form', { name: 'Record vitals' });
    await vitals.getByLabel('Taken at').fill(clinicLocalTime(0));
    await vitals.getByLabel('Systolic', { exact: true }).fill('122');
    await vitals.getByLabel('Diastolic', { exact: true }).fill('80');
    await vitals.getByLabel('Heart rate', { exact: true }).fill('72');
    await vitals.getByLabel('SpO2', { exact: true }).fill('98');
    await vitals.getByRole('button', { name: 'Record vitals' }).click();
    await page.getByRole('status').filter({ hasText: 'Vitals recorded. No alerts.' }).waitFor();

    const discharge = page.getByRole('form', { name: 'Discharge' });
    await discharge.getByLabel('Alert and oriented').check();
    await discharge.getByLabel('Responsible adult escort present').check();
    await discharge.getByRole('button', { name: 'Discharge patient' }).click();
    await page.getByText(/^Discharged\. No driving before /).waitFor();
    await page.getByRole('heading', { name: 'Past session', level: 2 }).waitFor();
    await expectNoAxeViolations(page, 'the dosing session screen after discharge');
    expect(new URL(page.url()).pathname).toMatch(/^\/patients\/[^/]+\/treatment\/sessions\/[^/]+$/);
    await page.close();
  });

  it('printed no console errors along the way', () => {
    expect(world.consoleErrors).toEqual([]);
  });
});
