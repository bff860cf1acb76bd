// Times as a browser test types them: on the clinic's clock (the service's time zone, Europe/London unless a test
// sets another), which is the clock the pages read typed times in, whatever zone the browser or machine is on.
import { wallClockOf } from '../../src/domain/core/zoned.ts';

/** Every service's zone unless set: the migration's default. */
export const CLINIC_ZONE = 'Europe/London';

const pad = (n: number) => String(n).padStart(2, '0');

/** A datetime-local value `minutesAgo` before now on the clinic's clock ("2026-12-06T14:05"). */
export function clinicLocalTime(minutesAgo = 0, timeZone = CLINIC_ZONE): string {
  const w = wallClockOf(new Date(Date.now() - minutesAgo * 60_000), timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** A date input's value `days` from today on the clinic's clock ("2026-12-06"). */
export function clinicLocalDay(days = 0, timeZone = CLINIC_ZONE): string {
  return clinicLocalTime(-days * 24 * 60, timeZone).slice(0, 10);
}
