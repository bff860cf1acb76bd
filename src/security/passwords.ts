// Password hashing with argon2id at OWASP ASVS Appendix C parameters (m = 19 MiB, t = 2, p = 1).
import { hash, parseOptions, verify } from '@node-rs/argon2';
import { inHashSlot } from './hash-slots.ts';

// The library's default algorithm is argon2id; the test reads the stored PHC string to prove it.
export const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

// Verified against when the account does not exist, so a missing account takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;

export function hashPassword(password: string): Promise<string> {
  return inHashSlot(() => hash(password, ARGON2_OPTIONS), false);
}

/**
 * Checks a password; with no stored hash it still spends the same time and answers false. Runs in a hashing
 * slot, so it throws HashingBusyError when the server is at capacity.
 */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    dummyHash ??= hash('kaspr-timing-equaliser', ARGON2_OPTIONS);
    const equaliser = await dummyHash;
    await inHashSlot(() => verify(equaliser, password).catch(() => false));
    return false;
  }
  return inHashSlot(() => verify(stored, password).catch(() => false));
}

/** True when a stored hash uses weaker parameters than today's and should be rehashed at next login. */
export function needsRehash(stored: string): boolean {
  const o = parseOptions(stored);
  return o.memoryCost < ARGON2_OPTIONS.memoryCost || o.timeCost < ARGON2_OPTIONS.timeCost;
}
