// The security headers of every reply (helmet's, as configured in app.ts), worked out once at start-up. The
// headers are the same for every request (no per-request nonces), so the reply hook only copies them; building
// helmet's middleware again for each request (as @fastify/helmet does) parsed the policy on every reply.
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

/** The headers helmet sets for `options`, lower-cased names, as one object. */
export function securityHeaders(options: HelmetOptions): Readonly<Record<string, string>> {
  const headers = new Map<string, string>();
  const capture = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : String(value));
      return capture;
    },
    removeHeader(name: string) {
      headers.delete(name.toLowerCase());
    },
    getHeader(name: string) {
      return headers.get(name.toLowerCase());
    },
  };
  let failure: Error | undefined;
  const request = Object.create(null) as IncomingMessage;
  helmet(options)(request, capture as unknown as ServerResponse, (err?: unknown) => {
    if (err) failure = err instanceof Error ? err : new Error('helmet refused its options');
  });
  if (failure) throw failure;
  return Object.freeze(Object.fromEntries(headers));
}
