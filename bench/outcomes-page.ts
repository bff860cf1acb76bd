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
 * Opens `/outcomes` for one service and period `runs + 1` times, signed in by `cookie` (name=value), and times each
 * from the start of navigation until the first chart (the funnel) is drawn with its figures.
 */
export async function outcomesFirstChart(
  baseUrl: string,
  cookie: string,
  query: { serviceId: string; from: string; to: string },
  runs = 5,
): Promise<FirstChartResult> {
  const [name = '', value = ''] = cookie.split(/=(.*)/s);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  try {
    const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1366, height: 768 } });
    context.setDefaultTimeout(60_000);
    await context.addCookies([{ name, value, url: baseUrl }]);
    const page = await context.newPage();
    const path = `/outcomes?from=${query.from}&to=${query.to}&service=${query.serviceId}`;
    const funnel = page
      .getByRole('region', { name: 'From identification to intervention' })
      .getByRole('img', { name: /^From identification to intervention:/ });
    const visit = async (): Promise<number> => {
      const start = performance.now();
      await page.goto(path);
      await funnel.waitFor();
      return performance.now() - start;
    };
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
