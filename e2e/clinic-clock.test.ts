// Browser: a computer whose clock is on another zone than the clinic's. A nurse's browser set to Pacific/Auckland
// (13 hours ahead of London in December) works a London service's dosing session: the page says which clock its
// times are on, fills "Taken at" from the clinic's clock, records the time typed as the clinic's wall-clock time,
// and shows stored times as the service's documents print them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wallClockOf } from '../src/domain/core/zoned.ts';
import { Client } from '../test/support/server.ts';
import { startIvSession } from '../test/support/treatment.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { eventually, openBrowserWorld, signIn, type BrowserWorld } from './support/browser.ts';
import { CLINIC_ZONE, clinicLocalTime } from './support/clinic-clock.ts';
import { addNurse, NURSE, setUpInfusionClinic } from './support/clinic.ts';
import { dayIn, utcDay, zoneOffUtcDay } from '../test/support/zones.ts';

const BROWSER_ZONE = 'Pacific/Auckland';
let world: BrowserWorld;
let sessionUrl: string;
let api: Client;
let clinicServiceId: string;

/** Minutes between two datetime-local values (b − a), read as UTC wall clocks. */
const minutesBetween = (a: string, b: string) => (Date.parse(`${b}:00Z`) - Date.parse(`${a}:00Z`)) / 60_000;
const pad = (n: number) => String(n).padStart(2, '0');

beforeAll(async () => {
  world = await openBrowserWorld({}, { browserTimeZone: BROWSER_ZONE });
  api = new Client(world.server.baseUrl);
  const { prescriberId, serviceId } = await setUpInfusionClinic(api);
  clinicServiceId = serviceId;
  await addNurse(api, serviceId);
  const created = await api.post('/api/v1/patients', {
    givenName: 'Tama',
    familyName: 'Clock',
    birthDate: '1980-01-01',
    weight: { kg: 70, measuredOn: clinicLocalTime().slice(0, 10) },
  });
  if (created.status !== 201) throw new Error(`patient not created: ${created.text}`);
  const patientId = created.body.id as string;
  const referral = await api.post(`/api/v1/patients/${patientId}/referrals`, {
    indication: 'treatment-resistant-depression',
  });
  if (referral.status !== 201) throw new Error(`referral failed: ${referral.text}`);
  const sessionId = await startIvSession(api, patientId, prescriberId);
  sessionUrl = `/patients/${patientId}/treatment/sessions/${sessionId}`;
  await signIn(world.page, NURSE.email, NURSE.password);
});
afterAll(async () => {
  await world.close();
});

describe("a browser on another zone works on the clinic's clock", () => {
  it('runs in a browser whose own clock is on Pacific/Auckland, and says which clock the times are on', async () => {
    const { page } = world;
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(BROWSER_ZONE);
    await page.goto(sessionUrl);
    await page.getByRole('heading', { name: 'Session in progress', level: 2 }).waitFor();
    await page
      .getByRole('complementary', { name: 'Clock' })
      .getByText('Times are on the clinic’s clock (Europe/London), not this computer’s (Pacific/Auckland).')
      .waitFor();
    await expectNoAxeViolations(page, 'session screen with the clock notice');
  });

  it('fills "Taken at" with the time on the clinic’s clock, not the computer’s', async () => {
    const vitals = world.page.getByRole('form', { name: 'Record vitals' });
    const filled = await vitals.getByLabel('Taken at').inputValue();
    // Within a couple of minutes of London's wall clock now (the page was opened a moment ago), 13 h from Auckland's.
    expect(Math.abs(minutesBetween(filled, clinicLocalTime()))).toBeLessThanOrEqual(2);
    expect(Math.abs(minutesBetween(filled, clinicLocalTime(0, BROWSER_ZONE)))).toBeGreaterThan(60);
  });

  it('records a typed time as that time on the clinic’s clock, and shows it back so', async () => {
    const { page } = world;
    const typed = clinicLocalTime(3);
    const vitals = page.getByRole('form', { name: 'Record vitals' });
    await vitals.getByLabel('Taken at').fill(typed);
    await vitals.getByLabel('Systolic', { exact: true }).fill('121');
    await vitals.getByLabel('Diastolic', { exact: true }).fill('79');
    await vitals.getByLabel('Heart rate', { exact: true }).fill('71');
    await vitals.getByLabel('SpO2', { exact: true }).fill('98');
    await vitals.getByRole('button', { name: 'Record vitals' }).click();
    const table = page.getByRole('table', { name: 'Vitals' });
    const shown = table.locator('time').filter({ hasText: typed.slice(11) });
    await shown.first().waitFor();
    // The instant the server stored is 3 minutes ago (not 13 hours off), and London's clock shows it as typed.
    const stored = await shown.first().getAttribute('datetime');
    expect(stored).not.toBeNull();
    const storedAt = new Date(stored ?? '');
    expect(Math.abs(Date.now() - 3 * 60_000 - storedAt.getTime())).toBeLessThan(2 * 60_000);
    const w = wallClockOf(storedAt, CLINIC_ZONE);
    expect(`${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`).toBe(typed);
  });

  it('shows an administration start in the wording and on the clock of the service’s documents', async () => {
    const { page } = world;
    const typed = clinicLocalTime(1);
    const start = page.getByRole('form', { name: 'Start administration' });
    await start.getByLabel('Time').fill(typed);
    await start.getByLabel('Lot').fill('L2026TZ');
    await start.getByRole('button', { name: 'Start administration' }).click();
    const record = page.getByRole('list', { name: 'Administration record' });
    // "Started 06 Dec 2026, 15:40": the typed wall-clock time, as the documents print it.
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const [y, m, d] = typed.slice(0, 10).split('-');
    const expected = `Started ${d} ${months[Number(m) - 1]} ${y}, ${typed.slice(11)}`;
    await eventually(() =>
      record
        .getByText(/^Started /)
        .first()
        .textContent(),
    ).toContain(expected);
  });

  it('lets the patient form take dates up to today on the clinic’s calendar, not UTC’s', async () => {
    const { page } = world;
    // Last in the file: the service moves to a zone whose date differs from UTC's now.
    const zone = zoneOffUtcDay();
    expect(dayIn(zone)).not.toBe(utcDay());
    expect((await api.patch(`/api/v1/services/${clinicServiceId}`, { timeZone: zone })).status).toBe(200);
    await page.goto('/patients/new');
    await page.getByRole('heading', { name: 'Register patient', level: 1 }).waitFor();
    await eventually(() => page.getByLabel('Date of birth', { exact: true }).getAttribute('max')).toBe(
      dayIn(zone),
    );
    await eventually(() => page.getByLabel('Measured on', { exact: true }).getAttribute('max')).toBe(
      dayIn(zone),
    );
  });
});
