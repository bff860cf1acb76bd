// The time of a transaction as the register keeps it: an ISO instant written with the clinic's local offset.
import { utcOffsetMinutes } from '../../../src/domain/core/zoned.ts';
import { clinicTimeZone, instantOnClinicClock } from '../ui/clinic-clock.ts';

const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, '0');

/**
 * A datetime-local value ("2026-03-06T16:00", the clinic's clock) as "2026-03-06T16:00:00+00:00" with the clinic's
 * offset at that time, so the register's "date of transaction" is the clinic's calendar date (the server reads the
 * date as written). Undefined when blank or not a time.
 */
export function localInstant(local: string): string | undefined {
  const d = instantOnClinicClock(local);
  if (!d) return undefined;
  const zone = clinicTimeZone();
  const offset = zone ? utcOffsetMinutes(d, zone) : -d.getTimezoneOffset();
  const wall = new Date(d.getTime() + offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  return `${wall.toISOString().slice(0, 19)}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

/** True when the transaction was more than a day ago, so the register needs a reason for the late entry. */
export function isLate(local: string, now: Date = new Date()): boolean {
  const d = instantOnClinicClock(local);
  return d !== undefined && now.getTime() - d.getTime() > 24 * 3_600_000;
}
