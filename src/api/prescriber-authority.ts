// Who stands behind a prescriber's decision at the bedside: the signed-in prescriber, or a prescriber who
// re-authenticates on the nurse's screen (review 2026-12 §6 item 2).
import { hasPermission } from '../domain/access/roles.ts';
import { findUserById, type UserRow } from '../store/users.ts';
import type { AppContext } from './context.ts';
import { ruleRefusal } from './problem.ts';
import { reauthenticateWitness } from './witness.ts';

/** The prescriber behind a decision, and how they were identified. */
export interface PrescriberAuthority {
  readonly userId: string;
  readonly via: 'signed-in' | 're-authenticated';
}

/**
 * The signed-in user when they hold `treatment:prescribe`; otherwise the prescriber whose sign-in the request
 * carries (checked by the witness re-authentication, so failures are refused as
 * `witness-authentication-failed`); a re-authenticated user without `treatment:prescribe` is refused as
 * `prescriber-authorisation-required`. Null when neither is there.
 */
export async function prescriberAuthority(
  ctx: AppContext,
  user: UserRow,
  credentials: { email: string; password: string } | undefined,
): Promise<PrescriberAuthority | null> {
  if (hasPermission(user.roles, 'treatment:prescribe')) return { userId: user.id, via: 'signed-in' };
  if (credentials === undefined) return null;
  const id = await reauthenticateWitness(ctx.db, user.id, credentials);
  const prescriber = await findUserById(ctx.db, id);
  if (!prescriber || prescriber.disabled || !hasPermission(prescriber.roles, 'treatment:prescribe')) {
    throw ruleRefusal(
      'blocked',
      'prescriber-authorisation-required',
      'The person who signed in is not a prescriber: a prescriber must sign in to make this decision.',
      undefined,
      [{ path: 'body.prescriber', message: 'Not a prescriber' }],
    );
  }
  return { userId: id, via: 're-authenticated' };
}
