// An appointment as a FHIR Appointment (pure): each status change is a version, and the latest gives the status
// and (after a reschedule) the time (fhir.md §1.2, "Appointment status").
import type { AppointmentEventRow, AppointmentRow } from '../../store/fhir-harm-contacts.ts';
import type { Appointment, AppointmentStatus } from './harm-types.ts';
import { KASPR_BASE, instant, meta, prune, ref, text } from './common.ts';

export const CONTACT_TYPE_SYSTEM = `${KASPR_BASE}/CodeSystem/contact-type`;

const STATUS: Record<AppointmentEventRow['status'], AppointmentStatus> = {
  booked: 'booked',
  rescheduled: 'booked',
  cancelled: 'cancelled',
  attended: 'fulfilled',
  'did-not-attend': 'noshow',
};

/** The appointment as it stood after `event`, the `version`-th status change. */
function asOf(row: AppointmentRow, event: AppointmentEventRow, version: number): Appointment {
  const end = new Date(event.starts_at.getTime() + row.duration_minutes * 60_000);
  const reason = text(event.reason);
  return prune({
    resourceType: 'Appointment' as const,
    id: row.id,
    meta: meta(version, event.recorded_at),
    status: STATUS[event.status],
    cancelationReason: event.status === 'cancelled' && reason ? { text: reason } : undefined,
    serviceType: [{ coding: [{ system: CONTACT_TYPE_SYSTEM, code: row.contact_type }] }],
    start: instant(event.starts_at),
    end: instant(end),
    minutesDuration: row.duration_minutes,
    created: instant(row.booked_at),
    comment: text(row.note),
    participant: [
      { actor: ref('Patient', row.patient_id), required: 'required' as const, status: 'accepted' as const },
      ...(row.practitioner_id
        ? [
            {
              actor: prune({
                ...ref('Practitioner', row.practitioner_id),
                display: text(row.practitioner_name),
              }),
              status: 'accepted' as const,
            },
          ]
        : []),
    ],
  });
}

/** Every version of an appointment, newest first: one per status change ([] before the booking's event). */
export function appointmentVersions(
  row: AppointmentRow,
  events: readonly AppointmentEventRow[],
): Appointment[] {
  return events.map((e, i) => asOf(row, e, i + 1)).reverse();
}
