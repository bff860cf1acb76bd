// The server's configuration: one zod schema over the environment, parsed once at start-up.
import { isIP } from 'node:net';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

/** A duration in milliseconds from the environment, 100 ms to 10 minutes: its default and what it bounds. */
const ms = (fallback: number, description: string) =>
  z.coerce.number().int().min(100).max(600_000).default(fallback).describe(description);

/** An optional setting that an empty value (`NAME=`) leaves unset. */
const unsetWhenEmpty = <T extends z.ZodType>(schema: T) =>
  schema.optional().or(z.literal('').transform(() => undefined));

/** One proxy address or CIDR range (IPv4 or IPv6), e.g. `10.0.0.5` or `10.0.0.0/8`. */
function isProxyAddress(value: string): boolean {
  const [address = '', prefix, ...rest] = value.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/**
 * Which reverse proxies may set X-Forwarded-For (Fastify `trustProxy`): off by default, so a client cannot
 * choose its own address; else the proxies' addresses/CIDRs (comma-separated) or the number of proxy hops.
 * Without it behind a load balancer, every client shares the balancer's address and its sign-in limit.
 */
const trustProxy = z
  .string()
  .optional()
  .transform((v, ctx): false | number | string[] => {
    const text = (v ?? '').trim();
    if (text === '' || text === 'false' || text === 'off' || text === '0') return false;
    if (/^\d+$/.test(text)) {
      const hops = Number(text);
      if (hops > 10) ctx.addIssue({ code: 'custom', message: 'At most 10 proxy hops' });
      return hops;
    }
    const list = text.split(',').map((a) => a.trim());
    const bad = list.filter((a) => !isProxyAddress(a));
    if (bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `Give proxy addresses or CIDR ranges (e.g. 10.0.0.0/8) or a hop count, not: ${bad.join(', ')}`,
      });
    }
    return list;
  });

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  KASPR_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: unsetWhenEmpty(
    z.string().regex(/^postgres(ql)?:\/\//, 'Must start with postgres:// or postgresql://'),
  ),
  KASPR_ADMIN_EMAIL: unsetWhenEmpty(z.email()),
  KASPR_ADMIN_PASSWORD: unsetWhenEmpty(z.string()),
  KASPR_AUDIT_ANCHOR_KEY: unsetWhenEmpty(
    z.string().min(32, 'At least 32 characters (e.g. `openssl rand -base64 32`)'),
  ).describe(
    'Signs audit and controlled-drug register anchors. Set the same value on every app server sharing one ' +
      'PostgreSQL; unset, the key generated in KASPR_DATA_DIR/secrets.json is used (the embedded default)',
  ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KASPR_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(30).default(15),
  KASPR_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(12).default(12),
  KASPR_SECURE_COOKIES: bool.describe('Set when served over HTTPS: Secure, __Host- prefixed cookies'),
  KASPR_TRUST_PROXY: trustProxy.describe(
    'Reverse proxies trusted for X-Forwarded-For: addresses/CIDRs (comma-separated) or a hop count; off by default',
  ),
  KASPR_BREAK_GLASS_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
  // Deadlines (milliseconds). Towards PostgreSQL: a frozen link must fail a request, not hold it for the stall.
  KASPR_DB_CONNECT_TIMEOUT_MS: ms(5_000, 'PostgreSQL: give up opening a connection after this long'),
  KASPR_DB_STATEMENT_TIMEOUT_MS: ms(30_000, 'PostgreSQL statement_timeout for every session'),
  KASPR_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: ms(
    60_000,
    'PostgreSQL idle_in_transaction_session_timeout: ends a session holding an open transaction idle this long',
  ),
  KASPR_DB_QUERY_TIMEOUT_MS: ms(
    35_000,
    'Client-side limit on one query, for when the server cannot even answer its own statement_timeout',
  ),
  KASPR_DB_KEEPALIVE_MS: ms(
    10_000,
    'TCP keepalive on PostgreSQL connections: first probe after this idle time',
  ),
  KASPR_AUDIT_SEAL_INTERVAL_MS: ms(
    200,
    'How often the audit sealer seals newly written audit entries into the hash chain',
  ),
  KASPR_READY_TIMEOUT_MS: ms(1_500, '/readyz answers 503 when the database has not answered within this'),
  // Towards clients and the process itself.
  KASPR_REQUEST_TIMEOUT_MS: ms(30_000, 'Whole request (headers and body) must arrive within this, else 408'),
  KASPR_HEADERS_TIMEOUT_MS: ms(
    10_000,
    'Request headers must arrive within this (capped at the request timeout)',
  ),
  KASPR_SHUTDOWN_TIMEOUT_MS: ms(
    10_000,
    'On SIGTERM/SIGINT: finish in-flight requests and close the database within this',
  ),
});

export type Config = z.infer<typeof configSchema>;

/** Parses the environment, or throws one error listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (Boolean(parsed.data.KASPR_ADMIN_EMAIL) !== Boolean(parsed.data.KASPR_ADMIN_PASSWORD)) {
    throw new Error(
      'Invalid configuration:\n  KASPR_ADMIN_EMAIL and KASPR_ADMIN_PASSWORD go together: set both or neither',
    );
  }
  return parsed.data;
}
