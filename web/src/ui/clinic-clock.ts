// The clinic's clock: the time zone every page shows times on and reads typed times in. It is the signed-in user's
// services' zone (GET /me), so a screen and the service's documents (discharge sheet, register, timeline) show the
// same wall-clock times whatever zone this computer is set to. Without one (signed out, or services in different
// zones) the browser's own clock is used.
import { instantOfWallClock, wallClockOf, type WallClock } from '../../../src/domain/core/zoned.ts';

let zone: string | undefined;

/** The zone the pages use now (undefined: the browser's). */
export function clinicTimeZone(): string | undefined {
  return zone;
}

/** Sets the zone the pages use (undefined: the browser's). Set at sign-in, cleared at sign-out. */
export function setClinicTimeZone(timeZone: string | undefined): void {
  zone = timeZone;
}

/** The one zone all of these services share, or undefined when they have none or differ. */
export function sharedTimeZone(services: readonly { timeZone?: string }[]): string | undefined {
  const zones = new Set(services.map((s) => s.timeZone).filter((z): z is string => Boolean(z)));
  return zones.size === 1 ? [...zones][0] : undefined;
}

/** The browser's own zone ("Pacific/Auckland"), or undefined where the runtime does not say. */
export function browserTimeZone(): string | undefined {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
}

/** What the clinic's clock shows at `date`. */
export function clinicWallClock(date: Date, timeZone: string | undefined = zone): WallClock {
  if (timeZone) return wallClockOf(date, timeZone);
  return {
    year: date.getFullYear(),
    month: date.getMonth() + 1,
    day: date.getDate(),
    hour: date.getHours(),
    minute: date.getMinutes(),
  };
}

/**
 * The instant a typed date and time ("2026-12-06T14:05", a datetime-local value; or "2026-12-06", read as its
 * midnight) means on the clinic's clock. Undefined when blank or not a date.
 */
export function instantOnClinicClock(local: string, timeZone: string | undefined = zone): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(local.trim());
  if (!m) return undefined;
  const wall: WallClock = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
  };
  const daysInMonth = new Date(Date.UTC(wall.year, wall.month, 0)).getUTCDate();
  if (wall.month < 1 || wall.month > 12 || wall.day < 1 || wall.day > daysInMonth) return undefined;
  if (wall.hour > 23 || wall.minute > 59) return undefined;
  const d = timeZone
    ? instantOfWallClock(wall, timeZone)
    : new Date(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
