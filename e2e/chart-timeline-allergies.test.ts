// Browser: the chart's timeline reads newest first and filters by kind (kept in the address); "no known allergies"
// and "not yet asked" read differently; the supervisor-administrator's navigation, and that of a user who holds every
// role under the longest name allowed, is one row at 1366 × 768; and the page focused after sign-in draws no frame
// round <main>.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../src/domain/access/roles.ts';
import { Client } from '../test/support/server.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { eventually, openBrowserWorld, signIn, type BrowserWorld } from './support/browser.ts';

let world: BrowserWorld;
const SUPERVISOR = { email: 'sue@clinic.test', password: 'a long supervisor phrase' };
/** Every role at once opens every area: the most links the navigation can show. */
const EVERY_ROLE = {
  email: 'all@clinic.test',
  password: 'a long every role phrase',
  // As long as a display name may be (100 characters).
  displayName:
    'Maximiliana Featherstonehaugh-Cholmondeley Wolfeschlegelsteinhausen-Bergerdorff of Ashby-de-la-Zouch',
};
let statedId: string;
let unaskedId: string;

beforeAll(async () => {
  world = await openBrowserWorld();
  // The first administrator is also the service's supervisor: the widest navigation the clinic sees.
  const api = new Client(world.server.baseUrl);
  const setup = await api.post('/api/v1/setup', {
    ...SUPERVISOR,
    displayName: 'Sue Supervisor',
    serviceName: 'North Team',
    clinicalRole: 'supervisor',
  });
  if (setup.status !== 201) throw new Error(`setup failed: ${setup.text}`);
  expect(EVERY_ROLE.displayName).toHaveLength(100);
  const everyRole = await api.post('/api/v1/users', {
    email: EVERY_ROLE.email,
    displayName: EVERY_ROLE.displayName,
    roles: [...ROLES],
    serviceIds: setup.body.user.serviceIds,
    password: EVERY_ROLE.password,
  });
  if (everyRole.status !== 201) throw new Error(`user not created: ${everyRole.text}`);
  const register = async (givenName: string, extra: Record<string, unknown>) => {
    const r = await api.post('/api/v1/patients', {
      givenName,
      familyName: 'Timeline',
      birthDate: '1980-01-01',
      ...extra,
    });
    if (r.status !== 201) throw new Error(`patient not created: ${r.text}`);
    return r.body.id as string;
  };
  statedId = await register('Nora', { allergyStatus: 'none-known' });
  unaskedId = await register('Ned', {});
  // Registration, then an appointment, then a correction: newest first puts the correction on top.
  const booked = await api.post(`/api/v1/patients/${statedId}/appointments`, {
    startsAt: '2030-05-06T10:00:00Z',
    durationMinutes: 30,
    contactType: 'face-to-face',
  });
  if (booked.status !== 201) throw new Error(`appointment not booked: ${booked.text}`);
  const corrected = await api.patch(
    `/api/v1/patients/${statedId}`,
    { givenName: 'Norah', reason: 'Spelling' },
    { 'if-match': 'W/"1"' },
  );
  if (corrected.status !== 200) throw new Error(`correction failed: ${corrected.text}`);
});
afterAll(async () => {
  await world.close();
});

/**
 * At 1366 × 768, every item of the main navigation (at least `links`, Getting started last) and the sign-out button
 * sit on one row, and nothing runs past the window's right edge.
 */
async function expectNavigationOnOneRow(page: Page, links: number): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 768 });
  const nav = page.getByRole('navigation', { name: 'Main' });
  // Getting started is shown until the set-up checklist is done: wait for it, the last and widest link.
  await nav.getByRole('link', { name: 'Getting started' }).waitFor();
  const boxes = await nav
    .getByRole('listitem')
    .evaluateAll((items) => items.map((item) => item.getBoundingClientRect().toJSON() as DOMRect));
  expect(boxes.length).toBeGreaterThanOrEqual(links);
  const first = boxes[0]!;
  for (const box of boxes) expect(Math.abs(box.y - first.y)).toBeLessThan(2);
  for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.x).toBeGreaterThan(boxes[i - 1]!.x);
  // The sign-out button sits on the same row as well, inside the window.
  const signOut = await page.getByRole('button', { name: 'Sign out' }).boundingBox();
  if (!signOut) throw new Error('sign out not laid out');
  expect(signOut.y).toBeLessThan(first.y + first.height);
  expect(signOut.x + signOut.width).toBeLessThanOrEqual(1366);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBe(0);
}

