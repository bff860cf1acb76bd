// Accessibility check for browser tests: axe-core run in the page, failing with every violation it finds.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
/** axe's source, read once. Injected by evaluation: the app's CSP forbids inline scripts, not DevTools evaluation. */
let axeSource: string | null = null;
const source = (): string => (axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));

/** One violation as the page reports it: what broke, how badly, and where (the first nodes' selectors). */
interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** How many nodes of a violation the failure message names. */
const NODES_SHOWN = 3;

/** Runs axe over the whole document and fails listing each violation (id, impact, help, first node targets). */
export async function expectNoAxeViolations(page: Page, context?: string): Promise<void> {
  const present = await page.evaluate(() => 'axe' in window);
  if (!present) await page.evaluate(source());
  const violations = await page.evaluate(async (shown: number): Promise<Violation[]> => {
    interface AxeNode {
      target: unknown[];
    }
    interface AxeResult {
      id: string;
      impact?: string | null;
      help: string;
      nodes: AxeNode[];
    }
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<unknown> } }).axe;
    const results = (await axe.run(document, { resultTypes: ['violations'] })) as { violations: AxeResult[] };
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.slice(0, shown).map((n) => n.target.map(String).join(' > ')),
    }));
  }, NODES_SHOWN);
  if (violations.length === 0) return;
  const where = context ?? page.url();
  const lines = violations.map(
    (v) => `- ${v.id} (${v.impact ?? 'no impact given'}): ${v.help} — at ${v.targets.join(' | ')}`,
  );
  throw new Error(`axe found ${violations.length} violation(s) on ${where}:\n${lines.join('\n')}`);
}
