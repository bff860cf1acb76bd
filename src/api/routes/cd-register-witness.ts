// Witness co-signatures: a second user re-authenticates at the moment of witnessing (security.md R25).
import type { FastifyRequest } from 'fastify';
import { hasPermission } from '../../domain/access/roles.ts';
import { lockoutSeconds } from '../../domain/auth/session-policy.ts';
import type { WitnessSignature } from '../../domain/ledger/index.ts';
import type { WitnessCredentials } from '../../schemas/cd-register.ts';
import { verifyPassword } from '../../security/passwords.ts';
import { matchTotp } from '../../security/totp.ts';
import { findUserByEmail, recordLoginFailure, recordLoginSuccess, type UserRow } from '../../store/users.ts';
import { auditFrom, type AppContext } from '../context.ts';
import { ruleRefusal } from '../problem.ts';

/** The API path of the i-th witness: `witness` first when given, then `witnesses.N`. */
export function witnessPath(i: number, hasSingle: boolean): string {
  if (hasSingle) return i === 0 ? 'body.witness' : `body.witnesses.${i - 1}`;
  return `body.witnesses.${i}`;
}

const FAILED =
  'The witness could not be confirmed: the email, password or code is not right, or that person may not ' +
  'witness controlled-drug entries.';

/**
 * Checks each witness's credentials and returns their signatures, stamped now. A wrong email, password or
 * code, a disabled or locked account, or a user without `cd:write` all get the same refusal, 422
 * `witness-authentication-failed`, naming only the witness field. (Not 401: the requester's own session is
 * fine, and a 401 would tell the browser to sign its user out.) Failures count towards the witness account's
 * lockout like failed sign-ins, and are audited. A witness who is the author is passed through unchecked: the
 * domain refuses them as `witness-must-differ`.
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
    const now = ctx.now();
    if (given.email.toLowerCase() === author.email.toLowerCase()) {
      signatures.push({ userId: author.id, reauthenticatedAt: now.toISOString() });
      continue;
    }
    const user = await findUserByEmail(ctx.db, given.email);
    const locked = user?.locked_until != null && user.locked_until > now;
    let factorOk = false;
    let step: number | undefined;
    if (!locked && 'password' in given) {
      factorOk = await verifyPassword(user?.password_hash ?? null, given.password);
    } else if (!locked && 'totp' in given && user?.totp_enabled && user.totp_secret) {
      const matched = matchTotp(user.totp_secret, given.totp, now, user.totp_last_step);
      factorOk = matched !== null;
      step = matched ?? undefined;
    }
    const allowed = user !== undefined && !user.disabled && hasPermission(user.roles, 'cd:write');
    if (!user || !factorOk || !allowed) {
      const reason = !user
        ? 'unknown-account'
        : locked
          ? 'account-locked'
          : !factorOk
            ? 'bad-credentials'
            : 'not-allowed';
      await ctx.db.transaction(async (tx) => {
        if (user && !locked && !factorOk) {
          const seconds = lockoutSeconds(user.failed_logins + 1);
          await recordLoginFailure(
            tx,
            user.id,
            seconds > 0 ? new Date(now.getTime() + seconds * 1000) : null,
          );
        }
        await auditFrom(
          req,
          tx,
          {
            action: 'cd-witness.authenticate',
            resourceType: 'User',
            resourceId: user?.id ?? null,
            outcome: 'denied',
            details: { reason },
          },
          now,
        );
      });
      const path = witnessPath(i, hasSingle);
      throw ruleRefusal('out-of-bounds', 'witness-authentication-failed', FAILED, undefined, [
        { path, message: 'Not confirmed' },
      ]);
    }
    if (step !== undefined || user.failed_logins > 0) {
      // Records the TOTP step so the code cannot be replayed, and clears earlier failures.
      await ctx.db.transaction((tx) => recordLoginSuccess(tx, user.id, step));
    }
    signatures.push({ userId: user.id, reauthenticatedAt: now.toISOString() });
  }
  return signatures;
}
