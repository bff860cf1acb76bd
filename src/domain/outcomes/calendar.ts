// Calendar arithmetic for outcome measures: whole days between dates and the month a date falls in.
import type { IsoDate } from '../harm/calendar-date.ts';

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date; UTC so that clock changes never shift a day. */
export function dayNumber(date: IsoDate): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** Whole days from `from` to `to`: 0 for the same day, negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** The calendar month of a date, written 'YYYY-MM'. */
export function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}

/** Every month from the month of `from` to the month of `to`, inclusive, in order; empty when `to` is earlier. */
export function monthsFrom(from: IsoDate, to: IsoDate): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = monthOf(to);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) return months;
    months.push(key);
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year += 1;
  }
}

/** Items sorted by date, earliest first; items on the same date keep their given order. */
export function byDate<T>(items: readonly T[], dateOf: (item: T) => IsoDate): T[] {
  return [...items].sort((a, b) => dayNumber(dateOf(a)) - dayNumber(dateOf(b)));
}
