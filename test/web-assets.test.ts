// The built web app over real HTTP: hashed assets sent pre-compressed (brotli, else gzip, else as they are) and cached
// for a year; the page itself and the client routes revalidated on every load; an unknown asset a 404. Also how the
// build splits the app: the sign-in page and the dosing session do not load the outcomes pages' code.
import { request } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleSizes, signInPageGzip, SIGN_IN_BUDGET_GZIP } from '../bench/bundle.ts';
import { signInPageFiles } from '../scripts/bundle-budget.mjs';
import { startTestServer, type TestServer } from './support/server.ts';
import { ensureWebBuild, WEB_DIST } from './support/web-build.ts';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET whose body is kept as sent (fetch would decode a compressed body and hide the encoding). */
function get(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, baseUrl), { method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const header = (r: RawResponse, name: string): string => [r.headers[name] ?? ''].flat().join(', ');
const varies = (r: RawResponse): string[] =>
  header(r, 'vary')
    .split(',')
    .map((v) => v.trim().toLowerCase());

type Manifest = Record<string, { file: string; imports?: string[]; css?: string[]; isEntry?: boolean }>;

/** Every file a manifest chunk loads: itself, its static imports, and their CSS. */
function closure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  const chunk = manifest[key]!;
  if (seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const css of chunk.css ?? []) seen.add(css);
  for (const imported of chunk.imports ?? []) closure(manifest, imported, seen);
  return seen;
}

let server: TestServer;
let manifest: Manifest;
let indexHtml: string;
/** The entry script index.html names, e.g. /assets/index-abc12345.js. */
let entryPath: string;

beforeAll(async () => {
  ensureWebBuild();
  manifest = JSON.parse(readFileSync(join(WEB_DIST, '.vite/manifest.json'), 'utf8')) as Manifest;
  indexHtml = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
  entryPath = /<script type="module"[^>]* src="(\/assets\/[^"]+\.js)"/.exec(indexHtml)![1]!;
  server = await startTestServer();
});
afterAll(() => server.close());

describe('hashed assets', () => {
  it('are sent brotli-compressed when the browser accepts br, which it prefers over gzip', async () => {
    const original = readFileSync(join(WEB_DIST, entryPath));
    const compressed = readFileSync(join(WEB_DIST, `${entryPath}.br`));
    for (const accept of ['br', 'gzip, deflate, br, zstd', 'gzip;q=0.8, br']) {
      const r = await get(server.baseUrl, entryPath, { 'accept-encoding': accept });
      expect(r.status).toBe(200);
      expect(header(r, 'content-encoding')).toBe('br');
      expect(header(r, 'content-type')).toMatch(/^(text|application)\/javascript/);
      expect(Number(header(r, 'content-length'))).toBe(compressed.length);
      expect(varies(r)).toContain('accept-encoding');
      expect(brotliDecompressSync(r.body).equals(original)).toBe(true);
    }
  });

  it('are sent gzip-compressed when the browser accepts gzip but not br', async () => {
    const original = readFileSync(join(WEB_DIST, entryPath));
    const compressed = readFileSync(join(WEB_DIST, `${entryPath}.gz`));
    for (const accept of ['gzip', 'gzip, deflate', 'br;q=0, gzip']) {
      const r = await get(server.baseUrl, entryPath, { 'accept-encoding': accept });
      expect(r.status).toBe(200);
      expect(header(r, 'content-encoding')).toBe('gzip');
      expect(header(r, 'content-type')).toMatch(/^(text|application)\/javascript/);
      expect(Number(header(r, 'content-length'))).toBe(compressed.length);
      expect(varies(r)).toContain('accept-encoding');
      expect(gunzipSync(r.body).equals(original)).toBe(true);
    }
  });

  it('are sent as they are without Accept-Encoding (identity), still varying on it', async () => {
    const original = readFileSync(join(WEB_DIST, entryPath));
    for (const headers of [{}, { 'accept-encoding': 'identity' }] as Record<string, string>[]) {
      const r = await get(server.baseUrl, entryPath, headers);
      expect(r.status).toBe(200);
      expect(r.headers['content-encoding']).toBeUndefined();
      expect(Number(header(r, 'content-length'))).toBe(original.length);
      expect(varies(r)).toContain('accept-encoding');
      expect(r.body.equals(original)).toBe(true);
    }
  });

  it('are cached for a year as immutable, scripts and style sheets, in every encoding', async () => {
    const css = /<link rel="stylesheet"[^>]* href="(\/assets\/[^"]+\.css)"/.exec(indexHtml)![1]!;
    for (const path of [entryPath, css]) {
      for (const accept of ['br', 'gzip', '']) {
        const r = await get(server.baseUrl, path, accept ? { 'accept-encoding': accept } : {});
        expect(r.status).toBe(200);
        expect(header(r, 'cache-control')).toBe('public, max-age=31536000, immutable');
      }
    }
    const styles = await get(server.baseUrl, css, { 'accept-encoding': 'br' });
    expect(header(styles, 'content-type')).toMatch(/^text\/css/);
    expect(brotliDecompressSync(styles.body).equals(readFileSync(join(WEB_DIST, css)))).toBe(true);
  });

  it('keep the security headers', async () => {
    const r = await get(server.baseUrl, entryPath, { 'accept-encoding': 'br' });
    expect(header(r, 'content-security-policy')).toContain("default-src 'self'");
    expect(header(r, 'x-content-type-options')).toBe('nosniff');
    expect(header(r, 'strict-transport-security')).toMatch(/max-age=31536000/);
    expect(header(r, 'permissions-policy')).toContain('camera=()');
  });

  it('answer an unknown asset, or a compressed copy asked for by name, with 404 and not the page', async () => {
    const copy = `${entryPath}.br`;
    for (const path of ['/assets/no-such-chunk-AbCd1234.js', '/assets/nothing.css', copy]) {
      const r = await get(server.baseUrl, path, { 'accept-encoding': 'br, gzip' });
      expect(r.status, path).toBe(404);
      expect(header(r, 'content-type')).toMatch(/^application\/problem\+json/);
      expect(r.body.toString()).not.toMatch(/<html/i);
    }
  });
});

