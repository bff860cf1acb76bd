// Browser: an administrator registers a system client (SMART Backend Services) with a public EC P-384 key, is
// stopped from pasting a private key, reads back the client id and token URL, sees the client listed, replaces
// its keys and disables it after confirming.
import { exportJWK, generateKeyPair } from 'jose';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../test/support/server.ts';
import { eventually, openBrowserWorld, signIn, type BrowserWorld } from './support/browser.ts';

let world: BrowserWorld;
let admin: Client;
const ADMIN = { email: 'ada@clinic.test', password: 'a long admin pass phrase' };
const NAME = 'Trust data warehouse';

/** A fresh ES384 key pair as JWKs: the public one with a key id, and the private one. */
async function es384(kid: string) {
  const { publicKey, privateKey } = await generateKeyPair('ES384', { extractable: true });
  return {
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES384' },
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'ES384' },
  };
}

const keySet = (...keys: object[]) => JSON.stringify({ keys }, null, 2);
const clientRow = (page: Page) => page.getByRole('row').filter({ hasText: NAME });

beforeAll(async () => {
  world = await openBrowserWorld();
  admin = new Client(world.server.baseUrl);
  const setup = await admin.post('/api/v1/setup', {
    ...ADMIN,
    displayName: 'Ada Admin',
    serviceName: 'North Team',
  });
  if (setup.status !== 201) throw new Error(setup.text);
  const south = await admin.post('/api/v1/services', { name: 'South Team' });
  if (south.status !== 201) throw new Error(south.text);
  await signIn(world.page, ADMIN.email, ADMIN.password);
});
afterAll(async () => {
  await world.close();
});

describe('system clients, in a real browser', () => {
  it('opens the page from the admin sections', async () => {
    const { page } = world;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await page
      .getByRole('navigation', { name: 'Admin sections' })
      .getByRole('link', { name: 'System clients' })
      .click();
    await page.getByRole('heading', { name: 'System clients', level: 1 }).waitFor();
    await page.getByText('No system clients yet.').waitFor();
    expect(await page.title()).toBe('System clients — KASPR');
  });

  it('refuses text that is not a key set, and a private key, before sending anything', async () => {
    const { page } = world;
    const form = page.getByRole('form', { name: 'Register a system client' });
    const keys = form.getByLabel('Public keys (JSON Web Key Set)');
    await form.getByLabel('Name').fill(NAME);
    await keys.fill('{"keys": [');
    await form.getByRole('button', { name: 'Register client' }).click();
    await form.getByText(/^This is not JSON/).waitFor();
    await eventually(() => keys.getAttribute('aria-invalid')).toBe('true');

    const { privateJwk } = await es384('leaky');
    await keys.fill(keySet(privateJwk));
    await form.getByRole('button', { name: 'Register client' }).click();
    await form.getByText('Key 1: Send public keys only: this key holds private members (d)').waitFor();
    await form.getByRole('alert').filter({ hasText: 'Some fields need attention' }).waitFor();
    const listed = await admin.get('/api/v1/system-clients');
    expect(listed.body.systemClients).toEqual([]);
  });

  it('registers a client with a public EC P-384 key and shows its client id and token URL', async () => {
    const { page } = world;
    const form = page.getByRole('form', { name: 'Register a system client' });
    const { publicJwk } = await es384('warehouse-1');
    await form.getByLabel('Public keys (JSON Web Key Set)').fill(keySet(publicJwk));
    await form.getByRole('radio', { name: 'Read (system/*.read)' }).check();
    await form.getByRole('checkbox', { name: 'North Team' }).check();
    await form.getByRole('button', { name: 'Register client' }).click();

    const done = page.getByRole('status').filter({ hasText: `${NAME} is registered` });
    await done.waitFor();
    const clientId = await done.getByLabel('Client id').inputValue();
    expect(clientId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await done.getByLabel('Token URL').inputValue()).toBe(
      `${world.server.baseUrl}/fhir/R4/auth/token`,
    );
    await eventually(() => form.getByLabel('Name').inputValue()).toBe('');

    const row = clientRow(page);
    await row.getByRole('rowheader', { name: NAME }).waitFor();
    for (const text of [clientId, 'system/*.read', 'North Team', 'warehouse-1 (EC)', 'Enabled'])
      await row.getByText(text, { exact: false }).first().waitFor();
    expect(await row.getByText('South Team').count()).toBe(0);

    const listed = await admin.get('/api/v1/system-clients');
    expect(listed.body.systemClients).toMatchObject([
      { id: clientId, name: NAME, scope: 'system/*.read', disabled: false, keyVersion: 1 },
    ]);
  });

  it('replaces the keys', async () => {
    const { page } = world;
    await clientRow(page)
      .getByRole('button', { name: `Replace keys of ${NAME}` })
      .click();
    const form = page.getByRole('form', { name: `Replace keys of ${NAME}` });
    const { publicJwk } = await es384('warehouse-2');
    await form.getByLabel('New public keys (JSON Web Key Set)').fill(keySet(publicJwk));
    await form.getByRole('button', { name: 'Replace keys' }).click();
    await clientRow(page).getByText('warehouse-2 (EC)').waitFor();
    await form.waitFor({ state: 'detached' });
    await clientRow(page).getByText('(set 2)').waitFor();
  });

  it('disables the client only after confirming', async () => {
    const { page } = world;
    const disable = clientRow(page).getByRole('button', { name: `Disable ${NAME}` });
    await disable.click();
    const confirm = page.getByRole('form', { name: `Disable ${NAME}` });
    const question = confirm.getByText(`Disable ${NAME}? Its tokens stop working at once`);
    await question.waitFor();
    // The question takes focus, so a keyboard user reads it and tabs on to the answer.
    await eventually(() => question.evaluate((el) => el === document.activeElement)).toBe(true);
    // Backing out leaves the client as it was.
    await confirm.getByRole('button', { name: 'Back' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect((await admin.get('/api/v1/system-clients')).body.systemClients[0].disabled).toBe(false);

    await disable.focus();
    await page.keyboard.press('Enter');
    await confirm.getByRole('button', { name: 'Disable this client' }).click();
    await clientRow(page).getByText('Disabled', { exact: true }).waitFor();
    expect(await clientRow(page).getByRole('button').count()).toBe(0);
    expect((await admin.get('/api/v1/system-clients')).body.systemClients[0].disabled).toBe(true);
  });

  it('printed no console errors along the way', () => {
    expect(world.consoleErrors).toEqual([]);
  });
});
