// Real-browser harness: Debian's chromium through playwright-core, the built app served by a real server process.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { createTestDatabase, testEngine, type TestDatabase } from '../../test/support/database.ts';
import { startServerProcess, type ServerProcess } from '../../test/support/process.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium-args.ts';

/**
 * How long a browser test waits for a condition (an element, an address, a value) before it fails. The tests wait for
 * what they need to see, never for a fixed time; this only bounds the wait. Playwright's 30 s default was too short on a
 * busy 2-core machine (a sign-in hashes a password, a first visit loads its page's chunk); a minute stays well inside
 * the test's own limit (vitest.config.ts).
 */
export const WAIT_MS = 60_000;

/** Applies WAIT_MS to every wait and navigation in `context`. */
export function withTestWaits(context: BrowserContext): BrowserContext {
  context.setDefaultTimeout(WAIT_MS);
  context.setDefaultNavigationTimeout(WAIT_MS);
  return context;
}

/**
 * `expect.poll` with the browser tests' wait: re-reads a value (an attribute, a count, a field) until the assertion
 * holds, for values that follow an action and may not have rendered yet (vitest's own default gives up after 1 s).
 */
export function eventually<T>(read: () => Promise<T> | T) {
  return expect.poll(read, { timeout: WAIT_MS, interval: 100 });
}

/** Every page the open browser worlds have, so the accessibility check after each test can visit them. */
const livePages = new Set<Page>();

/** The pages still open in any browser world (see e2e/support/axe-after-each.ts). */
export function openPages(): Page[] {
  return [...livePages].filter((p) => !p.isClosed());
}

export interface BrowserWorld {
  browser: Browser;
  page: Page;
  server: ServerProcess;
  /** console.error messages and page errors seen so far; a test fails if any appear. */
  consoleErrors: string[];
  /** A further page in its own browser context (its own cookies: another user), watched for errors like `page`. */
  openPage: () => Promise<Page>;
  close: () => Promise<void>;
}

/** Records console errors (other than expected 4xx replies) and page errors of `page` into `errors`. */
function watchErrors(page: Page, errors: string[]): void {
  page.on('console', (msg) => {
    // Chromium reports every 4xx answer to fetch as a console error; those are expected replies the app
    // handles (a 401 before sign-in, a 422 on a bad form), not errors in the app's own code.
    const expectedReply = /^Failed to load resource: the server responded with a status of 4\d\d/.test(
      msg.text(),
    );
    if (msg.type() === 'error' && !expectedReply) errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
}

/** Signs in through the login page and waits until the app shows the signed-in layout. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/**
 * A data folder and database a test has already filled (e.g. by `kaspr demo`) for the server to start on (the
 * world drops `database` on close, as it would its own), and the browser's own time zone.
 */
export interface PreparedStore {
  dataDir?: string;
  database?: TestDatabase;
  /** The browser's own time zone (an IANA name) for every page of the world; the machine's when not given. */
  browserTimeZone?: string;
}

/**
 * Starts a server on a fresh database (engine from KASPR_TEST_DB), or on the one `prepared` names, and opens a
 * browser page on it.
 */
export async function openBrowserWorld(
  env: Record<string, string> = {},
  prepared: PreparedStore = {},
): Promise<BrowserWorld> {
  let database: TestDatabase | undefined = prepared.database;
  if (!database && testEngine() === 'postgres') database = await createTestDatabase('postgres');
  const server = await startServerProcess({
    KASPR_DATA_DIR: prepared.dataDir ?? mkdtempSync(join(tmpdir(), 'kaspr-e2e-')),
    DATABASE_URL: database?.url ?? '',
    LOG_LEVEL: 'warn',
    ...env,
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  const consoleErrors: string[] = [];
  const newPage = async (): Promise<Page> => {
    const context = withTestWaits(
      await browser.newContext({
        baseURL: server.baseUrl,
        viewport: { width: 1280, height: 900 },
        ...(prepared.browserTimeZone ? { timezoneId: prepared.browserTimeZone } : {}),
      }),
    );
    const opened = await context.newPage();
    watchErrors(opened, consoleErrors);
    livePages.add(opened);
    opened.on('close', () => livePages.delete(opened));
    return opened;
  };
  const page = await newPage();
  return {
    browser,
    page,
    server,
    consoleErrors,
    openPage: newPage,
    close: async () => {
      for (const context of browser.contexts()) for (const p of context.pages()) livePages.delete(p);
      await browser.close();
      await server.stop('SIGTERM');
      await database?.drop();
    },
  };
}
