// Runs the real server as a child process, the way `npm start` does, and waits until it serves.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
  exited: Promise<number | null>;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

let nextPort = 3400 + Math.floor(Math.random() * 500);

/** `npm start` itself, less the web build of its prestart step: npm, then the shell, then the server. */
export const NPM_START = ['npm', 'start', '--ignore-scripts'];

/** package.json "start" as argv (after an `exec`, which makes the shell npm starts become the server). */
export function startScript(): string[] {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } };
  return pkg.scripts.start.trim().split(/\s+/);
}

/** Starts `src/server/main.ts` (or `command`) with the given environment on a fresh loopback port. */
export async function startServerProcess(
  env: Record<string, string | undefined>,
  waitReady = true,
  command: string[] = [process.execPath, '--import', 'tsx', 'src/server/main.ts'],
): Promise<ServerProcess> {
  const port = nextPort++;
  const childEnv: Record<string, string> = {};
  const merged: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    ...env,
  };
  for (const [k, v] of Object.entries(merged)) {
    if (v !== undefined) childEnv[k] = v;
  }
  const child = spawn(command[0]!, command.slice(1), {
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => {
      resolve(code);
    });
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  if (waitReady) {
    // Generous: a first start on a busy 2-core machine (migrations, content packs) can take over a minute.
    const deadline = Date.now() + 110_000;
    let ready = false;
    while (Date.now() < deadline && child.exitCode === null) {
      try {
        if ((await fetch(`${baseUrl}/readyz`)).ok) {
          ready = true;
          break;
        }
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    if (!ready) {
      child.kill('SIGKILL');
      throw new Error(`server did not become ready:\n${out}`);
    }
  }
  return {
    child,
    baseUrl,
    output: () => out,
    exited,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
