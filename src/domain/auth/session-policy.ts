// Session lifetime and login throttling rules (OWASP ASVS 7.3 timeouts, 6.3.1 brute-force protection).

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
}

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

export type SessionState = 'active' | 'idle-timeout' | 'absolute-timeout';

/** Whether a session may still be used at `now`: idle and absolute limits are both enforced (R11). */
export function sessionState(session: SessionTimes, now: Date, policy: SessionPolicy): SessionState {
  if (now.getTime() - session.createdAt.getTime() > policy.absoluteHours * 3_600_000)
    return 'absolute-timeout';
  if (now.getTime() - session.lastSeenAt.getTime() > policy.idleMinutes * 60_000) return 'idle-timeout';
  return 'active';
}

/** Failed attempts allowed before an account is locked for a while. */
export const FREE_FAILED_LOGINS = 5;
const BASE_LOCK_SECONDS = 30;
const MAX_LOCK_SECONDS = 15 * 60;

/**
 * How long an account stays locked after `failedLogins` consecutive failures: none for the first five,
 * then 30 s doubling with each further failure, capped at 15 minutes (exponential back-off, ASVS 6.3.1).
 */
export function lockoutSeconds(failedLogins: number): number {
  if (failedLogins < FREE_FAILED_LOGINS) return 0;
  const doublings = failedLogins - FREE_FAILED_LOGINS;
  return Math.min(MAX_LOCK_SECONDS, BASE_LOCK_SECONDS * 2 ** Math.min(doublings, 10));
}

/** Login attempts one address may make in the window before it is refused. */
export const IP_ATTEMPTS_PER_WINDOW = 30;
export const IP_WINDOW_MINUTES = 15;
