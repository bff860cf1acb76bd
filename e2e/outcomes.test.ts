// Browser: the service outcomes dashboard over known records (funnel, trends, levels, numbers tables, the charts
// before the slow measures, team and practitioner filters kept in the address, exports) and the pilot comparison
// with counts, intervals and caveats.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../test/support/server.ts';
import { eventually, openBrowserWorld, type BrowserWorld } from './support/browser.ts';

let world: BrowserWorld;
const ADMIN = { email: 'admin@clinic.test', password: 'a long admin pass phrase' };
const STAFF = 'a long staff pass phrase';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// Days are UTC calendar days, as the server counts them. Two assessments fall on the 10th of last month; the
// rest of the records are dated today at noon, so every figure below is known whatever the hour.
const now = new Date();
const day = (d: Date) => d.toISOString().slice(0, 10);
const today = day(now);
const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 10, 12));
const from = day(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)));
const label = (d: Date) => `${MONTHS[d.getUTCMonth()] ?? ''} ${d.getUTCFullYear()}`;
const noonToday = `${today}T12:00:00Z`;
/** People with a sentinel symptom or a confirmed level of 2 or more (the funnel's "harm identified"). */
let harmIdentified = 0;

const assessment = (days: number, symptoms: string[], assessedAt: string) => ({
  assessment: {
    use: { daysUsedLast28: days, routes: ['nasal'], bingeing: false, escalating: false },
    symptoms: symptoms.map((code) => ({ code })),
    risks: [],
  },
  assessedAt,
});

/** Registers a person, records and decides one assessment (an override when asked), and returns their id. */
async function person(
  by: Client,
  name: string,
  a: ReturnType<typeof assessment>,
  override = false,
): Promise<{ id: string; level: number }> {
  const id = (
    await by.post('/api/v1/patients', { givenName: name, familyName: 'Test', birthDate: '1990-01-01' })
  ).body.id as string;
  const saved = await by.post(`/api/v1/patients/${id}/harm-assessments`, a);
  expect(saved.status).toBe(201);
  const proposed = saved.body.evaluation.level as number;
  const level = override ? (proposed === 1 ? 2 : proposed - 1) : proposed;
  const decided = await by.post(`/api/v1/harm-assessments/${saved.body.id}/decision`, {
    confirmedLevel: level,
    ...(override ? { reason: 'Clinical judgement' } : {}),
  });
  expect(decided.status).toBeLessThan(300);
  if (level >= 2 || a.assessment.symptoms.length > 0) harmIdentified += 1;
  return { id, level };
}

async function appointment(by: Client, patientId: string, status: 'attended' | 'did-not-attend') {
  const booked = await by.post(`/api/v1/patients/${patientId}/appointments`, {
    startsAt: noonToday,
    durationMinutes: 30,
    contactType: 'phone',
  });
  expect(booked.status).toBe(201);
  expect((await by.post(`/api/v1/appointments/${booked.body.id}/status`, { status })).status).toBe(200);
}

