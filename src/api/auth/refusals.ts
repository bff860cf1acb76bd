// How a failed sign-in or re-authentication is answered: one answer per failure, whoever the account.
import { IP_WINDOW_MINUTES } from '../../domain/auth/session-policy.ts';
import { problem, ruleRefusal, type ProblemError } from '../problem.ts';
import type { ReauthFailure } from './reauthenticate.ts';

/** Too many attempts from this address, or the server is at capacity: the same for sign-in and re-auth. */
function throttled(failure: 'address-throttled' | 'busy', retryAfterSeconds: number): ProblemError {
  return failure === 'busy'
    ? problem(
        'login-throttled',
        'Many sign-ins are being checked just now. Try again in a moment.',
        undefined,
        {
          retryAfterSeconds,
        },
      )
    : problem(
        'login-throttled',
        `Too many failed sign-ins from this address. Try again in ${IP_WINDOW_MINUTES} minutes.`,
        undefined,
        { retryAfterSeconds },
      );
}

/**
 * The sign-in refusal. A locked account and a locked unknown address get the same words, status and
 * Retry-After, because both keep the same counter.
 */
export function loginRefusal(failure: ReauthFailure, retryAfterSeconds: number): ProblemError {
  switch (failure) {
    case 'address-throttled':
    case 'busy':
      return throttled(failure, retryAfterSeconds);
    case 'locked':
      return problem(
        'login-throttled',
        `Too many failed sign-ins for this account. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
        undefined,
        { retryAfterSeconds },
      );
    case 'totp-required':
      return problem('totp-required');
    case 'totp-invalid':
      return problem('totp-invalid');
    case 'failed':
      return problem('login-failed');
  }
}

const WITNESS_FAILED =
  'The witness could not be confirmed: the email, password or code is not right, that person may not ' +
  'witness this, or their account is locked for a while after too many failed attempts.';

/**
 * The refusal of a witness or a prescriber's re-authentication: 422 `witness-authentication-failed` naming
 * only the field, the same whether the email, the password, the person's eligibility or a lock was the cause.
 * (Not 401: the requester's own session is fine, and a 401 would sign them out.)
 */
export function witnessRefusal(
  failure: ReauthFailure,
  retryAfterSeconds: number,
  path: string,
  detail = WITNESS_FAILED,
): ProblemError {
  if (failure === 'address-throttled' || failure === 'busy') return throttled(failure, retryAfterSeconds);
  return ruleRefusal('out-of-bounds', 'witness-authentication-failed', detail, undefined, [
    { path, message: 'Not confirmed' },
  ]);
}
