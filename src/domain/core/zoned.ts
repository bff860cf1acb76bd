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

function localParts(date: Date, timeZone: string): LocalParts {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: 'short',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const numeric = new Intl.DateTimeFormat('en-GB', { timeZone, month: '2-digit' }).format(date);
  return {
    year: get('year'),
    month: numeric,
    monthShort: get('month'),
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
