// The demo's calendar: an 18-month window ending today, clinic hours on working days, and whole days.

export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;
/** The demo covers about 18 months up to today. */
export const WINDOW_DAYS = 548;

export const addMinutes = (d: Date, minutes: number): Date => new Date(d.getTime() + minutes * MINUTE_MS);
export const addDays = (d: Date, days: number): Date => new Date(d.getTime() + days * DAY_MS);
/** The UTC calendar day of an instant, `YYYY-MM-DD`. */
export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** The first instant of the demo's window: midnight UTC, WINDOW_DAYS before today. */
export function windowStart(today: Date): Date {
  const start = addDays(today, -WINDOW_DAYS);
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()));
}

/** `day` moved to the next working day (Saturday and Sunday move to Monday). */
export function workingDay(day: Date): Date {
  const weekday = day.getUTCDay();
  if (weekday === 6) return addDays(day, 2);
  if (weekday === 0) return addDays(day, 1);
  return day;
}

/** The clinic time `hour:minute` (UTC) on the working day of `day`. */
export function clinicTime(day: Date, hour: number, minute = 0): Date {
  const d = workingDay(day);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hour, minute));
}
