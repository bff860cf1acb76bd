// Witness co-signatures: a second user re-authenticates at the moment of witnessing (security.md R25).
import type { FastifyRequest } from 'fastify';
import { hasPermission } from '../../domain/access/roles.ts';
import type { WitnessSignature } from '../../domain/ledger/index.ts';
import type { WitnessCredentials } from '../../schemas/cd-register.ts';
import type { UserRow } from '../../store/users.ts';
import { reauthenticate } from '../auth/reauthenticate.ts';
import { witnessRefusal } from '../auth/refusals.ts';
import type { AppContext } from '../context.ts';

/** The API path of the i-th witness: `witness` first when given, then `witnesses.N`. */
export function witnessPath(i: number, hasSingle: boolean): string {
  if (hasSingle) return i === 0 ? 'body.witness' : `body.witnesses.${i - 1}`;
  return `body.witnesses.${i}`;
}

/**
 * Checks each witness through the one re-authentication (the sign-in's per-address limit, lockout and audit,
 * action `cd-witness.authenticate`) and returns their signatures, stamped now. A wrong email, password or code,
 * a disabled or locked account, or a user without `cd:write` all get the same refusal, 422
 * `witness-authentication-failed`, naming only the witness field; whether the user may witness is checked before
 * the secret, so the answer never tells whether a password was right. A witness who is the author is passed
 * through unchecked: the domain refuses them as `witness-must-differ`.
 */
export async function witnessSignatures(
  ctx: AppContext,
  req: FastifyRequest,
  author: UserRow,
  credentials: readonly WitnessCredentials[],
  hasSingle: boolean,
): Promise<WitnessSignature[]> {
  const signatures: WitnessSignature[] = [];
  for (const [i, given] of credentials.entries()) {
    if (given.email.trim().toLowerCase() === author.email.toLowerCase()) {
      signatures.push({ userId: author.id, reauthenticatedAt: ctx.now().toISOString() });
      continue;
    }
    const result = await reauthenticate(ctx, req, {
      purpose: 'cd-witness',
      email: given.email,
      factor: 'password' in given ? { password: given.password } : { totp: given.totp },
      eligible: (user) => user.id !== author.id && hasPermission(user.roles, 'cd:write'),
    });
    if (!result.ok) {
      throw witnessRefusal(result.failure, result.retryAfterSeconds, witnessPath(i, hasSingle));
    }
    signatures.push({ userId: result.user.id, reauthenticatedAt: ctx.now().toISOString() });
  }
  return signatures;
}
