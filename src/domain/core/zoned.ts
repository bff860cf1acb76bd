// Instants as a clinic's wall clock: "06 Dec 2026, 01:49 GMT" in the service's IANA time zone, zone shown.
// Uses the runtime's built-in time-zone data (Intl); no clock is read, the instant is always passed in.

/** The time zone a service uses when none is set: the UK's (migration 011 default). */
export const DEFAULT_TIME_ZONE = 'Europe/London';

/** True for a time zone the runtime knows (an IANA name such as "Europe/London" or "America/New_York"). */
export function isTimeZone(name: string): boolean {
  if (name.trim() === '' || name !== name.trim()) return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Month abbreviations as every KASPR page and document prints them (Intl's en-GB gives "Sept" for September). */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface LocalParts {
  year: string;
  month: string;
  monthShort: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
  zone: string;
}

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using one (a timeline formats many). */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function localParts(date: Date, timeZone: string): LocalParts {
  const parts = formatterFor(timeZone).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const month = get('month');
  return {
    year: get('year'),
    month,
    monthShort: MONTHS[Number(month) - 1] ?? month,
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
    zone: get('timeZoneName'),
  };
}

/** "06 Dec 2026, 01:49 GMT": date and 24-hour time on the zone's wall clock, with the zone's short name. */
export function formatInZone(date: Date, timeZone: string): string {
  return `${formatWallClock(date, timeZone)} ${localParts(date, timeZone).zone}`;
}

/** "06 Dec 2026, 01:49": date and 24-hour time on the zone's wall clock (the zone said elsewhere on the page). */
export function formatWallClock(date: Date, timeZone: string): string {
  const p = localParts(date, timeZone);
  return `${p.day} ${p.monthShort} ${p.year}, ${p.hour}:${p.minute}`;
}

/** "06 Dec 2026": the calendar date on the zone's wall clock. */
export function formatDateInZone(date: Date, timeZone: string): string {
  const p = localParts(date, timeZone);
  return `${p.day} ${p.monthShort} ${p.year}`;
}

/** "2026-12-06": the calendar date on the zone's wall clock, as an ISO 8601 date. */
export function isoDateInZone(date: Date, timeZone: string): string {
  const p = localParts(date, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** Minutes the zone's wall clock is ahead of UTC at this instant (60 for BST, 0 for GMT, -300 for EST). */
export function utcOffsetMinutes(date: Date, timeZone: string): number {
  const p = localParts(date, timeZone);
  const wall = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
  const exact = Math.floor(date.getTime() / 1000) * 1000;
  return Math.round((wall - exact) / 60_000);
}

/** "06 Dec 2026": the local calendar date of the day after `date` in the zone. */
export function nextLocalDate(date: Date, timeZone: string): string {
  const p = localParts(date, timeZone);
  const next = new Date(Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day) + 1, 12));
  return formatDateInZone(next, 'UTC');
}

/** A wall-clock reading: the calendar date and the time of day a clock on the wall shows. */
export interface WallClock {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

/** The date and time of day that `date` shows on the zone's wall clock (seconds dropped). */
export function wallClockOf(date: Date, timeZone: string): WallClock {
  const p = localParts(date, timeZone);
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
  };
}

/**
 * The instant at which the zone's wall clock shows `wall`. A time the clock skips (the hour lost when summer time
 * starts) is read as the same length of time after the skip (01:30 on the UK's spring day is 02:30 BST); a time it
 * shows twice (the hour repeated when summer time ends) is read as the later of the two.
 */
export function instantOfWallClock(wall: WallClock, timeZone: string): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const day = 24 * 3_600_000;
  // The offsets in force a day either side (a zone changes its offset at most once in a day).
  const before = utcOffsetMinutes(new Date(asUtc - day), timeZone);
  const after = utcOffsetMinutes(new Date(asUtc + day), timeZone);
  const shows = (t: number) => {
    const w = wallClockOf(new Date(t), timeZone);
    return (
      w.year === wall.year &&
      w.month === wall.month &&
      w.day === wall.day &&
      w.hour === wall.hour &&
      w.minute === wall.minute
    );
  };
  const candidates = [asUtc - before * 60_000, asUtc - after * 60_000].filter(shows);
  if (candidates.length > 0) return new Date(Math.max(...candidates));
  // Skipped by the clock: as long after the skip as the time is after the skip's start.
  return new Date(asUtc - before * 60_000);
}

/**
 * The first instant of the calendar day after the one `date` falls on, on the zone's wall clock: local midnight,
 * found for that night's own offset (so a clock change in the evening or at midnight moves it with the clock).
 */
export function startOfNextDayInZone(date: Date, timeZone: string): Date {
  const today = wallClockOf(date, timeZone);
  const next = new Date(Date.UTC(today.year, today.month - 1, today.day + 1, 12));
  return instantOfWallClock(
    {
      year: next.getUTCFullYear(),
      month: next.getUTCMonth() + 1,
      day: next.getUTCDate(),
      hour: 0,
      minute: 0,
    },
    timeZone,
  );
}
