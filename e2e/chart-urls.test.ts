// Browser: the chart's areas and a dosing session have their own addresses: they open by URL, survive a reload, and
// back and forward move between them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../test/support/server.ts';
import { signConsent, signEligibility, startIvSession } from '../test/support/treatment.ts';
import { openBrowserWorld, signIn, type BrowserWorld } from './support/browser.ts';
import { fillIvSessionStart, PRESCRIBER, setUpInfusionClinic } from './support/clinic.ts';

let world: BrowserWorld;
let patientId: string;
/** A session of another patient of the same service. */
let otherSessionId: string;
/** The address the browser moved to when the session was started. */
let sessionUrl: string;

/** The tab of the chart whose label is `name`. */
const tab = (name: string) => world.page.getByRole('tab', { name, exact: true });

/** Waits until the browser's address is `pathname` (no query). */
async function waitForPath(pathname: string): Promise<void> {
  await world.page.waitForURL((url) => url.pathname === pathname);
}

beforeAll(async () => {
  world = await openBrowserWorld();
  // Set-up through the API: a prescriber with ACLS, a patient screened and consented for IV ketamine, and another
  // patient with a session already started.
  const api = new Client(world.server.baseUrl);
  const { prescriberId } = await setUpInfusionClinic(api);
  const today = new Date().toISOString().slice(0, 10);
  const patient = async (givenName: string, familyName: string): Promise<string> => {
    const created = await api.post('/api/v1/patients', {
      givenName,
      familyName,
      birthDate: '1980-01-01',
      weight: { kg: 70, measuredOn: today },
    });
    if (created.status !== 201) throw new Error(`patient not created: ${created.text}`);
    const referral = await api.post(`/api/v1/patients/${created.body.id}/referrals`, {
      indication: 'treatment-resistant-depression',
    });
    if (referral.status !== 201) throw new Error(`referral failed: ${referral.text}`);
    return created.body.id as string;
  };
  patientId = await patient('Uma', 'Url');
  await signEligibility(api, patientId);
  await signConsent(api, patientId, 'Uma Url');
  otherSessionId = await startIvSession(api, await patient('Otto', 'Other'), prescriberId);
  await signIn(world.page, PRESCRIBER.email, PRESCRIBER.password);
});
afterAll(async () => {
  await world.close();
});

describe('chart areas and dosing sessions at their own addresses, in a real browser', () => {
  it('opens the chart at the timeline and moves the address with each tab', async () => {
    const { page } = world;
    await page.goto(`/patients/${patientId}`);
    await waitForPath(`/patients/${patientId}/timeline`);
    await page
      .getByRole('tabpanel', { name: 'Timeline' })
      .getByRole('heading', { name: 'Timeline' })
      .waitFor();
    expect(await tab('Timeline').getAttribute('aria-selected')).toBe('true');
    await tab('Treatment').click();
    await waitForPath(`/patients/${patientId}/treatment`);
    await page.getByRole('heading', { name: 'Dosing session' }).waitFor();
    expect(await tab('Treatment').getAttribute('aria-selected')).toBe('true');
    expect(await tab('Timeline').getAttribute('aria-selected')).toBe('false');
  });

  it('starts a dosing session and moves to the session’s own address', async () => {
    const { page } = world;
    const form = page.getByRole('form', { name: 'Start a session' });
    await fillIvSessionStart(form);
    for (const box of ['Escort confirmed', 'Fasting confirmed', 'ACLS-certified clinician present (me)']) {
      await form.getByLabel(box).check();
    }
    // A new contraindication is a yes/no question of its own, answered apart from the boxes.
    await form
      .getByRole('group', { name: 'Has a new contraindication come to light since screening?' })
      .getByRole('radio', { name: 'No' })
      .check();
    await form.getByRole('button', { name: 'Start session' }).click();
    await page.waitForURL(/\/treatment\/sessions\/[0-9a-f-]{36}$/);
    sessionUrl = new URL(page.url()).pathname;
    expect(sessionUrl.startsWith(`/patients/${patientId}/treatment/sessions/`)).toBe(true);
    await page.getByRole('heading', { name: 'Session in progress' }).waitFor();
    expect(await tab('Treatment').getAttribute('aria-selected')).toBe('true');
  });

  it('opens the session by its address, and a reload keeps it', async () => {
    const { page } = world;
    await page.goto(`/patients/${patientId}/details`);
    await page.getByRole('tabpanel', { name: 'Details' }).getByRole('heading', { name: 'Details' }).waitFor();
    await page.goto(sessionUrl);
    await page.getByRole('heading', { name: 'Session in progress' }).waitFor();
    await page.getByRole('form', { name: 'Record vitals' }).waitFor();
    expect(await tab('Treatment').getAttribute('aria-selected')).toBe('true');
    await page.reload();
    await page.getByRole('heading', { name: 'Session in progress' }).waitFor();
    await page.getByRole('form', { name: 'Start administration' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(sessionUrl);
  });

  it('goes back from the session to the treatment area', async () => {
    const { page } = world;
    await page.getByRole('link', { name: 'Back to treatment' }).click();
    await waitForPath(`/patients/${patientId}/treatment`);
    await page.getByRole('heading', { name: 'Referral and eligibility' }).waitFor();
    // The session in progress is on the treatment area too, with a link to its own page.
    await page.getByRole('link', { name: 'Open this session on its own page' }).click();
    await waitForPath(sessionUrl);
    await page.getByRole('heading', { name: 'Session in progress' }).waitFor();
  });

  it('opens the harm area by its address, and the browser’s back button returns to the previous area', async () => {
    const { page } = world;
    await page.goto(`/patients/${patientId}/harm`);
    const harm = page.getByRole('tabpanel', { name: 'Harm pathway' });
    await harm.getByRole('heading', { name: 'Harm pathway', level: 2 }).waitFor();
    await harm.getByRole('heading', { name: 'Structured assessment' }).waitFor();
    expect(await tab('Harm pathway').getAttribute('aria-selected')).toBe('true');

    await tab('History').click();
    await waitForPath(`/patients/${patientId}/history`);
    await page.getByRole('tabpanel', { name: 'History' }).getByRole('heading', { name: 'History' }).waitFor();

    await page.goBack();
    await waitForPath(`/patients/${patientId}/harm`);
    await harm.getByRole('heading', { name: 'Structured assessment' }).waitFor();
    expect(await tab('Harm pathway').getAttribute('aria-selected')).toBe('true');

    // Further back: the session opened before the harm area.
    await page.goBack();
    await waitForPath(sessionUrl);
    await page.getByRole('heading', { name: 'Session in progress' }).waitFor();

    await page.goForward();
    await waitForPath(`/patients/${patientId}/harm`);
    await harm.getByRole('heading', { name: 'Structured assessment' }).waitFor();
  });

  it('says a session is not found when it belongs to another patient or does not exist', async () => {
    const { page } = world;
    for (const id of [otherSessionId, '00000000-0000-4000-8000-000000000000']) {
      await page.goto(`/patients/${patientId}/treatment/sessions/${id}`);
      await page.getByRole('heading', { name: 'Session not found' }).waitFor();
      await page.getByText('This patient has no dosing session at this address.').waitFor();
      expect(await page.getByRole('heading', { name: 'Session in progress' }).count()).toBe(0);
      await page.getByRole('link', { name: 'Back to treatment' }).waitFor();
    }
  });

  it('printed no console errors along the way', () => {
    expect(world.consoleErrors).toEqual([]);
  });
});