describe('the page', () => {
  it('is revalidated on every load at /, /index.html and the client routes, with its security headers', async () => {
    for (const path of [
      '/',
      '/index.html',
      '/login',
      '/patients/0f8fad5b-d9cb-469f-a165-70867728950e/treatment',
    ]) {
      const r = await get(server.baseUrl, path, { 'accept-encoding': 'br, gzip' });
      expect(r.status, path).toBe(200);
      expect(header(r, 'content-type')).toMatch(/^text\/html/);
      expect(header(r, 'cache-control'), path).toMatch(/^no-(cache|store)$/);
      expect(header(r, 'content-security-policy')).toContain("default-src 'self'");
      expect(r.body.toString()).toContain(entryPath);
    }
  });
});

describe('the split build', () => {
  it('keeps the sign-in page’s JavaScript within its budget, and reports every asset', async () => {
    expect(await signInPageGzip()).toBeLessThanOrEqual(SIGN_IN_BUDGET_GZIP);
    const sizes = await bundleSizes();
    const names = sizes.map((s) => s.name);
    expect(names).toContain(entryPath.slice(1));
    for (const s of sizes) {
      expect(s.gzip).toBeGreaterThan(0);
      expect(s.brotli).toBeGreaterThan(0);
    }
    // The sign-in page's set is what index.html starts loading: its script and its modulepreload links.
    const preloaded = [
      ...indexHtml.matchAll(
        /<(?:script|link rel="modulepreload")[^>]* (?:src|href)="\/(assets\/[^"]+\.js)"/g,
      ),
    ];
    expect(new Set(signInPageFiles())).toEqual(new Set(preloaded.map((m) => m[1])));
  });

  it('does not load the outcomes pages’ code on the sign-in page or in the dosing session', () => {
    // Chunks are named after their first module: none may come from web/src/outcomes.
    const outcomeModules = new Set(
      readdirSync(join(WEB_DIST, '../src/outcomes')).map((f) => basename(f, extname(f))),
    );
    const fromOutcomes = (file: string) =>
      outcomeModules.has(basename(file).replace(/-[A-Za-z0-9_-]{8}\.\w+$/, ''));
    const outcomes = closure(manifest, 'src/outcomes/OutcomesPage.tsx');
    expect([...outcomes].filter(fromOutcomes).length).toBeGreaterThan(0);

    const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
    const signIn = closure(manifest, entry);
    const dosing = closure(manifest, 'src/treatment/DosingSessionPage.tsx');
    for (const loaded of [signIn, dosing]) {
      expect([...loaded].filter(fromOutcomes)).toEqual([]);
      expect(loaded.has(manifest['src/outcomes/OutcomesPage.tsx']!.file)).toBe(false);
      expect(loaded.has(manifest['src/outcomes/PilotPage.tsx']!.file)).toBe(false);
    }
  });
});
