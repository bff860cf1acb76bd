// Values for date and datetime-local inputs ("2026-10-01", "2026-10-01T14:05") on the clinic's clock
// (ui/clinic-clock.ts), the instant a typed value means, and date sums.
import { clinicWallClock, instantOnClinicClock } from './clinic-clock.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** A Date as the value of a date input: the day on the clinic's clock. */
export function localDate(d: Date = new Date()): string {
  const w = clinicWallClock(d);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** A Date as the value of a datetime-local input, on the clinic's clock. */
export function localDateTime(d: Date): string {
  const w = clinicWallClock(d);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** The ISO instant a datetime-local value means on the clinic's clock, or undefined when blank or not a time. */
export function instantOfLocal(local: string): string | undefined {
  return instantOnClinicClock(local)?.toISOString();
}

/** The calendar date `days` after `isoDate` ("2026-10-01" + 14 → "2026-10-15"). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
