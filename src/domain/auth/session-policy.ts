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

/**
 * A live session's last-seen time is written at most this often: a quarter-minute is nothing against an idle
 * limit of minutes, and it spares every request a write (and requests of one session queueing on its row). At
 * most 5 s, and a twentieth of the idle limit, so a 1-minute limit is kept to within 3 s.
 */
export function touchGranularityMs(idleMinutes: number): number {
  return Math.min(5_000, (idleMinutes * 60_000) / 20);
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

// ---- The page's side of the idle timeout: a person typing is active, a page left alone is not (R11). ----

/** What the page knows about its own activity, as millisecond times. */
export interface PageActivity {
  /** When the person last typed, clicked, scrolled or moved focus in the page. */
  lastInputAt: number;
  /** When the server last answered a request from the page: its idle timer counts from about then. */
  lastServerContactAt: number;
}

/**
 * The page tells the server about a person's activity at most this often: a quarter of the idle limit,
 * and never more than once a minute, so activity always reaches the server well before the limit.
 */
export function keepAliveIntervalMs(idleMinutes: number): number {
  return Math.min(60_000, (idleMinutes * 60_000) / 4);
}

/** How long before the server's idle limit the page warns: a minute, or half the limit if that is shorter. */
export function idleWarningLeadMs(idleMinutes: number): number {
  return Math.min(60_000, (idleMinutes * 60_000) / 2);
}

/** The page asks the server only after this margin past the limit, so its probe cannot arrive just in time. */
export const LAPSE_MARGIN_MS = 2_000;

export type PageIdleState =
  /** Nothing to do: the person is active, or the limit is still far off. */
  | { kind: 'active' }
  /** The person has been active since the server last heard from the page: tell the server now. */
  | { kind: 'keep-alive' }
  /** No activity: the server will end the session in `msLeft` unless the person does something. */
  | { kind: 'warn'; msLeft: number }
  /** No activity for longer than the limit: ask the server, which ends the session. */
  | { kind: 'lapsed' };

/**
 * What the page should do about the idle timeout at `now`. Activity in the page counts only once the
 * server hears of it (a keep-alive), so the server's own idle limit stays the one that is enforced.
 */
export function pageIdleState(activity: PageActivity, now: number, idleMinutes: number): PageIdleState {
  const idleMs = idleMinutes * 60_000;
  const sinceContact = now - activity.lastServerContactAt;
  const activeSinceContact = activity.lastInputAt > activity.lastServerContactAt;
  if (activeSinceContact && sinceContact >= keepAliveIntervalMs(idleMinutes)) return { kind: 'keep-alive' };
  if (activeSinceContact) return { kind: 'active' };
  if (sinceContact >= idleMs + LAPSE_MARGIN_MS) return { kind: 'lapsed' };
  const msLeft = Math.max(0, idleMs - sinceContact);
  if (msLeft <= idleWarningLeadMs(idleMinutes)) return { kind: 'warn', msLeft };
  return { kind: 'active' };
}
