// The headers worked out once are exactly those helmet's middleware sets on a real reply.
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import helmet, { type HelmetOptions } from 'helmet';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers.ts';

function onRealReply(options: HelmetOptions): Record<string, unknown> {
  const req = new IncomingMessage(new Socket());
  const res = new ServerResponse(req);
  helmet(options)(req, res, (err?: unknown) => {
    if (err) throw err instanceof Error ? err : new Error('helmet failed');
  });
  return res.getHeaders();
}

describe('securityHeaders', () => {
  const configs: [string, HelmetOptions][] = [
    ['defaults', {}],
    [
      'the app’s policy',
      {
        contentSecurityPolicy: {
          directives: { defaultSrc: ["'self'"], styleSrcAttr: ["'none'"], upgradeInsecureRequests: null },
        },
        hsts: { maxAge: 31_536_000, includeSubDomains: true },
        referrerPolicy: { policy: 'no-referrer' },
      },
    ],
    ['some headers off', { hsts: false, contentSecurityPolicy: false, xFrameOptions: false }],
  ];
  for (const [label, options] of configs) {
    it(`matches helmet on a real reply: ${label}`, () => {
      const expected = onRealReply(options);
      expect(Object.keys(expected).length).toBeGreaterThan(5);
      expect(securityHeaders(options)).toEqual(expected);
    });
  }
});
