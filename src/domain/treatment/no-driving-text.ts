// The no-driving instruction as the patient reads it: local time with the zone, or "not before tomorrow" (Spravato).
import { formatDateInZone, formatInZone, nextLocalDate } from '../core/zoned.ts';

/**
 * "Do not drive … before 06 Dec 2026, 01:49 GMT" for an hours-after-end rule (clinic.md §3, ASKP: 12 hours), in the
 * service's zone so a UK summer discharge is not printed an hour short; for the Spravato next-day rule
 * (clinic.md §2: "until the next day, after a restful sleep") the day after the dose, never a clock time.
 */
export function noDrivingText(
  rule: 'hours-after-end' | 'next-day-after-sleep',
  noDrivingUntil: Date,
  administrationEndedAt: Date,
  timeZone: string,
): string {
  const what = 'Do not drive, operate machinery or sign legal documents';
  if (rule === 'next-day-after-sleep')
    return `${what} today. Not before tomorrow (${nextLocalDate(administrationEndedAt, timeZone)}), after a night's sleep.`;
  return `${what} before ${formatInZone(noDrivingUntil, timeZone)}.`;
}

/** The short form for the timeline: "no driving before 06 Dec 2026, 00:49 GMT" or "… until after a night's sleep". */
export function noDrivingShort(
  rule: 'hours-after-end' | 'next-day-after-sleep',
  noDrivingUntil: Date,
  timeZone: string,
): string {
  if (rule === 'next-day-after-sleep')
    return `no driving until after a night's sleep (not before ${formatDateInZone(noDrivingUntil, timeZone)})`;
  return `no driving before ${formatInZone(noDrivingUntil, timeZone)}`;
}
