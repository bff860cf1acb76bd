// The time of a transaction as the register keeps it: an ISO instant written with the clinic's local offset.

const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, '0');

/**
 * A datetime-local value ("2026-03-06T16:00") as "2026-03-06T16:00:00+00:00" in the browser's own offset, so
 * the register's "date of transaction" is the clinic's calendar date (the server reads the date as written).
 * Undefined when blank or not a time.
 */
export function localInstant(local: string): string | undefined {
  if (!local) return undefined;
  const d = new Date(local);
  if (Number.isNaN(d.getTime())) return undefined;
  const offset = -d.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return `${date}T${time}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

/** True when the transaction was more than a day ago, so the register needs a reason for the late entry. */
export function isLate(local: string, now: Date = new Date()): boolean {
  const d = new Date(local);
  return !Number.isNaN(d.getTime()) && now.getTime() - d.getTime() > 24 * 3_600_000;
}
