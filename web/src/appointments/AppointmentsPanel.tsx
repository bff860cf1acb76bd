// AppointmentsPanel: the chart's "Appointments" tab: book a contact, and every appointment with its actions.
import type { ApiData } from '../api/use-api-data.ts';
import { Loaded } from '../ui/Loaded.tsx';
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
  return (
    <>
      <h2>Appointments</h2>
      {canWrite ? (
        <section className="q-section" aria-labelledby="book-appointment-heading">
          <h3 id="book-appointment-heading">Book appointment</h3>
          <BookAppointmentForm patientId={patientId} onBooked={appointments.reload} />
        </section>
      ) : null}
      <section className="q-section" aria-labelledby="all-appointments-heading">
        <h3 id="all-appointments-heading">All appointments</h3>
        <Loaded data={appointments} loading="Loading appointments…">
          {({ appointments: list }) =>
            list.length === 0 ? (
              <p>No appointments yet.</p>
            ) : (
              <AppointmentTable appointments={list} canWrite={canWrite} onChanged={appointments.reload} />
            )
          }
        </Loaded>
      </section>
    </>
  );
}
