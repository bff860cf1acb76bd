// The build's budget check (scripts/bundle-budget.mjs, run by `npm run build`) on small built apps made here: it passes
// within budget, and fails over it with a message naming the files, their sizes and the budget. Only what the sign-in
// page loads counts: the entry, its static imports, and the sign-in route's chunk when it is one.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBudget, SIGN_IN_BUDGET_GZIP, signInPageFiles } from '../scripts/bundle-budget.mjs';

const SCRIPT = new URL('../scripts/bundle-budget.mjs', import.meta.url).pathname;
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Random bytes do not compress: a file of n bytes is about n bytes gzipped. */
function incompressible(n: number): string {
  return randomBytes(Math.ceil(n / 2))
    .toString('hex')
    .slice(0, n);
}

/**
 * A built app: index.html's entry imports a vendor chunk; the sign-in page and the outcomes page are chunks of their
 * own; `sizes` are the bytes of each file (hex text compresses to about half).
 */
function builtApp(sizes: { entry: number; vendor: number; signIn: number; outcomes: number }): string {
  const dist = mkdtempSync(join(tmpdir(), 'kaspr-budget-'));
  made.push(dist);
  mkdirSync(join(dist, 'assets'));
  mkdirSync(join(dist, '.vite'));
  const files = {
    entry: 'assets/index-AbCd1234.js',
    vendor: 'assets/react-EfGh5678.js',
    signIn: 'assets/LoginPage-IjKl9012.js',
    outcomes: 'assets/OutcomesPage-MnOp3456.js',
  };
  for (const [key, file] of Object.entries(files)) {
    const text = incompressible(sizes[key as keyof typeof sizes]);
    writeFileSync(join(dist, file), text);
    writeFileSync(join(dist, `${file}.gz`), gzipSync(text, { level: 9 }));
  }
  writeFileSync(join(dist, 'assets/index-QrSt7890.css'), 'body { color: black; }');
  const manifest = {
    'index.html': {
      file: files.entry,
      isEntry: true,
      imports: ['_react-EfGh5678.js'],
      dynamicImports: ['src/auth/LoginPage.tsx', 'src/outcomes/OutcomesPage.tsx'],
      css: ['assets/index-QrSt7890.css'],
    },
    '_react-EfGh5678.js': { file: files.vendor },
    'src/auth/LoginPage.tsx': { file: files.signIn, isDynamicEntry: true, imports: ['_react-EfGh5678.js'] },
    'src/outcomes/OutcomesPage.tsx': {
      file: files.outcomes,
      isDynamicEntry: true,
      imports: ['index.html', '_react-EfGh5678.js'],
    },
  };
  writeFileSync(join(dist, '.vite/manifest.json'), JSON.stringify(manifest));
  return dist;
}

function runScript(dist: string, ...args: string[]) {
  return spawnSync(process.execPath, [SCRIPT, '--dist', dist, ...args], { encoding: 'utf8' });
}

describe('the sign-in page budget', () => {
  it('is 100 KB of JavaScript, gzipped', () => {
    expect(SIGN_IN_BUDGET_GZIP).toBe(100 * 1024);
  });

  it('counts the entry, its static imports and the sign-in chunk, not the other pages', () => {
    const dist = builtApp({ entry: 1_000, vendor: 1_000, signIn: 1_000, outcomes: 400_000 });
    expect(signInPageFiles(dist).sort()).toEqual([
      'assets/LoginPage-IjKl9012.js',
      'assets/index-AbCd1234.js',
      'assets/react-EfGh5678.js',
    ]);
    const result = checkBudget(dist);
    expect(result.ok).toBe(true);
    expect(result.gzip).toBeLessThan(3_000);
  });

  it('passes the build within budget', () => {
    const dist = builtApp({ entry: 20_000, vendor: 60_000, signIn: 5_000, outcomes: 400_000 });
    const r = runScript(dist);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Sign-in page JavaScript: [\d.]+ KB gzipped, within its budget of 100\.0 KB/);
  });

  it('fails the build over budget, naming each file with its sizes, the total and the budget', () => {
    // Hex text gzips to about half its length: 250,000 bytes of it is about 122 KB, over 100 KB.
    const dist = builtApp({ entry: 40_000, vendor: 200_000, signIn: 10_000, outcomes: 1_000 });
    const r = runScript(dist);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /Sign-in page JavaScript is over budget: [\d.]+ KB gzipped \(\d+ bytes\) against 100\.0 KB \(102400 bytes\)/,
    );
    for (const file of ['index-AbCd1234.js', 'react-EfGh5678.js', 'LoginPage-IjKl9012.js'])
      expect(r.stderr).toMatch(
        new RegExp(`assets/${file}  [\\d.]+ KB raw, [\\d.]+ KB gzip, [\\d.]+ KB brotli`),
      );
    expect(r.stderr).not.toContain('OutcomesPage');
  });

  it('fails against a smaller budget given on the command line, and when there is no build', () => {
    const dist = builtApp({ entry: 10_000, vendor: 10_000, signIn: 1_000, outcomes: 1_000 });
    expect(runScript(dist).status).toBe(0);
    const r = runScript(dist, '--budget', '5000');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('(5000 bytes)');
    const missing = runScript(join(dist, 'nothing-here'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/No build manifest .*run npm run build/);
  });
});
