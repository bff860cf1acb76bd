// Today's date on the clinic's calendar, for rules that count in days (a weight's age, an ACLS expiry).
import { isoDateInZone } from '../core/zoned.ts';

/**
 * The calendar date ('YYYY-MM-DD') of `now` on the wall clock of `timeZone` (an IANA name): after local
 * midnight it is the new day even while UTC is still on the old one (Europe/London in summer, BST = UTC+1).
 */
export function clinicToday(now: Date, timeZone: string): string {
  return isoDateInZone(now, timeZone);
}
