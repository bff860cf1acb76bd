// FHIR date search: a value is a range at its precision (a year, a month, a day, a second), a prefix compares
// the resource's range with the search range (R4 search.html#prefix). Dates without a zone are read in UTC.

/** A half-open range of instants in milliseconds: [lo, hi). */
export interface DateRange {
  lo: number;
  hi: number;
}

const DAY = 86_400_000;

export const DATE_PREFIXES = ['eq', 'ne', 'gt', 'lt', 'ge', 'le', 'sa', 'eb', 'ap'] as const;
export type DatePrefix = (typeof DATE_PREFIXES)[number];

const PATTERN =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** The range a FHIR date, dateTime or instant covers, or null when it is not one. */
export function dateRange(value: string): DateRange | null {
  const m = PATTERN.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  if (mo === undefined) return { lo: Date.UTC(year, 0, 1), hi: Date.UTC(year + 1, 0, 1) };
  const month = Number(mo) - 1;
  if (month > 11) return null;
  if (d === undefined) return { lo: Date.UTC(year, month, 1), hi: Date.UTC(year, month + 1, 1) };
  const day = Number(d);
  const start = Date.UTC(year, month, day);
  if (new Date(start).getUTCDate() !== day) return null;
  if (h === undefined) return { lo: start, hi: Date.UTC(year, month, day + 1) };
  if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return null;
  const offsetMinutes =
    zone && zone !== 'Z'
      ? (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4)))
      : 0;
  const local = Date.UTC(year, month, day, Number(h), Number(mi), Number(s ?? 0));
  const at = local - offsetMinutes * 60_000;
  // A time to the minute covers the minute; to the second (or finer), the second.
  if (s === undefined) return { lo: at, hi: at + 60_000 };
  const ms = frac ? Number(`0.${frac}`) * 1000 : 0;
  return frac ? { lo: at + ms, hi: at + ms + 1 } : { lo: at, hi: at + 1000 };
}

/** Splits `ge2026-03-01` into its prefix and value; no prefix is `eq`. */
export function datePrefix(raw: string): { prefix: DatePrefix; value: string } {
  const p = raw.slice(0, 2);
  return (DATE_PREFIXES as readonly string[]).includes(p) && /^\d/.test(raw.slice(2))
    ? { prefix: p as DatePrefix, value: raw.slice(2) }
    : { prefix: 'eq', value: raw };
}

/** Whether a resource's date range matches a search range under a prefix. */
export function dateMatches(target: DateRange, prefix: DatePrefix, search: DateRange): boolean {
  switch (prefix) {
    case 'eq':
      return target.lo >= search.lo && target.hi <= search.hi;
    case 'ne':
      return !(target.lo >= search.lo && target.hi <= search.hi);
    case 'gt':
      return target.hi > search.hi;
    case 'lt':
      return target.lo < search.lo;
    case 'ge':
      return target.hi > search.lo;
    case 'le':
      return target.lo < search.hi;
    case 'sa':
      return target.lo >= search.hi;
    case 'eb':
      return target.hi <= search.lo;
    case 'ap':
      // Approximately (the server chooses how near): within a day either side.
      return target.hi > search.lo - DAY && target.lo < search.hi + DAY;
  }
}
