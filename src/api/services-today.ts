// "Today" and "a day" for lists that span the user's services (worklist, supervision queue, day list): the dates of
// their clinic's calendar, not UTC's, so a review due today in New York is not counted as tomorrow's after 19:00,
// and the day's appointments run from local midnight to local midnight.
import { instantOfWallClock, startOfNextDayInZone } from '../domain/core/zoned.ts';
import { clinicToday } from '../domain/treatment/clinic-day.ts';
import type { Queryable } from '../store/db.ts';
import { findPatientService } from '../store/patients.ts';
import { serviceForDocuments, serviceTimeZones } from '../store/services.ts';

/** The time zone these services share; undefined when they have none or are in different zones. */
export async function sharedServiceZone(
  db: Queryable,
  serviceIds: readonly string[],
): Promise<string | undefined> {
  const zones = await serviceTimeZones(db, serviceIds);
  return zones.length === 1 ? zones[0] : undefined;
}

/**
 * The calendar date of `now` in the time zone the services share; UTC's date when they have none or are in
 * different zones (a person working for services on two clocks has no single "today").
 */
export async function todayInServices(
  db: Queryable,
  serviceIds: readonly string[],
  now: Date,
): Promise<string> {
  return todayInZone(now, await sharedServiceZone(db, serviceIds));
}

/** The calendar date of `now` on the service's clock. */
export async function serviceToday(db: Queryable, serviceId: string, now: Date): Promise<string> {
  return todayInZone(now, (await serviceForDocuments(db, serviceId)).timeZone);
}

/** The calendar date of `now` on the patient's service's clock (UTC's for a patient not found). */
export async function patientServiceToday(db: Queryable, patientId: string, now: Date): Promise<string> {
  const serviceId = await findPatientService(db, patientId);
  return serviceId ? serviceToday(db, serviceId, now) : todayInZone(now, undefined);
}

/** The calendar date of `now` on the zone's clock; UTC's date without a zone. */
export function todayInZone(now: Date, zone: string | undefined): string {
  return zone ? clinicToday(now, zone) : now.toISOString().slice(0, 10);
}

/** The instants a calendar date ('YYYY-MM-DD') runs between on the zone's clock (UTC's without a zone). */
export function dayWindow(date: string, zone: string | undefined): { from: Date; until: Date } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  if (!zone) {
    const from = new Date(Date.UTC(year, month - 1, day));
    return { from, until: new Date(from.getTime() + 24 * 3_600_000) };
  }
  const from = instantOfWallClock({ year, month, day, hour: 0, minute: 0 }, zone);
  return { from, until: startOfNextDayInZone(from, zone) };
}
