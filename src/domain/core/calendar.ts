// Calendar dates ('YYYY-MM-DD', branded once checked) and instants, with their arithmetic; no clock, no time zone.

declare const isoDateBrand: unique symbol;

/** A real calendar date written 'YYYY-MM-DD'; made only by `isoDate` (or by arithmetic on one). */
export type IsoDate = string & { readonly [isoDateBrand]: true };

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The date, or undefined when `text` is not a real 'YYYY-MM-DD' date (2026-02-30 is refused). */
export function isoDate(text: string): IsoDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12) return undefined;
  const monthDays = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  if (day < 1 || day > monthDays) return undefined;
  return text as IsoDate;
}

/** Days since 1970-01-01 of a date; UTC so that clock changes never shift a day. */
export function dayNumber(date: IsoDate): number {
  return (
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY
  );
}

/** Days since 1970-01-01 for a real 'YYYY-MM-DD' date, or undefined (2026-02-30 is refused). */
export function parseIsoDate(text: string): number | undefined {
  const date = isoDate(text);
  return date === undefined ? undefined : dayNumber(date);
}

function fromDayNumber(days: number): IsoDate {
  // A UTC midnight always prints as a real date, so the brand holds without re-checking.
  return new Date(days * MS_PER_DAY).toISOString().slice(0, 10) as IsoDate;
}

/** Whole days from `from` to `to`: 0 for the same day, negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** `date` plus `days` calendar days (negative goes back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** `date` plus `months`, kept to the last day of a shorter month (2024-02-29 + 24 months → 2026-02-28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + months;
  const day = Number(date.slice(8, 10));
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromDayNumber(Date.UTC(year, month, Math.min(day, lastDay)) / MS_PER_DAY);
}

/** Saturday or Sunday. */
export function isWeekend(date: IsoDate): boolean {
  const day = new Date(dayNumber(date) * MS_PER_DAY).getUTCDay();
  return day === 0 || day === 6;
}

/**
 * The first business day after `date`: Monday to Friday. Public holidays are not modelled, so the day
 * given can be earlier than the legal one but never later.
 */
export function nextBusinessDay(date: IsoDate): IsoDate {
  let next = addDays(date, 1);
  while (isWeekend(next)) next = addDays(next, 1);
  return next;
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

/** True for a Date that holds a real instant (not `new Date('nonsense')`). */
export function isValidInstant(date: Date): boolean {
  return Number.isFinite(date.getTime());
}

/** `date` plus `count` minutes. */
export function addMinutes(date: Date, count: number): Date {
  return new Date(date.getTime() + count * MS_PER_MINUTE);
}

/** Whole and part minutes from `from` to `to` (negative when `to` is earlier). */
export function minutesBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / MS_PER_MINUTE;
}
