// Security headers over real HTTP on the web app and API replies, errors included (security.md R13).
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestServer, type TestServer } from './support/server.ts';

let server: TestServer;
const HAS_WEB_APP = existsSync(new URL('../web/dist/index.html', import.meta.url));

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** The CSP as a map of directive → sources. */
function csp(headers: Headers): Map<string, string[]> {
  const value = headers.get('content-security-policy') ?? '';
  return new Map(
    value
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

function expectSecurityHeaders(headers: Headers): void {
  const policy = headers.get('permissions-policy') ?? '';
  for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) {
    expect(policy).toContain(`${feature}=()`);
  }
  const directives = csp(headers);
  expect(directives.get('default-src')).toEqual(["'self'"]);
  expect(directives.get('style-src')).toEqual(["'self'"]);
  expect(directives.get('style-src-attr')).toEqual(["'none'"]);
  expect(headers.get('content-security-policy')).not.toContain('unsafe-inline');
  expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('strict-transport-security')).toMatch(/max-age=31536000; includeSubDomains/);
  expect(headers.get('referrer-policy')).toBe('no-referrer');
}

describe('security headers', () => {
  it('are on API replies: success, refusal, not found and validation error', async () => {
    const c = new Client(server.baseUrl);
    const replies = [
      await c.get('/api/v1/setup'),
      await c.get('/api/v1/me'),
      await c.get('/api/v1/no-such-route'),
      await c.post('/api/v1/auth/login', { email: 'x' }),
      await c.get('/healthz'),
    ];
    expect(replies.map((r) => r.status)).toEqual([200, 401, 404, 422, 200]);
    for (const r of replies) expectSecurityHeaders(r.headers);
    for (const r of replies.slice(0, 4)) expect(r.headers.get('cache-control')).toBe('no-store');
  });

  it('are on the web app’s pages', async () => {
    const r = await new Client(server.baseUrl).get('/login');
    expectSecurityHeaders(r.headers);
  });

  it.runIf(HAS_WEB_APP)(
    'are on the HTML page of the built web app, which loads no inline style',
    async () => {
      const r = await new Client(server.baseUrl).get('/');
      expect(r.headers.get('content-type')).toContain('text/html');
      expectSecurityHeaders(r.headers);
      expect(r.text).not.toMatch(/<style|style=/i);
    },
  );
});
