// Runs the real server as a child process, the way `npm start` does, and waits until it serves.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';

export interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
  exited: Promise<number | null>;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/**
 * A loopback port the system has just handed out as free: bound here, then released for the server to take. Chosen
 * by the system rather than from a fixed range, so two suites that start servers at the same time (the two engines
 * run together) never pick the same port.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** `npm start` itself, less the web build of its prestart step: npm, then the shell, then the server. */
export const NPM_START = ['npm', 'start', '--ignore-scripts'];

/** package.json "start" as argv (after an `exec`, which makes the shell npm starts become the server). */
export function startScript(): string[] {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } };
  return pkg.scripts.start.trim().split(/\s+/);
}

/** Thrown when the port was taken between choosing it and the server listening: start again on another. */
class PortTakenError extends Error {}

/**
 * Starts `src/server/main.ts` (or `command`) with the given environment on a fresh loopback port. When another
 * process took that port first (EADDRINUSE, before the server served anything), it starts again on a new one.
 */
export async function startServerProcess(
  env: Record<string, string | undefined>,
  waitReady = true,
  command: string[] = [process.execPath, '--import', 'tsx', 'src/server/main.ts'],
): Promise<ServerProcess> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startOnce(env, waitReady, command);
    } catch (err) {
      if (!(err instanceof PortTakenError) || attempt === 3) throw err;
    }
  }
}

async function startOnce(
  env: Record<string, string | undefined>,
  waitReady: boolean,
  command: string[],
): Promise<ServerProcess> {
  const port = await freePort();
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
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  if (waitReady) {
    // Generous: a first start on a busy 2-core machine (migrations, content packs) can take over a minute.
    const waitMs = 110_000;
    const deadline = Date.now() + waitMs;
    let ready = false;
    let lastSeen = 'nothing listening yet';
    const alive = () => child.exitCode === null && child.signalCode === null;
    while (Date.now() < deadline && alive()) {
      try {
        const r = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(5_000) });
        if (r.ok) {
          ready = true;
          break;
        }
        lastSeen = `${r.status} ${(await r.text()).slice(0, 300)}`;
      } catch (err) {
        lastSeen = `no answer (${err instanceof Error ? err.name : 'error'})`;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    if (!ready) {
      const running = alive();
      const ended = running
        ? `still starting after ${waitMs / 1000} s`
        : `exited with ${child.signalCode ?? `code ${child.exitCode}`}`;
      if (running) child.kill('SIGKILL');
      // Everything it printed, to its last line (a process that exited may still be flushing its output); bounded,
      // as a grandchild (npm start's server) may hold the pipes open.
      await Promise.race([closed, new Promise((r) => setTimeout(r, 2_000))]);
      if (!running && /EADDRINUSE/.test(out)) throw new PortTakenError(`port ${port} was taken:\n${out}`);
      throw new Error(
        `server did not become ready on port ${port} (${ended}; last /readyz: ${lastSeen}):\n${out}`,
      );
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
