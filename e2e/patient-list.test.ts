// Browser: the patient list says how many patients there are and pages through all of them, 50 at a time, with the
// page in the address (Back returns to the page before), Previous and Next by keyboard, and the search counted too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../test/support/server.ts';
import { eventually, openBrowserWorld, signIn, type BrowserWorld } from './support/browser.ts';
import { PRESCRIBER, setUpInfusionClinic } from './support/clinic.ts';

let world: BrowserWorld;
const PATIENTS = 120;

beforeAll(async () => {
  world = await openBrowserWorld();
  const api = new Client(world.server.baseUrl);
  await setUpInfusionClinic(api);
  // Half Listerby, half Listwood; given names repeat, so several patients share a name and a date of birth.
  for (let i = 0; i < PATIENTS; i += 1) {
    const created = await api.post('/api/v1/patients', {
      givenName: `Lee${String(i % 9)}`,
      familyName: i % 2 === 0 ? 'Listerby' : 'Listwood',
      birthDate: '1980-01-01',
    });
    if (created.status !== 201) throw new Error(`patient not created: ${created.text}`);
  }
  await signIn(world.page, PRESCRIBER.email, PRESCRIBER.password);
});
afterAll(async () => {
  await world.close();
});

const status = () => world.page.locator('p.result-count');
const pager = () => world.page.getByRole('navigation', { name: 'Patient list pages' });

/** The chart addresses the table links to, in order (one per patient shown). */
async function shownPatients(): Promise<string[]> {
  return world.page
    .getByRole('table')
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

/** Waits until the status reads `text` and the address's search is `search`. */
async function waitForPage(text: string, search: string): Promise<void> {
  await world.page.waitForURL((url) => url.pathname === '/patients' && url.search === search);
  await status().filter({ hasText: text }).waitFor();
}

describe('the patient list, in a real browser', () => {
  const seen: string[] = [];

  it('says how many patients there are and shows the first 50', async () => {
    const { page } = world;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
    await waitForPage('Showing 1–50 of 120 patients, by family name.', '');
    seen.push(...(await shownPatients()));
    expect(seen).toHaveLength(50);
    await pager().getByText('Page 1 of 3').waitFor();
    expect(await pager().getByRole('link', { name: 'Previous' }).count()).toBe(0);
  });

  it('pages on with Next, from the keyboard, to the last patient', async () => {
    const { page } = world;
    const next = pager().getByRole('link', { name: 'Next' });
    await next.focus();
    await page.keyboard.press('Enter');
    await waitForPage('Showing 51–100 of 120 patients', '?page=2');
    seen.push(...(await shownPatients()));
    await pager().getByRole('link', { name: 'Next' }).click();
    await waitForPage('Showing 101–120 of 120 patients', '?page=3');
    seen.push(...(await shownPatients()));
    await pager().getByText('Page 3 of 3').waitFor();
    expect(await pager().getByRole('link', { name: 'Next' }).count()).toBe(0);
    // Every patient once, none twice.
    expect(seen).toHaveLength(PATIENTS);
    expect(new Set(seen).size).toBe(PATIENTS);
  });

  it('goes back a page with Back and with Previous, and opens a page from its address', async () => {
    const { page } = world;
    await page.goBack();
    await waitForPage('Showing 51–100 of 120 patients', '?page=2');
    expect(await shownPatients()).toEqual(seen.slice(50, 100));
    const previous = pager().getByRole('link', { name: 'Previous' });
    await previous.focus();
    await page.keyboard.press('Enter');
    await waitForPage('Showing 1–50 of 120 patients', '');
    await page.goto('/patients?page=3');
    await waitForPage('Showing 101–120 of 120 patients', '?page=3');
    expect(await shownPatients()).toEqual(seen.slice(100));
  });

  it('counts a search and pages through its matches from the first page', async () => {
    const { page } = world;
    await page.getByLabel('Search patients').fill('listwood');
    await waitForPage('Showing 1–50 of 60 patients matching “listwood”.', '?q=listwood');
    await pager().getByText('Page 1 of 2').waitFor();
    await pager().getByRole('link', { name: 'Next' }).click();
    await waitForPage('Showing 51–60 of 60 patients matching “listwood”.', '?q=listwood&page=2');
    await eventually(async () => (await shownPatients()).length).toBe(10);
    await page.reload();
    await waitForPage('Showing 51–60 of 60 patients matching “listwood”.', '?q=listwood&page=2');
    expect(await page.getByLabel('Search patients').inputValue()).toBe('listwood');
    await page.getByLabel('Search patients').fill('lee3 listerby');
    await waitForPage('Showing 1–6 of 6 patients matching “lee3 listerby”.', '?q=lee3+listerby');
    expect(await pager().count()).toBe(0);
  });

  it('starts again from everyone at the Patients link', async () => {
    const { page } = world;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
    await waitForPage('Showing 1–50 of 120 patients, by family name.', '');
    expect(await page.getByLabel('Search patients').inputValue()).toBe('');
    expect(world.consoleErrors).toEqual([]);
  });
});
