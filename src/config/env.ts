// The server's configuration: one zod schema over the environment, parsed once at start-up.
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  KASPR_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'Must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  KASPR_ADMIN_EMAIL: z
    .email()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  KASPR_ADMIN_PASSWORD: z
    .string()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KASPR_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(30).default(15),
  KASPR_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(12).default(12),
  KASPR_SECURE_COOKIES: bool.describe('Set when served over HTTPS: Secure, __Host- prefixed cookies'),
  KASPR_BREAK_GLASS_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
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
