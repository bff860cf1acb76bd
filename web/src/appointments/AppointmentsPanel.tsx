// AppointmentsPanel: the chart's "Appointments" tab: book a contact, and every appointment with its actions.
import type { ApiData } from '../api/use-api-data.ts';
import { Notice } from '../ui/Notice.tsx';
import type { PatientAppointments } from './appointment-types.ts';
import { AppointmentTable } from './AppointmentTable.tsx';
import { BookAppointmentForm } from './BookAppointmentForm.tsx';

interface AppointmentsPanelProps {
  patientId: string;
  canWrite: boolean;
  /** Loaded by the chart, which also shows the next appointment under the banner. */
  appointments: ApiData<PatientAppointments>;
}

/** "Book appointment" and "All appointments". */
export function AppointmentsPanel({ patientId, canWrite, appointments }: AppointmentsPanelProps) {
  const list = appointments.data?.appointments ?? [];
  return (
    <>
      <h2>Appointments</h2>
      {appointments.error ? (
        <Notice kind="error">{appointments.error.detail ?? appointments.error.title}</Notice>
      ) : null}
      {canWrite ? (
        <section className="q-section" aria-labelledby="book-appointment-heading">
          <h3 id="book-appointment-heading">Book appointment</h3>
          <BookAppointmentForm patientId={patientId} onBooked={appointments.reload} />
        </section>
      ) : null}
      <section className="q-section" aria-labelledby="all-appointments-heading">
        <h3 id="all-appointments-heading">All appointments</h3>
        {appointments.loading && !appointments.data ? <p role="status">Loading appointments…</p> : null}
        {appointments.data && list.length === 0 ? <p>No appointments yet.</p> : null}
        {list.length > 0 ? (
          <AppointmentTable appointments={list} canWrite={canWrite} onChanged={appointments.reload} />
        ) : null}
      </section>
    </>
  );
}
