// The patient chart API under load: autocannon against the real app, the bare handler and the read-only ceiling.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { Database } from '../src/store/db.ts';

export interface LoadResult {
  readonly server: 'kaspr' | 'bare' | 'raw';
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly requests: number;
  readonly non2xx: number;
  readonly errors: number;
}

export const CONNECTIONS = 64;
export const SECONDS = 10;

export interface RunningServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts bench/serve.ts in a child process (its own event loop and core) and waits for its address. */
export function startServer(kind: 'kaspr' | 'bare' | 'raw'): Promise<RunningServer> {
  const script = fileURLToPath(new URL('./serve.ts', import.meta.url));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script, kind], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.once('exit', (code) =>
      reject(new Error(`${kind} server exited (${code ?? 'signal'}) before listening`)),
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening (\S+)/.exec(output)?.[1];
      if (!url) return;
      child.removeAllListeners('exit');
      resolve({
        url,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) {
              done();
              return;
            }
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/** Signs a bench user in through the real API and returns the session cookie. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  return (await signInForWrites(baseUrl, email, password)).cookie;
}

/** Signs a bench user in and returns the session cookie and the CSRF token that writes carry. */
export async function signInForWrites(
  baseUrl: string,
  email: string,
  password: string,
): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const cookie = /^([^=]+=[^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  const text = await res.text();
  if (res.status !== 200 || !cookie) throw new Error(`sign-in failed: ${res.status} ${text}`);
  const { csrfToken } = JSON.parse(text) as { csrfToken?: string };
  return { cookie, csrf: csrfToken ?? '' };
}

/** A fixed, spread-out sample of patient ids (the same for every server in the run). */
export async function samplePatients(db: Database, count: number): Promise<string[]> {
  const rows = await db.query<{ id: string }>('SELECT id FROM patients ORDER BY md5(id::text) LIMIT $1', [
    count,
  ]);
  return rows.map((r) => r.id);
}

/** `connections` connections for `seconds`, cycling through the patient ids. */
export async function load(
  server: LoadResult['server'],
  url: string,
  cookie: string,
  patientIds: readonly string[],
  seconds = SECONDS,
  connections = CONNECTIONS,
): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    headers: { cookie },
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          next = (next + 1) % patientIds.length;
          return { ...request, path: `/api/v1/patients/${patientIds[next] ?? ''}` };
        },
      },
    ],
  });
  return {
    server,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}
