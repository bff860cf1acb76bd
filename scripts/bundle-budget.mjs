#!/usr/bin/env node
// After `vite build` (npm run build): fails when the JavaScript the sign-in page loads passes its gzip budget.
// The sign-in page loads the entry chunk and everything it imports statically (the script and modulepreload links of
// index.html), plus the sign-in route's own chunk and its imports when that page is split out. Sizes are the .gz
// copies the build wrote (what the server sends), or gzip -9 of the file where there is none.
// Usage: node scripts/bundle-budget.mjs [--dist DIR] [--budget BYTES]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The sign-in page's JavaScript budget, gzipped. */
export const SIGN_IN_BUDGET_GZIP = 100 * 1024;

/** web/dist beside this script. */
export const DEFAULT_DIST = fileURLToPath(new URL('../web/dist/', import.meta.url));

/** The source module of the sign-in page, as the manifest names it (relative to web/). */
const SIGN_IN_MODULE = 'src/auth/LoginPage.tsx';

/** @param {string} dist @param {string} file a path under dist, e.g. assets/index-abc.js */
function sizesOf(dist, file) {
  const path = join(dist, file);
  const raw = readFileSync(path);
  const gz = existsSync(`${path}.gz`)
    ? readFileSync(`${path}.gz`).length
    : gzipSync(raw, { level: constants.Z_BEST_COMPRESSION }).length;
  const br = existsSync(`${path}.br`)
    ? readFileSync(`${path}.br`).length
    : brotliCompressSync(raw, {
        params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
      }).length;
  return { name: file, raw: raw.length, gzip: gz, brotli: br };
}

/**
 * Raw, gzip and brotli sizes of every built asset (not the compressed copies), largest first.
 * @param {string} [dist]
 */
export function assetSizes(dist = DEFAULT_DIST) {
  const assets = join(dist, 'assets');
  if (!existsSync(assets)) throw new Error(`No built web app at ${dist}: run npm run build first`);
  return readdirSync(assets)
    .filter((f) => !f.endsWith('.br') && !f.endsWith('.gz'))
    .map((f) => sizesOf(dist, `assets/${f}`))
    .sort((a, b) => b.raw - a.raw || a.name.localeCompare(b.name));
}

/**
 * The JavaScript files the sign-in page loads, from the build manifest: the entry and its static imports, and the
 * sign-in route's chunk with its static imports when it is a chunk of its own.
 * @param {string} [dist]
 * @returns {string[]} paths under dist
 */
export function signInPageFiles(dist = DEFAULT_DIST) {
  const manifestPath = join(dist, '.vite', 'manifest.json');
  if (!existsSync(manifestPath))
    throw new Error(`No build manifest at ${manifestPath}: run npm run build (build.manifest must stay on)`);
  /** @type {Record<string, { file: string; isEntry?: boolean; imports?: string[] }>} */
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
  if (entries.length !== 1) throw new Error(`Expected one entry in ${manifestPath}, found ${entries.length}`);
  const files = new Set();
  /** @param {string} key */
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${manifestPath} names a chunk it does not list: ${key}`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of entries) visit(key);
  if (manifest[SIGN_IN_MODULE]) visit(SIGN_IN_MODULE);
  return [...files].filter((f) => f.endsWith('.js'));
}

/**
 * Each JavaScript file of the sign-in page with its sizes, and their gzip total.
 * @param {string} [dist]
 */
export function signInPage(dist = DEFAULT_DIST) {
  const files = signInPageFiles(dist).map((f) => sizesOf(dist, f));
  return { files, gzip: files.reduce((sum, f) => sum + f.gzip, 0) };
}

/** @param {number} bytes */
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * The verdict on a built web app: whether the sign-in page is within budget, and the lines that say so.
 * @param {string} [dist]
 * @param {number} [budget]
 */
export function checkBudget(dist = DEFAULT_DIST, budget = SIGN_IN_BUDGET_GZIP) {
  const page = signInPage(dist);
  const lines = page.files.map(
    (f) => `  ${f.name}  ${kb(f.raw)} raw, ${kb(f.gzip)} gzip, ${kb(f.brotli)} brotli`,
  );
  const ok = page.gzip <= budget;
  const verdict = ok
    ? `Sign-in page JavaScript: ${kb(page.gzip)} gzipped, within its budget of ${kb(budget)}.`
    : `Sign-in page JavaScript is over budget: ${kb(page.gzip)} gzipped (${page.gzip} bytes) against ${kb(budget)} ` +
      `(${budget} bytes). Load the heavy parts lazily (web/src/routes.tsx) or raise SIGN_IN_BUDGET_GZIP deliberately.`;
  return { ok, gzip: page.gzip, budget, lines: [verdict, ...lines] };
}

/** @param {string[]} argv */
function main(argv) {
  /** @param {string} name */
  const option = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const dist = option('--dist') ?? DEFAULT_DIST;
  const budgetText = option('--budget');
  const budget = budgetText === undefined ? SIGN_IN_BUDGET_GZIP : Number(budgetText);
  if (!Number.isFinite(budget) || budget <= 0) throw new Error(`--budget must be a positive byte count`);
  const result = checkBudget(dist, budget);
  (result.ok ? process.stdout : process.stderr).write(result.lines.join('\n') + '\n');
  return result.ok ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`bundle budget: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
