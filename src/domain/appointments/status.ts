// Appointment status rules: which changes are allowed, and when a missed appointment needs a follow-up task.

export const APPOINTMENT_STATUSES = [
  'booked',
  'rescheduled',
  'cancelled',
  'attended',
  'did-not-attend',
] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
export const CONTACT_TYPES = ['face-to-face', 'phone', 'video', 'group-session'] as const;

/** Open appointments can change; attended, missed and cancelled ones are final (a new booking follows). */
export function canChangeStatus(from: AppointmentStatus, to: AppointmentStatus): boolean {
  if (to === 'booked') return false;
  return from === 'booked' || from === 'rescheduled';
}

/**
 * A missed appointment of a person at level 3 or 4 raises a follow-up task (issue C3 "Appointments and
 * contacts"): disengagement at the higher levels of need is itself a risk. Product synthesis.
 */
export function missedNeedsFollowUp(status: AppointmentStatus, confirmedLevel: number | null): boolean {
  return status === 'did-not-attend' && confirmedLevel !== null && confirmedLevel >= 3;
}
