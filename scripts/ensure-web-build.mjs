#!/usr/bin/env node
// Before `npm start`: builds the web app when web/dist is missing or older than its sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const built = 'web/dist/index.html';
const sources = Math.max(newest('web/src'), statSync('web/index.html').mtimeMs, newest('src/schemas'));
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
  process.stdout.write('Building the web app…\n');
  const r = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
