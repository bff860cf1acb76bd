// AppointmentStatusBadge: an appointment's status as a word: attended in green, missed in red, the rest plain.
import { STATUS_LABELS } from './appointment-types.ts';

/** "Attended", "Did not attend", "Booked", "Rescheduled" or "Cancelled". */
export function AppointmentStatusBadge({ status }: { status: string }) {
  const tone = status === 'attended' ? ' badge-ok' : status === 'did-not-attend' ? ' badge-danger' : '';
  const label = (STATUS_LABELS as Readonly<Record<string, string>>)[status] ?? status;
  return <span className={`badge${tone}`}>{label}</span>;
}
