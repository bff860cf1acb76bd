// Calendar-date arithmetic for register deadlines (days, business days, months); dates only, no clock, no time zone.
import type { IsoDate } from '../harm/calendar-date.ts';

const DAY_MS = 86_400_000;

function toUtcMs(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function fromUtcMs(ms: number): IsoDate {
  // A UTC midnight always prints as a real date, so the brand holds without re-checking.
  return new Date(ms).toISOString().slice(0, 10) as IsoDate;
}

/** `date` plus `days` calendar days (negative goes back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Saturday or Sunday. */
export function isWeekend(date: IsoDate): boolean {
  const day = new Date(toUtcMs(date)).getUTCDay();
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

/** `date` plus `months`, kept to the last day of a shorter month (2024-02-29 + 24 months → 2026-02-28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + months;
  const day = Number(date.slice(8, 10));
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromUtcMs(Date.UTC(year, month, Math.min(day, lastDay)));
}
