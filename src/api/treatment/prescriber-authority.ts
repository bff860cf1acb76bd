// Who stands behind a prescriber's decision at the bedside: the signed-in prescriber, or a prescriber who
// re-authenticates on the nurse's screen (review 2026-12 §6 item 2).
import type { FastifyRequest } from 'fastify';
import { hasPermission } from '../../domain/access/roles.ts';
import type { UserRow } from '../../store/users.ts';
import { reauthenticate } from '../auth/reauthenticate.ts';
import { witnessRefusal } from '../auth/refusals.ts';
import type { AppContext } from '../context.ts';

/** The prescriber behind a decision, and how they were identified. */
export interface PrescriberAuthority {
  readonly userId: string;
  readonly via: 'signed-in' | 're-authenticated';
}

/**
 * The signed-in user when they hold `treatment:prescribe`; otherwise the prescriber (of `serviceId`, the
 * patient's service) whose sign-in the request carries, checked by the one re-authentication with the sign-in's
 * limits, lockout and audit. A wrong email or password, a locked account, or someone who is not a prescriber of
 * the service all get the same refusal, `witness-authentication-failed`, so the field tells nothing about a
 * password. Null when neither is there.
 */
export async function prescriberAuthority(
  ctx: AppContext,
  req: FastifyRequest,
  user: UserRow,
  credentials: { email: string; password: string } | undefined,
  serviceId: string,
): Promise<PrescriberAuthority | null> {
  if (hasPermission(user.roles, 'treatment:prescribe')) return { userId: user.id, via: 'signed-in' };
  if (credentials === undefined) return null;
  const result = await reauthenticate(ctx, req, {
    purpose: 'prescriber',
    email: credentials.email,
    factor: { password: credentials.password },
    eligible: (p) =>
      p.id !== user.id && hasPermission(p.roles, 'treatment:prescribe') && p.service_ids.includes(serviceId),
  });
  if (!result.ok) {
    throw witnessRefusal(
      result.failure,
      result.retryAfterSeconds,
      'body.prescriber',
      'The prescriber could not be confirmed: the email or password is not right, that person is not a ' +
        "prescriber of this patient's service, or their account is locked for a while after too many failed " +
        'attempts.',
    );
  }
  return { userId: result.user.id, via: 're-authenticated' };
}
