// System clients (SMART Backend Services): a name, the services it reads, its `system/…` scopes and its public
// key set. Only public keys are taken: a key carrying private members (d, p, q, …) is refused.
import { z } from 'zod';
import { shortText, uuid } from './common.ts';

/** Members only a private (or symmetric) key has; a public key set must hold none of them. */
export const PRIVATE_KEY_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;

/** One scope: `system/<Type or *>.<read, write or *>` (SMART v1 style). */
export const SCOPE_PATTERN = /^system\/(\*|[A-Z][A-Za-z]{1,63})\.(read|write|\*)$/;

const base64url = z
  .string()
  .max(2048)
  .regex(/^[A-Za-z0-9_-]+$/, 'base64url');

/** A public signing key: RSA (RS384) or EC P-384 (ES384). */
const publicJwk = z
  .object({
    kty: z.enum(['RSA', 'EC']),
    kid: z.string().min(1).max(200).optional(),
    alg: z.enum(['RS384', 'ES384']).optional(),
    use: z.literal('sig').optional(),
    key_ops: z.array(z.literal('verify')).optional(),
    n: base64url.optional(),
    e: base64url.optional(),
    crv: z.literal('P-384').optional(),
    x: base64url.optional(),
    y: base64url.optional(),
  })
  .catchall(z.unknown())
  .superRefine((key, issue) => {
    const privateMembers = PRIVATE_KEY_MEMBERS.filter((m) => m in key);
    if (privateMembers.length > 0)
      issue.addIssue({
        code: 'custom',
        message: `Send public keys only: this key holds private members (${privateMembers.join(', ')})`,
      });
    const needed = key.kty === 'RSA' ? (['n', 'e'] as const) : (['crv', 'x', 'y'] as const);
    for (const m of needed)
      if (key[m] === undefined)
        issue.addIssue({ code: 'custom', path: [m], message: `An ${key.kty} key needs "${m}"` });
    if (key.alg && key.alg !== (key.kty === 'RSA' ? 'RS384' : 'ES384'))
      issue.addIssue({ code: 'custom', path: ['alg'], message: `${key.alg} does not fit a ${key.kty} key` });
  });

/** A JSON Web Key Set of public signing keys. */
export const publicJwks = z
  .object({ keys: z.array(publicJwk).min(1, 'At least one key').max(10, 'At most 10 keys') })
  .strict()
  .describe('JSON Web Key Set (RFC 7517) of public RS384 or ES384 (P-384) keys');

export const systemScope = z
  .string()
  .trim()
  .max(2000)
  .refine(
    (s) => s.split(/\s+/).every((one) => SCOPE_PATTERN.test(one)),
    'Space-separated scopes such as system/*.read or system/Patient.read',
  )
  .describe('Space-separated SMART scopes: system/<Type or *>.<read, write or *>');

/** POST /system-clients. */
export const createSystemClientSchema = z
  .object({
    name: shortText(100),
    jwks: publicJwks,
    scope: systemScope,
    serviceIds: z.array(uuid).min(1, 'At least one service').max(100),
  })
  .strict();

/** POST /system-clients/:id/keys: the new key set; the old one stays on record and stops working. */
export const replaceKeysSchema = z.object({ jwks: publicJwks }).strict();
