// Lockout counters for sign-in addresses with no account, shaped like the counters on a user (see migration 018).
import { columnsOf, insertValues, type Queryable } from './db.ts';

export interface LockoutCounter {
  failedLogins: number;
  lockedUntil: Date | null;
}

/** The counter for an unknown address (by its hash); zero failures when none was recorded. */
export async function findUnknownLockout(db: Queryable, emailKey: string): Promise<LockoutCounter> {
  const [row] = await db.query<{ failed_logins: number; locked_until: Date | null }>(
    'SELECT failed_logins, locked_until FROM sign_in_lockouts WHERE email_key = $1',
    [emailKey],
  );
  return { failedLogins: row?.failed_logins ?? 0, lockedUntil: row?.locked_until ?? null };
}

/** Counts one more failure against an unknown address, locking it until `lockedUntil` when given. */
export async function recordUnknownFailure(
  tx: Queryable,
  emailKey: string,
  lockedUntil: Date | null,
  now: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO sign_in_lockouts (email_key, failed_logins, locked_until, updated_at) VALUES ($1, 1, $2, $3)
     ON CONFLICT (email_key) DO UPDATE
       SET failed_logins = sign_in_lockouts.failed_logins + 1, locked_until = $2, updated_at = $3`,
    [emailKey, lockedUntil, now],
  );
}

/** Logs one sign-in or re-authentication attempt (never the password) for the per-address limit. */
export async function recordAttempt(
  tx: Queryable,
  a: { at: Date; emailKey: string; ip: string; success: boolean; purpose: string },
): Promise<void> {
  await insertValues(tx, 'login_attempts', columnsOf(a, ['at', 'emailKey', 'ip', 'success', 'purpose']));
}
