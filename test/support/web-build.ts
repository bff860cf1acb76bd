// Builds the web app into web/dist when it is missing, older than its sources, or lacks the compressed copies and
// manifest the server and the bundle budget read (a build from before they existed).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const WEB_DIST = join(REPO, 'web/dist');
const MANIFEST = join(WEB_DIST, '.vite/manifest.json');
/** What the web build reads: the app, its page and config, and the server's schemas and pure domain it imports. */
const SOURCES = ['web/src', 'web/index.html', 'web/vite.config.ts', 'src/schemas', 'src/domain'];

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let t = 0;
  for (const entry of readdirSync(path)) t = Math.max(t, newest(join(path, entry)));
  return t;
}

function upToDate(): boolean {
  if (!existsSync(MANIFEST) || !existsSync(join(WEB_DIST, 'index.html'))) return false;
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, { file: string }>;
  const files = Object.values(manifest).map((c) => join(WEB_DIST, c.file));
  if (!files.every((f) => existsSync(f) && existsSync(`${f}.br`) && existsSync(`${f}.gz`))) return false;
  const built = statSync(MANIFEST).mtimeMs;
  return SOURCES.every((s) => newest(join(REPO, s)) <= built);
}

/** Runs `vite build` (the build `npm run build` starts with) unless web/dist is current. */
export function ensureWebBuild(): void {
  if (upToDate()) return;
  // A production build whatever the runner set (vitest sets NODE_ENV=test, which would bundle React's development build).
  const r = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) throw new Error(`web build failed:\n${r.stdout}\n${r.stderr}`);
}
