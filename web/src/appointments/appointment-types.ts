// Appointment shapes and words the web client uses, taken from the server's domain, request and reply schemas.
import type { z } from 'zod';
import type { AppointmentStatus, CONTACT_TYPES } from '../../../src/domain/appointments/status.ts';
import type { bookAppointmentSchema } from '../../../src/schemas/appointments.ts';
import type {
  Appointment,
  dayListReply,
  PatientAppointment,
  patientAppointmentsReply,
} from '../../../src/schemas/replies/appointments.ts';
import { formatDateTime } from '../ui/format.ts';

export type { Appointment, AppointmentStatus, PatientAppointment };
export type ContactType = (typeof CONTACT_TYPES)[number];

/** The body of POST /patients/:id/appointments. */
export type BookAppointment = z.input<typeof bookAppointmentSchema>;

/** GET /patients/:id/appointments: each with its status history, and the next one due. */
export type PatientAppointments = z.output<typeof patientAppointmentsReply>;

/** GET /appointments?date=&scope=: one day's list, each with the patient's name. */
export type DayList = z.output<typeof dayListReply>;

export const CONTACT_TYPE_LABELS: Readonly<Record<ContactType, string>> = {
  'face-to-face': 'Face to face',
  phone: 'Phone',
  video: 'Video',
  'group-session': 'Group session',
};

export const STATUS_LABELS: Readonly<Record<AppointmentStatus, string>> = {
  booked: 'Booked',
  rescheduled: 'Rescheduled',
  cancelled: 'Cancelled',
  attended: 'Attended',
  'did-not-attend': 'Did not attend',
};

/** "Face to face"; an unknown type as sent. */
export function contactTypeLabel(type: string): string {
  return (CONTACT_TYPE_LABELS as Readonly<Record<string, string>>)[type] ?? type;
}

/** Booked and rescheduled appointments can still change; the rest are final. */
export function isOpen(status: AppointmentStatus): boolean {
  return status === 'booked' || status === 'rescheduled';
}

/** "02 Mar 2026, 14:05 (Face to face) with Sam Smith". */
export function appointmentText(a: Pick<Appointment, 'startsAt' | 'contactType' | 'practitioner'>): string {
  const who = a.practitioner ? ` with ${a.practitioner.displayName}` : '';
  return `${formatDateTime(a.startsAt)} (${contactTypeLabel(a.contactType)})${who}`;
}
