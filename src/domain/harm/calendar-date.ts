// Calendar dates as 'YYYY-MM-DD' strings, branded so an unchecked string cannot pass for one.
import type { ProblemList } from './json-checks.ts';

declare const isoDateBrand: unique symbol;

/** A real calendar date written 'YYYY-MM-DD'; made only by `isoDate` or `readDate`. */
export type IsoDate = string & { readonly [isoDateBrand]: true };

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

/** Reads a date field, pushing an invalid-date problem when it is not a real 'YYYY-MM-DD' date. */
export function readDate(problems: ProblemList, value: unknown, path: string): IsoDate | undefined {
  const date = typeof value === 'string' ? isoDate(value) : undefined;
  if (date === undefined) {
    problems.push({ code: 'invalid-date', path, text: `${path} must be a real date written YYYY-MM-DD.` });
  }
  return date;
}
