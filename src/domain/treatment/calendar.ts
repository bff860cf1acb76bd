// Calendar dates and instants without a clock: day counts between 'YYYY-MM-DD' dates and offsets from a Date.

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days since 1970-01-01 for a real 'YYYY-MM-DD' date, or undefined (2026-02-30 is refused). */
export function parseIsoDate(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12) return undefined;
  const monthDays = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  if (day < 1 || day > monthDays) return undefined;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** Whole days from `earlier` to `later` (both already parsed by `parseIsoDate`). */
export function daysBetween(earlier: number, later: number): number {
  return later - earlier;
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

/**
 * Midnight that starts the next local calendar day after `instant`, where local time is UTC plus
 * `utcOffsetMinutes` (the caller looks the offset up for its time zone; the domain has no zone data).
 */
export function startOfNextLocalDay(instant: Date, utcOffsetMinutes: number): Date {
  const offsetMs = utcOffsetMinutes * MS_PER_MINUTE;
  const localDay = Math.floor((instant.getTime() + offsetMs) / MS_PER_DAY);
  return new Date((localDay + 1) * MS_PER_DAY - offsetMs);
}
