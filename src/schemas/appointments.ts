// Appointment request shapes, shared by the API and the web forms.
import { z } from 'zod';
import { CONTACT_TYPES } from '../domain/appointments/status.ts';
import { isoDate, isoDateTime, storableString, uuid } from './common.ts';

export const bookAppointmentSchema = z
  .object({
    startsAt: isoDateTime,
    durationMinutes: z.number().int().min(5).max(480),
    contactType: z.enum(CONTACT_TYPES),
    practitionerId: uuid.optional(),
    note: storableString().trim().max(1000).optional(),
  })
  .strict();

export const appointmentStatusSchema = z
  .object({
    status: z.enum(['rescheduled', 'cancelled', 'attended', 'did-not-attend']),
    startsAt: isoDateTime.optional(),
    reason: storableString().trim().max(1000).optional(),
  })
  .strict()
  .refine((b) => b.status !== 'rescheduled' || b.startsAt, {
    message: 'Give the new date and time',
    path: ['startsAt'],
  });

export const dayListQuery = z
  .object({ date: isoDate.optional(), scope: z.enum(['mine', 'service']).default('mine') })
  .strict();
