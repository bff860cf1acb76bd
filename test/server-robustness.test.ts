// The server under misuse: trickling requests are timed out, framework errors are problem+json with a code,
// and a lock left by a crash does not stop the next start when its pid now belongs to another process.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess } from './support/process.ts';
import { collect, openSocket, rawRequest, type RawReply } from './support/raw-http.ts';
import { startTestServer, type TestServer } from './support/server.ts';

const REQUEST_TIMEOUT_MS = 1_500;
let server: TestServer;
let host: string;

beforeAll(async () => {
  server = await startTestServer({
    KASPR_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
    KASPR_HEADERS_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
  });
  host = new URL(server.baseUrl).host;
});
afterAll(async () => {
  await server.close();
});

function expectProblem(reply: RawReply, status: number, code: string): void {
  expect(reply.status, reply.text.slice(0, 300)).toBe(status);
  expect(reply.contentType).toBe('application/problem+json');
  expect(reply.body).toMatchObject({ status, code });
  expect(typeof reply.body?.title).toBe('string');
}

/** Opens a connection, sends `head`, then one byte of `trickle` every `everyMs` until the server closes it. */
async function trickle(
  head: string,
  trickleBytes: string,
  everyMs: number,
  waitMs: number,
): Promise<RawReply> {
  const socket = await openSocket(server.baseUrl);
  const reply = collect(socket, waitMs);
  socket.write(head);
  let i = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || i >= trickleBytes.length) return;
    socket.write(trickleBytes[i]!);
    i += 1;
  }, everyMs);
  try {
    return await reply;
  } finally {
    clearInterval(timer);
  }
}

describe('requests that trickle in', () => {
  it('answers each of 50 slow-body connections 408 problem+json and closes it, within the request deadline', async () => {
    const body = JSON.stringify({ email: 'slow@clinic.test', password: 'x'.repeat(200) });
    const head =
      `POST /api/v1/auth/login HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${body.length}\r\n\r\n`;
    const replies = await Promise.all(
      Array.from({ length: 50 }, () => trickle(head, body, 100, REQUEST_TIMEOUT_MS + 6_000)),
    );
    for (const reply of replies) {
      expect(reply.closed).toBe(true);
      expect(reply.ms).toBeLessThan(REQUEST_TIMEOUT_MS + 4_000);
      expectProblem(reply, 408, 'request-timeout');
    }
  });

  it('closes a connection whose headers trickle in', async () => {
    const reply = await trickle(
      `GET /api/v1/me HTTP/1.1\r\nHost: ${host}\r\n`,
      'X-Slow: ' + 'a'.repeat(200),
      100,
      REQUEST_TIMEOUT_MS + 6_000,
    );
    expect(reply.closed).toBe(true);
    expect(reply.ms).toBeLessThan(REQUEST_TIMEOUT_MS + 4_000);
    if (reply.status !== null) expectProblem(reply, 408, 'request-timeout');
  });

  it('still serves a request that arrives in time', async () => {
    const reply = await rawRequest(
      server.baseUrl,
      `GET /healthz HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
    );
    expect(reply.status).toBe(200);
  });
});

describe('framework errors are problem+json with a code', () => {
  it('414 uri-too-long for an address over the parser limit', async () => {
    const reply = await rawRequest(
      server.baseUrl,
      `GET /api/v1/patients?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
    );
    expectProblem(reply, 414, 'uri-too-long');
  });

  it('414 uri-too-long for an overlong path parameter', async () => {
    const reply = await rawRequest(
      server.baseUrl,
      `GET /api/v1/patients/${'a'.repeat(500)} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
    );
    expectProblem(reply, 414, 'uri-too-long');
  });

  it('400 bad-request for a request line that is not HTTP', async () => {
    const reply = await rawRequest(server.baseUrl, 'HELLO THERE\r\n\r\n');
    expectProblem(reply, 400, 'bad-request');
  });

  it('400 bad-request for a broken percent-encoding in the path', async () => {
    const reply = await rawRequest(
      server.baseUrl,
      `GET /api/v1/patients/%zz HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
    );
    expectProblem(reply, 400, 'bad-request');
  });

  it('431 headers-too-large for headers over the parser limit', async () => {
    const headers = Array.from({ length: 40 }, (_, i) => `X-Filler-${i}: ${'b'.repeat(1_000)}\r\n`).join('');
    const reply = await rawRequest(
      server.baseUrl,
      `GET /healthz HTTP/1.1\r\nHost: ${host}\r\n${headers}Connection: close\r\n\r\n`,
    );
    expectProblem(reply, 431, 'headers-too-large');
  });

  it('413 payload-too-large (not 422) for a body over the limit', async () => {
    const body = JSON.stringify({ email: 'big@clinic.test', password: 'p'.repeat(2 * 1_048_576) });
    const res = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ status: 413, code: 'payload-too-large' });
  });
});

// The embedded engine's folder lock (the lock exists only without DATABASE_URL, so both runs test it the same).
describe.skipIf(!existsSync('/proc/self/stat'))('the embedded data folder lock after a crash', () => {
  it("starts over a crashed server's lock whose pid now belongs to a live unrelated process, and a running server still refuses a second", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kaspr-stale-lock-'));
    const env = { KASPR_DATA_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'warn' };
    const lockPath = join(dir, 'kaspr.lock');
    const crashed = await startServerProcess(env);
    await crashed.stop('SIGKILL');
    expect(existsSync(lockPath)).toBe(true);
    // Since the crash the container restarted and the recorded pid went to another live process (here: this
    // test process, with the same boot and namespace but its own start time). Everything else in the lock is
    // as the crashed server wrote it.
    const text = readFileSync(lockPath, 'utf8');
    const crashedPid = String(crashed.child.pid);
    expect(text).toContain(crashedPid);
    writeFileSync(lockPath, text.replace(crashedPid, String(process.pid)));

    const restarted = await startServerProcess(env);
    try {
      expect((await fetch(`${restarted.baseUrl}/readyz`)).status).toBe(200);
      expect(readFileSync(lockPath, 'utf8')).toContain(String(restarted.child.pid));

      const second = await startServerProcess(env, false);
      expect(await second.exited).not.toBe(0);
      expect(second.output()).toMatch(/in use by another KASPR process \(pid \d+\)/);
      expect(second.output()).toMatch(/delete .*kaspr\.lock and start again/);
    } finally {
      expect(await restarted.stop('SIGTERM')).toBe(0);
    }
    expect(existsSync(lockPath)).toBe(false);
  }, 240_000);
});