describe('timeline, allergies and navigation in a real browser', () => {
  it('draws no heavy frame round <main> when sign-in (by keyboard) moves focus to it', async () => {
    const { page } = world;
    // Enter in the password box: after a key press the browser treats the app's focus on <main> as :focus-visible.
    await page.goto('/login');
    await page.getByLabel('Email', { exact: true }).fill(SUPERVISOR.email);
    await page.getByLabel('Password', { exact: true }).fill(SUPERVISOR.password);
    await page.getByLabel('Password', { exact: true }).press('Enter');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await eventually(() => page.evaluate(() => document.activeElement?.id ?? '')).toBe('main');
    const frame = await page.evaluate(() => {
      const style = getComputedStyle(document.getElementById('main') as HTMLElement);
      return { outline: style.outlineStyle, shadow: style.boxShadow };
    });
    expect(frame).toEqual({ outline: 'none', shadow: 'none' });
  });

  it('fits the supervisor-administrator navigation on one row at 1366 × 768', async () => {
    const { page } = world;
    await expectNavigationOnOneRow(page, 10);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('fits the navigation of a user with every role and the longest name on one row at 1366 × 768', async () => {
    const page = await world.openPage();
    await signIn(page, EVERY_ROLE.email, EVERY_ROLE.password);
    // Patients, Worklist, Tasks, Supervision, Calibration, Outcomes, Admin, CD register, Audit, Account, Getting started.
    await expectNavigationOnOneRow(page, 11);
    // The name gives way to the links but stays legible: cut short, not squeezed out.
    const name = await page
      .getByRole('banner')
      .getByText(EVERY_ROLE.displayName, { exact: true })
      .boundingBox();
    if (!name) throw new Error('user name not laid out');
    expect(name.width).toBeGreaterThanOrEqual(96);
    await expectNoAxeViolations(page, 'the navigation of a user with every role');
    await page.close();
  });

  it('lists the timeline newest first and filters it by kind, in the address', async () => {
    const { page } = world;
    await page.goto(`/patients/${statedId}/timeline`);
    const panel = page.getByRole('tabpanel', { name: 'Timeline' });
    const list = panel.getByRole('list', { name: 'Timeline, newest first' });
    await list.waitFor();
    const lines = list.getByRole('listitem');
    await eventually(() => lines.count()).toBe(3);
    expect(await lines.nth(0).textContent()).toContain('Record corrected (version 2): given name');
    expect(await lines.nth(1).textContent()).toContain('Appointment booked');
    expect(await lines.nth(1).textContent()).toContain('(face to face)');
    expect(await lines.nth(2).textContent()).toContain('Registered');

    // Keyboard: focus the box and press Space.
    const appointments = panel.getByRole('checkbox', { name: /^Appointments \(1\)$/ });
    await appointments.focus();
    await page.keyboard.press('Space');
    await eventually(() => lines.count()).toBe(1);
    expect(await lines.first().textContent()).toContain('Appointment booked');
    await page.waitForURL((url) => url.searchParams.get('kind') === 'appointment');
    await panel.getByRole('status').filter({ hasText: '1 of 3 entries' }).waitFor();

    // The filter survives a reload, and adding a kind shows both, still newest first. The first click after the
    // page was opened directly neither unticks itself nor mounts the panel afresh (which would fetch it again).
    const timelineReads: string[] = [];
    const countRead = (r: { url: () => string }) => {
      if (/\/api\/v1\/patients\/[^/]+\/timeline/.test(r.url())) timelineReads.push(r.url());
    };
    page.on('request', countRead);
    await page.reload();
    await eventually(() => lines.count()).toBe(1);
    await panel.getByRole('checkbox', { name: /^Registration/ }).check();
    await eventually(() => lines.count()).toBe(2);
    await page.waitForURL((url) => (url.searchParams.get('kind') ?? '').split(',').length === 2);
    await panel.getByRole('status').filter({ hasText: '2 of 3 entries' }).waitFor();
    page.off('request', countRead);
    expect(timelineReads).toHaveLength(1);
    expect(await lines.nth(0).textContent()).toContain('Appointment booked');
    expect(await lines.nth(1).textContent()).toContain('Registered');

    // Another tab and back: the filter is still set (the tab's address carries none).
    await page.getByRole('tab', { name: 'Details', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/timeline'));
    await page.getByRole('tab', { name: 'Timeline', exact: true }).click();
    await page.waitForURL((url) => {
      const kinds = (url.searchParams.get('kind') ?? '').split(',');
      return kinds.length === 2 && kinds.includes('appointment');
    });
    await eventually(() => lines.count()).toBe(2);

    await panel.getByRole('button', { name: 'Show everything' }).click();
    await eventually(() => lines.count()).toBe(3);
    await page.waitForURL((url) => !url.searchParams.has('kind'));
    // Cleared stays cleared after another tab.
    await page.getByRole('tab', { name: 'Details', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/timeline'));
    await page.getByRole('tab', { name: 'Timeline', exact: true }).click();
    await eventually(() => lines.count()).toBe(3);
    expect(new URL(page.url()).searchParams.has('kind')).toBe(false);
  });

  it('says "No known allergies" with who stated it, apart from "not yet asked"', async () => {
    const { page } = world;
    await page.goto(`/patients/${statedId}/timeline`);
    const banner = page.getByRole('region', { name: /TIMELINE, Norah/ });
    await banner.getByText(/^No known allergies \(recorded by Sue Supervisor on \d{2} \w{3} \d{4}/).waitFor();
    await page.goto(`/patients/${unaskedId}/timeline`);
    const other = page.getByRole('region', { name: /TIMELINE, Ned/ });
    await other.getByText(/^Allergies not yet asked/).waitFor();
    expect(await other.getByText(/No known allergies/).count()).toBe(0);
  });

  it('records "no known allergies" through the correction form, refusing it beside a listed allergy', async () => {
    const { page } = world;
    await page.goto(`/patients/${unaskedId}/correct`);
    await page.getByRole('heading', { name: 'Correct record', level: 1 }).waitFor();
    const asked = page.getByRole('group', { name: 'Allergies asked?' });
    await asked.getByRole('radio', { name: 'Asked: no known allergies' }).check();
    await page.getByRole('button', { name: 'Add allergy' }).click();
    await page.getByRole('group', { name: 'Allergy 1' }).getByLabel('Substance').fill('Latex');
    await page.getByLabel('Reason for correction').fill('Asked at assessment');
    await page.getByRole('button', { name: 'Save correction' }).click();
    await asked.getByText(/says no known allergies but lists an allergy/).waitFor();

    await page.getByRole('button', { name: 'Remove allergy 1' }).click();
    await page.getByRole('button', { name: 'Save correction' }).click();
    const banner = page.getByRole('region', { name: /TIMELINE, Ned/ });
    await banner.getByText(/^No known allergies \(recorded by Sue Supervisor on /).waitFor();
  });
});
