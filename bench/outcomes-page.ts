// The outcomes page in a real browser (Debian's chromium): from navigation to the first chart drawn, for one service
// of the national data set. The first visit is cold (nothing cached); the later ones are a returning user's.
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/chromium-args.ts';
import { hasWebApp } from '../src/api/web-app.ts';

export interface FirstChartResult {
  /** Navigation to the first chart drawn, on a first visit (empty cache), ms. */
  readonly cold: number;
  /** The same on later visits (cached scripts), p50 ms. */
  readonly warmP50: number;
  readonly runs: number;
}

/** Why the page cannot be measured here, or null when it can. */
export function outcomesPageUnavailable(): string | null {
  if (!hasWebApp()) return 'web/dist is not built (npm run build)';
  if (!existsSync(CHROMIUM_PATH)) return `no chromium at ${CHROMIUM_PATH}`;
  return null;
}

/**
 * Signs in through the login page, then opens `/outcomes` for one service and period `runs + 1` times and times each
 * from the start of navigation until the first chart (the funnel) is drawn with its figures.
 */
export async function outcomesFirstChart(
  baseUrl: string,
  user: { email: string; password: string },
  query: { serviceId: string; from: string; to: string },
  runs = 5,
): Promise<FirstChartResult> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  try {
    const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1366, height: 768 } });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Email', { exact: true }).fill(user.email);
    await page.getByLabel('Password', { exact: true }).fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    const path = `/outcomes?from=${query.from}&to=${query.to}&service=${query.serviceId}`;
    const funnel = page
      .getByRole('region', { name: 'From identification to intervention' })
      .getByRole('img', { name: /^From identification to intervention:/ });
    const visit = async (): Promise<number> => {
      const start = performance.now();
      await page.goto(path);
      await funnel.waitFor();
      const took = performance.now() - start;
      // Let the page finish (the per-person measures) so one visit's work does not slow the next.
      await page.getByRole('article', { name: 'Override rate' }).waitFor();
      return took;
    };
    // The first visit to the outcomes page: its scripts are not yet cached (the sign-in page never loads them).
    const cold = await visit();
    const warm: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      await page.goto('about:blank');
      warm.push(await visit());
    }
    warm.sort((a, b) => a - b);
    return { cold, warmP50: warm[Math.floor(warm.length / 2)] ?? cold, runs };
  } finally {
    await browser.close();
  }
}
