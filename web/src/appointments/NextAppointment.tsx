// NextAppointment: the line under the chart's banner saying when the person is next seen, and by whom.
import type { PatientAppointments } from './appointment-types.ts';
import { appointmentText } from './appointment-types.ts';

/** "Next appointment: …" or "No appointment booked"; nothing while loading or when the list failed. */
export function NextAppointment({ data }: { data: PatientAppointments | null }) {
  if (!data) return null;
  return (
    <p className="next-appointment">
      {data.next ? (
        <>
          <span className="label">Next appointment:</span> {appointmentText(data.next)}
        </>
      ) : (
        'No appointment booked'
      )}
    </p>
  );
}
