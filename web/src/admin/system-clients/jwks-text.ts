// A system client's key set as pasted by an administrator: read as JSON, checked as a public JSON Web Key Set.
import type { z } from 'zod';
import { publicJwks } from '../../../../src/schemas/system-clients.ts';
import type { FieldErrors } from '../../api/api-error.ts';

export type Jwks = z.output<typeof publicJwks>;

export type JwksReading = { ok: true; jwks: Jwks } | { ok: false; error: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** "Key 2: …" for a problem at `keys.1…`, the message alone for one about the set. */
function keyed(path: readonly PropertyKey[], message: string): string {
  return path[0] === 'keys' && typeof path[1] === 'number' ? `Key ${path[1] + 1}: ${message}` : message;
}

/**
 * Reads pasted text as a JSON Web Key Set (RFC 7517 §5) of public keys, with the server's own schema, so a
 * private key (d, p, q, …) is refused before it leaves the browser.
 */
export function readJwks(text: string): JwksReading {
  if (text.trim() === '') return { ok: false, error: 'Paste the client’s public key set' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This is not JSON: paste the key set as it is, {"keys": [ … ]}' };
  }
  if (isObject(parsed) && 'kty' in parsed && !('keys' in parsed))
    return { ok: false, error: 'This is a single key: put it in a key set, {"keys": [ … ]}' };
  if (!isObject(parsed) || !Array.isArray(parsed.keys))
    return { ok: false, error: 'Not a JSON Web Key Set: it needs a "keys" list, {"keys": [ … ]}' };
  if (parsed.keys.length === 0)
    return { ok: false, error: 'The key set holds no keys: add at least one public key' };
  const notObject = parsed.keys.findIndex((k) => !isObject(k));
  if (notObject >= 0) return { ok: false, error: `Key ${notObject + 1}: not a JSON Web Key (an object)` };
  const checked = publicJwks.safeParse(parsed);
  if (checked.success) return { ok: true, jwks: checked.data };
  const [first] = checked.error.issues;
  return { ok: false, error: first ? keyed(first.path, first.message) : 'Not a usable key set' };
}

/** The first problem the server found in the key set (at `jwks` or under it), naming the key. */
export function jwksError(errors: FieldErrors): string | undefined {
  if (errors.jwks) return errors.jwks;
  const found = Object.entries(errors).find(([k]) => k.startsWith('jwks.'));
  if (!found) return undefined;
  const path = found[0]
    .split('.')
    .slice(1)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  return keyed(path, found[1]);
}
