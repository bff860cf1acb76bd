// Engagement: appointments attended of those booked, the did-not-attend rate, and time in treatment.
import { dayNumber, daysBetween, type IsoDate } from '../core/calendar.ts';
import { proportionOverPeople, type Proportion, type Summary } from './results.ts';
import type { AppointmentRow, EpisodeRow } from './rows.ts';
import { summarise } from './statistics.ts';

function appointmentsUpTo(episodes: readonly EpisodeRow[], asOf: IsoDate): AppointmentRow[] {
  return episodes.flatMap((e) => e.appointments).filter((a) => dayNumber(a.on) <= dayNumber(asOf));
}

/**
 * Measure `attended-of-booked`: attended appointments over appointments dated up to `asOf`. Cancelled and
 * still-open bookings stay in the denominator; rescheduled ones leave it because their new booking is counted.
 */
export function attendedOfBooked(episodes: readonly EpisodeRow[], asOf: IsoDate): Proportion {
  const parts = episodes.map((episode) => {
    const booked = appointmentsUpTo([episode], asOf).filter((a) => a.status !== 'rescheduled');
    return { numerator: booked.filter((a) => a.status === 'attended').length, denominator: booked.length };
  });
  return proportionOverPeople(parts, 'appointments booked up to the report date');
}

/** Measure `did-not-attend-rate`: did-not-attend over attended plus did-not-attend, up to `asOf`. */
export function didNotAttendRate(episodes: readonly EpisodeRow[], asOf: IsoDate): Proportion {
  const parts = episodes.map((episode) => {
    const settled = appointmentsUpTo([episode], asOf).filter(
      (a) => a.status === 'attended' || a.status === 'did-not-attend',
    );
    return {
      numerator: settled.filter((a) => a.status === 'did-not-attend').length,
      denominator: settled.length,
    };
  });
  return proportionOverPeople(parts, 'appointments attended or missed');
}

/** Time in treatment across people, with how many are still open at the report date. */
export interface TimeInTreatment {
  readonly days: Summary;
  readonly stillOpen: number;
}

/**
 * Measure `time-in-treatment`: days from first contact to discharge, or to `asOf` for people not
 * discharged by then (so an open episode's time is a lower bound, and `stillOpen` says how many).
 */
export function timeInTreatment(episodes: readonly EpisodeRow[], asOf: IsoDate): TimeInTreatment {
  const closed = (e: EpisodeRow): e is EpisodeRow & { dischargedOn: IsoDate } =>
    e.dischargedOn != null && dayNumber(e.dischargedOn) <= dayNumber(asOf);
  const days = episodes.map((e) => daysBetween(e.firstContactOn, closed(e) ? e.dischargedOn : asOf));
  return {
    days: summarise(days, 'people'),
    stillOpen: episodes.filter((e) => !closed(e)).length,
  };
}
