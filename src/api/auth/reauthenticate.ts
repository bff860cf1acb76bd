// The one check of who someone is: sign-in and every re-authentication (consent and controlled-drug witnesses,
// a prescriber's sign-in on another's screen, the current password at a password change) share the sign-in's
// per-address limit, per-account lockout and audit (security.md R9, R25; OWASP Authentication cheat sheet).
import type { FastifyRequest } from 'fastify';
import {
  IP_ATTEMPTS_PER_WINDOW,
  IP_WINDOW_MINUTES,
  lockoutSeconds,
} from '../../domain/auth/session-policy.ts';
import { HashingBusyError } from '../../security/hash-slots.ts';
import { verifyPassword } from '../../security/passwords.ts';
import { sha256 } from '../../security/tokens.ts';
import { matchTotp } from '../../security/totp.ts';
import { failedAttemptsFromIp } from '../../store/sessions.ts';
import { findUnknownLockout, recordAttempt, recordUnknownFailure } from '../../store/sign-in-lockouts.ts';
import { findUserByEmail, recordLoginFailure, recordLoginSuccess, type UserRow } from '../../store/users.ts';
import type { AppContext } from '../context.ts';
import { recordChange, recordRefusal } from '../record-change.ts';

/** Why someone is proving who they are; it names the audit action. */
export type ReauthPurpose = 'login' | 'consent-witness' | 'cd-witness' | 'prescriber' | 'password-change';

const AUDIT_ACTION: Readonly<Record<ReauthPurpose, string>> = {
  login: 'auth.login',
  'consent-witness': 'consent-witness.authenticate',
  'cd-witness': 'cd-witness.authenticate',
  prescriber: 'prescriber.authenticate',
  'password-change': 'user.password-check',
};

/** A password (with the second factor when the account has one), or a TOTP code alone (witnesses only). */
export type ReauthFactor = { password: string; totp?: string | undefined } | { totp: string };

export interface ReauthAttempt {
  purpose: ReauthPurpose;
  email: string;
  factor: ReauthFactor;
  /**
   * Who may pass (e.g. a clinician of the patient's service). Checked BEFORE the secret, and a user who may not
   * pass fails exactly like a wrong password: the check must never tell whether the password was right.
   */
  eligible?: (user: UserRow) => boolean;
  /** Sign-in: an account with TOTP enabled must also give its code with the password. */
  secondFactor?: boolean;
}

export type ReauthFailure =
  /** Too many failures from this address: nothing was checked. */
  | 'address-throttled'
  /** This account (or unknown address) is locked: nothing was checked, whatever the password. */
  | 'locked'
  /** Wrong email, password or code, disabled, or not eligible: one answer for all. */
  | 'failed'
  /** The password was right but the account's second factor is needed (sign-in only). */
  | 'totp-required'
  | 'totp-invalid'
  /** Password hashing is at capacity: try again shortly. */
  | 'busy';

export type ReauthResult =
  | { ok: true; user: UserRow; totpStep?: number }
  | { ok: false; failure: ReauthFailure; retryAfterSeconds: number };

/** One attempt as it is being checked: who asks, for what, when, and the audit action it is recorded under. */
interface Attempt {
  ctx: AppContext;
  req: FastifyRequest;
  attempt: ReauthAttempt;
  now: Date;
  /** The email's hash: the attempt log and an unknown address's lockout are keyed by it, never the email. */
  emailKey: string;
  action: string;
}

/** The lockout counter: an account's own, or the one an unknown address keeps so it locks alike. */
interface Counter {
  failedLogins: number;
  lockedUntil: Date | null;
}

/**
 * Checks who someone is. Order matters: the address limit and the lockout are checked before any hashing, so
 * throttled callers cost no argon2 work; an unknown email is hashed against a dummy (same cost as a real one)
 * and locks exactly like a real account, so replies never tell whether an account exists. Every outcome is
 * audited (never the secret) and counted in the attempt log.
 */
export async function reauthenticate(
  ctx: AppContext,
  req: FastifyRequest,
  attempt: ReauthAttempt,
): Promise<ReauthResult> {
  const now = ctx.now();
  const email = attempt.email.trim().toLowerCase();
  const a: Attempt = {
    ctx,
    req,
    attempt,
    now,
    emailKey: sha256(email),
    action: AUDIT_ACTION[attempt.purpose],
  };
  const throttled = await refuseThrottledAddress(a);
  if (throttled) return throttled;

  const user = await findUserByEmail(ctx.db, email);
  // An unknown address keeps the same counter as an account would, so the lockout cannot reveal which exist.
  const counter: Counter = user
    ? { failedLogins: user.failed_logins, lockedUntil: user.locked_until }
    : await findUnknownLockout(ctx.db, a.emailKey);
  if (counter.lockedUntil && counter.lockedUntil > now) {
    await journal(a, user, 'denied', 'account-locked');
    return {
      ok: false,
      failure: 'locked',
      retryAfterSeconds: Math.ceil((counter.lockedUntil.getTime() - now.getTime()) / 1000),
    };
  }
  try {
    return await checkSecret(a, user, counter);
  } catch (err) {
    if (!(err instanceof HashingBusyError)) throw err;
    await journal(a, user, 'denied', 'busy', false);
    return { ok: false, failure: 'busy', retryAfterSeconds: 1 };
  }
}

