// Browser: typing is activity (the idle timeout spares a person at work), and a form's draft survives a forced sign-in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, openBrowserWorld, type BrowserWorld } from './support/browser.ts';

let world: BrowserWorld;

// The shortest idle limit the server accepts, so the real timers run within a test.
const IDLE_MS = 60_000;

beforeAll(async () => {
  world = await openBrowserWorld({ KASPR_SESSION_IDLE_MINUTES: '1' });
});
afterAll(async () => {
  await world.close();
});

const ADMIN = { name: 'Ada Admin', email: 'ada@clinic.test', password: 'a long admin pass phrase' };
const WARNING = 'there has been no activity';

const PAT = { name: 'Pat Practitioner', email: 'pat@clinic.test', password: 'another long pass phrase' };

async function signIn(who: { email: string; password: string } = ADMIN): Promise<void> {
  const { page } = world;
  await page.getByRole('heading', { name: 'Sign in to KASPR' }).waitFor();
  await page.getByLabel('Email', { exact: true }).fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

const draftsInStorage = () =>
  world.page.evaluate(() => ({
    session: Object.keys(sessionStorage).filter((k) => k.startsWith('kaspr.draft:')).length,
    local: Object.keys(localStorage).map((k) => `${k}=${localStorage.getItem(k) ?? ''}`),
  }));

describe('the idle timeout, with a one-minute limit, in a real browser', () => {
  let typed = '';

  it('sets up the clinic and opens Admin → Add user', async () => {
    const { page } = world;
    await page.goto('/');
    await page.getByRole('heading', { name: 'Set up KASPR' }).waitFor();
    await page.getByLabel('Your name').fill(ADMIN.name);
    await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Service name').fill('North Team');
    await page.getByLabel('Your clinical role (optional)').selectOption({ label: 'Practitioner' });
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('heading', { name: 'Add user' }).waitFor();
  });

  it('keeps a person who is typing signed in for longer than the idle limit, without a warning', async () => {
    const { page } = world;
    const name = page.getByLabel('Name', { exact: true });
    await name.click();
    const letters = 'Florence Nightingale ';
    let warnings = 0;
    // Typing is inherently spread over time: one key about every 700 ms until well past the limit.
    const deadline = Date.now() + IDLE_MS + 20_000;
    while (Date.now() < deadline) {
      const key = letters[typed.length % letters.length] ?? 'a';
      await page.keyboard.type(key);
      typed += key;
      if (await page.getByText(WARNING).isVisible()) warnings += 1;
      await page.waitForTimeout(700);
    }
    expect(warnings).toBe(0);
    expect(new URL(page.url()).pathname).toBe('/admin');
    expect(await page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    expect(await name.inputValue()).toBe(typed);
    // The draft is held in this tab's sessionStorage only, never in localStorage.
    const stored = await draftsInStorage();
    expect(stored.session).toBe(1);
    expect(stored.local.join('\n')).not.toContain('Florence');
  }, 150_000);

  it('warns an idle page, and any keypress dismisses the warning', async () => {
    const { page } = world;
    const warning = page.getByRole('alert').filter({ hasText: WARNING });
    await warning.waitFor({ timeout: IDLE_MS });
    await page.keyboard.press('End');
    await warning.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toBe('/admin');
  }, 90_000);

  it('signs an idle page out, and restores the draft after signing in again on the same page', async () => {
    const { page } = world;
    await page.getByRole('alert').filter({ hasText: WARNING }).waitFor({ timeout: IDLE_MS });
    await page.getByText('Your session ended; sign in again').waitFor({ timeout: IDLE_MS });
    await page.getByText('Unsaved text is kept in this tab').waitFor();
    await signIn();
    await page.waitForURL((url) => url.pathname === '/admin');
    await eventually(() => page.getByLabel('Name', { exact: true }).inputValue()).toBe(typed);
  }, 150_000);

  it('forgets the draft on an explicit sign-out', async () => {
    const { page } = world;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to KASPR' }).waitFor();
    await eventually(async () => (await draftsInStorage()).session).toBe(0);
    await signIn();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('heading', { name: 'Add user' }).waitFor();
    await eventually(() => page.getByLabel('Name', { exact: true }).inputValue()).toBe('');
  });

  it('keeps no draft once Add user is saved, and never keeps the password', async () => {
    const { page } = world;
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Add user' }) });
    await form.getByLabel('Name', { exact: true }).fill(PAT.name);
    await form.getByLabel('Email', { exact: true }).fill(PAT.email);
    await form.getByLabel('Practitioner', { exact: true }).check();
    await form.getByLabel('North Team', { exact: true }).check();
    await form.getByLabel('Set a password now').check();
    await form.getByLabel('Password', { exact: true }).fill(PAT.password);
    const kept = () =>
      page.evaluate(() => Object.keys(sessionStorage).map((k) => `${k}=${sessionStorage.getItem(k) ?? ''}`));
    await eventually(async () => (await kept()).join('\n')).toContain(PAT.email);
    expect((await kept()).join('\n')).not.toContain(PAT.password);
    await form.getByRole('button', { name: 'Add user' }).click();
    await page.getByRole('cell', { name: PAT.email }).waitFor();
    await eventually(() => form.getByLabel('Name', { exact: true }).inputValue()).toBe('');
    await eventually(async () => (await draftsInStorage()).session).toBe(0);
  });

  it("discards one user's draft when another user signs in after a forced sign-in", async () => {
    const { page } = world;
    await page.getByLabel('Name', { exact: true }).fill('Draft by Ada');
    await page.waitForFunction(() => Object.keys(sessionStorage).some((k) => k.startsWith('kaspr.draft:')));
    // The server ends the session behind the page's back (as a timeout or a disabled account would).
    const me = (await (await page.request.get('/api/v1/me')).json()) as { csrfToken: string };
    await page.request.post('/api/v1/auth/logout', { headers: { 'x-csrf-token': me.csrfToken } });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
    await page.getByText('Your session ended; sign in again').waitFor();
    await eventually(async () => (await draftsInStorage()).session).toBe(1);
    await signIn(PAT);
    await eventually(async () => (await draftsInStorage()).session).toBe(0);
    expect(world.consoleErrors).toEqual([]);
  });
});