beforeAll(async () => {
  world = await openBrowserWorld();
  const admin = new Client(world.server.baseUrl);
  const setup = await admin.post('/api/v1/setup', {
    ...ADMIN,
    displayName: 'Ada Admin',
    serviceName: 'North',
  });
  const north = setup.body.user.serviceIds[0] as string;
  const south = (await admin.post('/api/v1/services', { name: 'South' })).body.id as string;
  const staff = async (email: string, displayName: string, roles: string[], serviceIds: string[]) => {
    const made = await admin.post('/api/v1/users', {
      email,
      displayName,
      roles,
      serviceIds,
      password: STAFF,
    });
    expect(made.status).toBe(201);
    const client = new Client(world.server.baseUrl);
    await client.login(email, STAFF);
    return { client, id: made.body.user.id as string };
  };
  await staff('sam@clinic.test', 'Sam Supervisor', ['supervisor'], [north, south]);
  const alice = await staff('alice@clinic.test', 'Alice North', ['practitioner'], [north]);
  const bob = await staff('bob@clinic.test', 'Bob South', ['practitioner'], [south]);

  // North, last month: one accepted level with a sentinel symptom, one override.
  const one = await person(
    alice.client,
    'One',
    assessment(6, ['urinary-frequency'], lastMonth.toISOString()),
  );
  const two = await person(alice.client, 'Two', assessment(10, [], lastMonth.toISOString()), true);
  // One has a care plan today and attends today; Two misses today's appointment.
  const plan = await alice.client.post(`/api/v1/patients/${one.id}/care-plan`, {
    interventions: [],
    goals: ['Cut down'],
    keyWorkerId: alice.id,
    reviewDue: today,
  });
  expect(plan.status).toBe(201);
  await appointment(alice.client, one.id, 'attended');
  await appointment(alice.client, two.id, 'did-not-attend');
  // North, today: level 4 with haematuria, an urgent urology referral and an admission.
  const three = await person(
    alice.client,
    'Three',
    assessment(12, ['urinary-frequency', 'visible-haematuria'], noonToday),
  );
  expect(three.level).toBe(4);
  const referral = await alice.client.post(`/api/v1/patients/${three.id}/onward-referrals`, {
    destination: 'urology',
    decidedOn: today,
    targetDays: 14,
  });
  expect(referral.status).toBe(201);
  const crisis = await alice.client.post(`/api/v1/patients/${three.id}/crisis-events`, {
    kind: 'admission',
    occurredOn: today,
  });
  expect(crisis.status).toBe(201);
  // South, today: Bob's one person, attended.
  const four = await person(bob.client, 'Four', assessment(2, [], noonToday));
  // Only Three is at level 4 (the trend and the stacked levels below count on it).
  expect([one.level, two.level, four.level].filter((l) => l === 4)).toEqual([]);
  await appointment(bob.client, four.id, 'attended');

  const { page } = world;
  await page.goto('/login');
  await page.getByLabel('Email', { exact: true }).fill('sam@clinic.test');
  await page.getByLabel('Password', { exact: true }).fill(STAFF);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
});
afterAll(async () => {
  await world.close();
});

/** Opens the chart's "Show the numbers" and returns a reader of its rows' cells, by row heading. */
async function numbersOf(caption: string) {
  const { page } = world;
  const escaped = caption.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const toggle = page.getByRole('button', { name: new RegExp(`^(Show|Hide) the numbers: ${escaped}$`) });
  await eventually(() => toggle.getAttribute('aria-expanded')).toBe('false');
  await toggle.click();
  await eventually(() => toggle.getAttribute('aria-expanded')).toBe('true');
  await eventually(() => toggle.textContent()).toBe('Hide the numbers');
  const table = page.getByRole('table', { name: caption, exact: true });
  await table.waitFor();
  return (heading: string) =>
    table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: heading, exact: true }) })
      .getByRole('cell')
      .allTextContents();
}

async function show(filters: { team?: string; practitioner?: string }) {
  const { page } = world;
  const form = page.getByRole('form', { name: 'Report filters' });
  await form.getByLabel('From', { exact: true }).fill(from);
  await form.getByLabel('To', { exact: true }).fill(today);
  if (filters.team) await form.getByLabel('Team', { exact: true }).selectOption({ label: filters.team });
  if (filters.practitioner)
    await form.getByLabel('Practitioner').selectOption({ label: filters.practitioner });
  await form.getByRole('button', { name: 'Show' }).click();
}

const funnel = () =>
  world.page
    .getByRole('region', { name: 'From identification to intervention' })
    .getByRole('img', { name: /^From identification to intervention:/ });