/**
 * Audits the attempt (never the secret) and, when `counted`, adds it to the log the per-address limit counts
 * (a busy server or a missing second factor is not a guess, so it is not counted).
 */
function journal(
  a: Attempt,
  user: UserRow | undefined,
  outcome: 'success' | 'denied',
  reason?: string,
  counted = true,
): Promise<void> {
  const purpose = a.attempt.purpose;
  return a.ctx.db.transaction(async (tx) => {
    if (counted)
      await recordAttempt(tx, {
        at: a.now,
        emailKey: a.emailKey,
        ip: a.req.ip,
        success: outcome === 'success',
        purpose,
      });
    // At sign-in the account is the actor; when it is unknown, whoever the request is signed in as.
    await recordChange(a.req, tx, {
      ...(purpose === 'login' && user ? { actorId: user.id } : {}),
      action: a.action,
      resource: {
        type: purpose === 'login' ? 'Session' : 'User',
        id: purpose === 'login' ? null : (user?.id ?? null),
      },
      outcome,
      details: { purpose, ...(reason ? { reason } : {}) },
      now: a.now,
    });
  });
}

/** Too many failures from this address: refuses (audited, not counted) before anything else is looked at. */
async function refuseThrottledAddress(a: Attempt): Promise<ReauthResult | null> {
  const since = new Date(a.now.getTime() - IP_WINDOW_MINUTES * 60_000);
  if ((await failedAttemptsFromIp(a.ctx.db, a.req.ip, since)) < IP_ATTEMPTS_PER_WINDOW) return null;
  await a.ctx.db.transaction((tx) =>
    recordRefusal(a.req, tx, {
      action: a.action,
      resource: { type: a.attempt.purpose === 'login' ? 'Session' : 'User' },
      details: { purpose: a.attempt.purpose, reason: 'ip-throttled' },
      now: a.now,
    }),
  );
  return { ok: false, failure: 'address-throttled', retryAfterSeconds: IP_WINDOW_MINUTES * 60 };
}

/**
 * Checks the password (and the second factor when asked for) or the code alone. Whoever may not pass is
 * hashed against the dummy anyway and fails like a wrong password, so the answer and its time tell nothing.
 */
async function checkSecret(a: Attempt, user: UserRow | undefined, counter: Counter): Promise<ReauthResult> {
  const fail = (reason: string, failure?: ReauthFailure) => failAttempt(a, user, counter, reason, failure);
  const { factor, eligible } = a.attempt;
  const allowed =
    user !== undefined && !user.disabled && user.password_hash !== null && (eligible ? eligible(user) : true);
  if ('password' in factor) {
    // Not allowed: hash against the dummy anyway, so the answer takes as long as a real check.
    const passwordOk = await verifyPassword(allowed ? user.password_hash : null, factor.password);
    if (!user) return fail('unknown-account');
    if (!allowed) return fail(user.disabled ? 'disabled' : 'not-eligible');
    if (!passwordOk) return fail('bad-password');
    if (a.attempt.secondFactor && user.totp_enabled && user.totp_secret) {
      if (!factor.totp) {
        await journal(a, user, 'denied', 'totp-required', false);
        return { ok: false, failure: 'totp-required', retryAfterSeconds: 0 };
      }
      const step = matchTotp(user.totp_secret, factor.totp, a.now, user.totp_last_step);
      if (step === null) return fail('bad-totp', 'totp-invalid');
      return succeed(a, user, step);
    }
    return succeed(a, user);
  }
  if (!user) return fail('unknown-account');
  if (!allowed) return fail(user.disabled ? 'disabled' : 'not-eligible');
  const step =
    user.totp_enabled && user.totp_secret
      ? matchTotp(user.totp_secret, factor.totp, a.now, user.totp_last_step)
      : null;
  if (step === null) return fail('bad-totp');
  return succeed(a, user, step);
}

/** A failed check: one more on the counter (locking after enough), audited and counted. */
async function failAttempt(
  a: Attempt,
  user: UserRow | undefined,
  counter: Counter,
  reason: string,
  failure: ReauthFailure = 'failed',
): Promise<ReauthResult> {
  const seconds = lockoutSeconds(counter.failedLogins + 1);
  const lockedUntil = seconds > 0 ? new Date(a.now.getTime() + seconds * 1000) : null;
  await a.ctx.db.transaction(async (tx) => {
    if (user) await recordLoginFailure(tx, user.id, lockedUntil);
    else await recordUnknownFailure(tx, a.emailKey, lockedUntil, a.now);
  });
  await journal(a, user, 'denied', reason);
  return { ok: false, failure, retryAfterSeconds: seconds };
}

/** A passed check: clears earlier failures and records the TOTP step so the code cannot be replayed. */
async function succeed(a: Attempt, who: UserRow, step?: number): Promise<ReauthResult> {
  await a.ctx.db.transaction((tx) => recordLoginSuccess(tx, who.id, step));
  await journal(a, who, 'success');
  return { ok: true, user: who, ...(step !== undefined ? { totpStep: step } : {}) };
}
