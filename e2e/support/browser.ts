// Real-browser harness: Debian's chromium through playwright-core, the built app served by a real server process.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createTestDatabase, testEngine, type TestDatabase } from '../../test/support/database.ts';
import { startServerProcess, type ServerProcess } from '../../test/support/process.ts';

export interface BrowserWorld {
  browser: Browser;
  page: Page;
  server: ServerProcess;
  /** console.error messages and page errors seen so far; a test fails if any appear. */
  consoleErrors: string[];
  close: () => Promise<void>;
}

// Headless flags for a closed network (no background calls to Google services), as root in CI.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Starts a server on a fresh database (engine from KASPR_TEST_DB) and opens a browser page on it. */
export async function openBrowserWorld(env: Record<string, string> = {}): Promise<BrowserWorld> {
  let database: TestDatabase | undefined;
  if (testEngine() === 'postgres') database = await createTestDatabase('postgres');
  const server = await startServerProcess({
    KASPR_DATA_DIR: mkdtempSync(join(tmpdir(), 'kaspr-e2e-')),
    DATABASE_URL: database?.url ?? '',
    LOG_LEVEL: 'warn',
    ...env,
  });
  const browser = await chromium.launch({
    executablePath: process.env.KASPR_CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (msg) => {
    // Chromium reports every 4xx answer to fetch as a console error; those are expected replies the app
    // handles (a 401 before sign-in, a 422 on a bad form), not errors in the app's own code.
    const expectedReply = /^Failed to load resource: the server responded with a status of 4\d\d/.test(
      msg.text(),
    );
    if (msg.type() === 'error' && !expectedReply) consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(err.message));
  return {
    browser,
    page,
    server,
    consoleErrors,
    close: async () => {
      await browser.close();
      await server.stop('SIGTERM');
      await database?.drop();
    },
  };
}