describe('the service outcomes dashboard in a real browser', () => {
  it('shows the funnel, the monthly trends and levels, with every number a click away', async () => {
    const { page } = world;
    await page.goto('/outcomes');
    await page.getByRole('heading', { name: 'Service outcomes', level: 1 }).waitFor();
    await page.getByText(/KASPR supports clinicians/).waitFor();
    await show({});
    await page.waitForURL(new RegExp(`from=${from}&to=${today}`));
    await eventually(async () => funnel().getAttribute('aria-label')).toBe(
      `From identification to intervention: in contact 4, assessed 4, harm identified ${harmIdentified}, care planned 1, intervention delivered 1.`,
    );
    const steps = await numbersOf('People at each step, from identification to intervention');
    expect(await steps('Assessed')).toEqual(['4', '100 %']);
    expect(await steps('Intervention delivered')).toEqual(['1', '25 %']);

    const trend = page.getByRole('img', {
      name: /^Assessments, overrides, level 4 and crisis events by month/,
    });
    expect(await trend.getAttribute('aria-label')).toContain(
      `${label(lastMonth)}: Assessments 2, Overrides 1, Level 4 0, Crisis events 0; ${label(now)}: Assessments 2, Overrides 0, Level 4 1, Crisis events 1`,
    );
    const attendance = await numbersOf('Appointments attended and not attended by month');
    expect(await attendance(label(now))).toEqual(['2', '1', '3']);

    // The stacked levels: this month, one person at level 4 of the two first assessed.
    const levels = await numbersOf('People first assessed each month, by confirmed level');
    const cells = await levels(label(now));
    expect(cells[3]).toBe('1');
    expect(cells[4]).toBe('2');
    await page.getByRole('img', { name: /^Level at first assessment by month/ }).waitFor();

    // Every measure has its definition; one with no value says why.
    const referral = page.getByRole('article', { name: 'Level 3–4 referrals made within target time' });
    await referral.getByText(/^Not computed: No level 3–4 referrals made or overdue/).waitFor();
    await referral.getByText('Counts', { exact: true }).waitFor();
    const overrides = page.getByRole('article', { name: 'Override rate' });
    await overrides.getByRole('img', { name: /^Override rate: All assessments 25 % \(1 of 4\); / }).waitFor();
    const rates = await numbersOf('Override rate');
    expect(await rates('Alice North')).toEqual(['1', '3', '33 %', expect.stringMatching(/^\d+ % to \d+ %$/)]);
    expect(await rates('Team: South')).toEqual(['0', '1', '0 %', expect.stringMatching(/^0 % to \d+ %$/)]);
  });

  it('draws the funnel from the series while the per-person measures are still being computed', async () => {
    const { page } = world;
    // Hold the full report (not the series, at /service-outcomes/series?) until the charts have been checked.
    const fullReport = /\/api\/v1\/reports\/service-outcomes\?/;
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(fullReport, async (route) => {
      await held;
      await route.continue();
    });
    try {
      await page.goto(`/outcomes?from=${from}&to=${today}`);
      await eventually(async () => funnel().getAttribute('aria-label')).toContain('in contact 4, assessed 4');
      const computing = page.getByRole('status').filter({ hasText: /^Computing the per-person measures/ });
      await computing.getByRole('progressbar', { name: 'Computing the per-person measures' }).waitFor();
      const overrides = page.getByRole('article', { name: 'Override rate' });
      expect(await overrides.count()).toBe(0);
      release();
      await overrides
        .getByRole('img', { name: /^Override rate: All assessments 25 % \(1 of 4\); / })
        .waitFor();
      expect(await computing.count()).toBe(0);
    } finally {
      release();
      await page.unroute(fullReport);
    }
  });

  it('narrows to one team and one practitioner, and keeps the view in the address', async () => {
    const { page } = world;
    await show({ team: 'North' });
    await page.waitForURL(/service=/);
    await eventually(async () => funnel().getAttribute('aria-label')).toContain('in contact 3, assessed 3');
    await page.reload();
    await eventually(async () => funnel().getAttribute('aria-label')).toContain('in contact 3, assessed 3');
    const filters = page.getByRole('form', { name: 'Report filters' });
    expect(await filters.getByLabel('Team', { exact: true }).inputValue()).not.toBe('');

    // The practitioners listed are the staff of the team shown: show all teams to choose Bob from South.
    await show({ team: 'All teams (organisation)' });
    await eventually(async () => funnel().getAttribute('aria-label')).toContain('in contact 4, assessed 4');
    await show({ practitioner: 'Bob South' });
    await page.waitForURL(/practitioner=/);
    await eventually(async () => funnel().getAttribute('aria-label')).toContain('in contact 1, assessed 1');
    await page.getByText(/Bob South's caseload/).waitFor();
  });

  it('offers a CSV of every table, the PDF report and the TOP export, for the audience chosen', async () => {
    const { page } = world;
    await show({ practitioner: 'Everyone' });
    const exports = page.getByRole('region', { name: 'Exports' });
    const outside = exports.getByLabel('Outside the team — counts under 5 suppressed');
    await eventually(async () => outside.isChecked()).toBe(true);
    const pdf = exports.getByRole('link', { name: 'PDF report for a board or commissioner' });
    expect(await pdf.getAttribute('href')).toContain('audience=external');
    const download = async (href: string | null) => {
      const reply = await page.request.get(href ?? '');
      expect(reply.status()).toBe(200);
      return reply;
    };

    await exports.getByRole('button', { name: 'List the tables to download' }).click();
    const csvLinks = exports.getByRole('link', { name: /\(CSV\)$/ });
    await csvLinks.first().waitFor();
    expect(await csvLinks.count()).toBeGreaterThan(5);
    const funnelCsv = exports.getByRole('link', { name: /^From identification to intervention.*\(CSV\)$/ });
    const suppressed = await download(await funnelCsv.getAttribute('href'));
    expect(suppressed.headers()['content-type']).toMatch(/^text\/csv/);

    await exports.getByLabel('Within the team — every count shown').check();
    expect(await pdf.getAttribute('href')).toContain('audience=team');
    const full = await download(await funnelCsv.getAttribute('href'));
    expect(await full.text()).toContain('"Intervention delivered",1,');
    // Outside the team the same table holds back its counts under 5.
    expect(await suppressed.text()).not.toContain('"Intervention delivered",1,');
    const report = await download(await pdf.getAttribute('href'));
    expect(report.headers()['content-type']).toBe('application/pdf');
    expect((await report.body()).subarray(0, 5).toString()).toBe('%PDF-');

    const top = await download(
      await exports.getByRole('link', { name: 'TOP-compatible CSV' }).getAttribute('href'),
    );
    expect(top.headers()['content-type']).toMatch(/^text\/csv/);
    expect((await top.text()).split('\n')[0]).toContain('Client ID');
  });

  it('compares two teams with counts, intervals and the caveats of small numbers', async () => {
    const { page } = world;
    await page.getByRole('link', { name: /Compare two periods or two teams/ }).click();
    await page.getByRole('heading', { name: 'Pilot evaluation' }).waitFor();
    for (const [group, team] of [
      ['First group', 'North'],
      ['Second group', 'South'],
    ] as const) {
      const fields = page.getByRole('group', { name: new RegExp(group) });
      await fields.getByLabel('From').fill(from);
      await fields.getByLabel('To').fill(today);
      await fields.getByLabel('Team').selectOption({ label: team });
      await fields.getByLabel('Label').fill(`${team} team`);
    }
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.waitForURL(/secondLabel=South/);
    const table = page.getByRole('table', { name: 'Shares in each group, first minus second' });
    await table.getByRole('columnheader', { name: 'North team' }).waitFor();
    const cells = await table
      .getByRole('row', { name: /^Override rate/ })
      .getByRole('cell')
      .allTextContents();
    expect(cells[0]).toMatch(/^1 of 333 % \(95 % interval \d+ % to \d+ %\)$/);
    expect(cells[1]).toMatch(/^0 of 10 % \(95 % interval 0 % to \d+ %\)$/);
    expect(cells[2]).toMatch(/^\+33 percentage points \(95 % interval −\d+ to \+\d+\)$/);
    expect(cells[3]).toContain('A count is under 5: the interval is rough.');
    expect(cells[3]).toContain('A group has fewer than 30: a difference may be chance.');
  });

  it('printed no console errors along the way', () => {
    expect(world.consoleErrors).toEqual([]);
  });
});
