// Replies of the appointment routes: a patient's appointments with their history, a day's list, a status change.
import { z } from 'zod';
import { APPOINTMENT_STATUSES } from '../../domain/appointments/status.ts';
import { instant, orNull } from './common.ts';
import { staffMember } from './patients.ts';

const status = z.enum(APPOINTMENT_STATUSES);

/** An appointment at its latest status; the day list adds the patient's name ("FAMILY, Given"). */
export const appointmentReply = z.object({
  id: z.string(),
  patientId: z.string(),
  patientName: z.string().optional(),
  startsAt: instant,
  durationMinutes: z.number().int(),
  contactType: z.string(),
  practitioner: orNull(staffMember),
  status,
  note: orNull(z.string()),
});
export type Appointment = z.output<typeof appointmentReply>;

/** One of a patient's appointments, with every status change (who recorded it by display name). */
export const patientAppointmentReply = appointmentReply.extend({
  history: z.array(
    z.object({
      status: z.string(),
      startsAt: instant,
      reason: orNull(z.string()),
      at: instant,
      by: z.string(),
    }),
  ),
});
export type PatientAppointment = z.output<typeof patientAppointmentReply>;

/** GET /patients/:id/appointments: all, by start time, and the next booked or rescheduled one still to come. */
export const patientAppointmentsReply = z.object({
  appointments: z.array(patientAppointmentReply),
  next: orNull(patientAppointmentReply),
});

/** GET /appointments?date=&scope=: one day's list. */
export const dayListReply = z.object({ date: z.string(), appointments: z.array(appointmentReply) });

/** POST /appointments/:id/status. */
export const statusChangedReply = z.object({ id: z.string(), status, startsAt: instant });
