// A consent witness: a second clinician of the patient's service who re-authenticates at the moment of witnessing.
import type { FastifyRequest } from 'fastify';
import { hasPermission } from '../domain/access/roles.ts';
import type { UserRow } from '../store/users.ts';
import { reauthenticate } from './auth/reauthenticate.ts';
import { witnessRefusal } from './auth/refusals.ts';
import type { AppContext } from './context.ts';
import { ruleRefusal } from './problem.ts';

/** Who may witness a patient's consent: an active clinical user (patient:write) of the patient's service. */
export function mayWitnessConsent(user: UserRow, serviceId: string): boolean {
  return hasPermission(user.roles, 'patient:write') && user.service_ids.includes(serviceId);
}

/**
 * The witness's user id, or a named refusal: `witness-must-differ` (checked first, without the password), or
 * `witness-authentication-failed` for a wrong email or password, a locked account, or a person who may not
 * witness (a pure administrator, a user of another service) — one answer for all, through the sign-in's limits,
 * lockout and audit, so the field is no password oracle.
 */
export async function reauthenticateWitness(
  ctx: AppContext,
  req: FastifyRequest,
  author: UserRow,
  witness: { email: string; password: string },
  serviceId: string,
): Promise<string> {
  if (witness.email.trim().toLowerCase() === author.email.toLowerCase()) {
    throw ruleRefusal(
      'out-of-bounds',
      'witness-must-differ',
      'The witness must be a different person from the one recording.',
      undefined,
      [{ path: 'body.witness.email', message: 'Choose another member of staff' }],
    );
  }
  const result = await reauthenticate(ctx, req, {
    purpose: 'consent-witness',
    email: witness.email,
    factor: { password: witness.password },
    eligible: (user) => user.id !== author.id && mayWitnessConsent(user, serviceId),
  });
  if (!result.ok) {
    throw witnessRefusal(
      result.failure,
      result.retryAfterSeconds,
      'body.witness',
      'The witness could not be confirmed: the email or password is not right, that person is not a clinician ' +
        "of this patient's service, or their account is locked for a while after too many failed attempts.",
    );
  }
  return result.user.id;
}
