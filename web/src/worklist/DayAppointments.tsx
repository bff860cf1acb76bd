// DayAppointments: one day's appointments, the user's own or the whole service's, with a day picker.
import { useState } from 'react';
import { Link } from 'react-router';
import { AppointmentStatusBadge } from '../appointments/AppointmentStatusBadge.tsx';
import { contactTypeLabel, type DayList } from '../appointments/appointment-types.ts';
import { useApiData } from '../api/use-api-data.ts';
import { DataTable, type Column } from '../ui/DataTable.tsx';
import { Field } from '../ui/Field.tsx';
import { formatDate, formatTime } from '../ui/format.ts';
import { localDate } from '../ui/local-date.ts';
import { Loaded } from '../ui/Loaded.tsx';
import { ToggleGroup } from '../ui/ToggleGroup.tsx';

type Scope = 'mine' | 'service';
const SCOPES: readonly { id: Scope; label: string }[] = [
  { id: 'mine', label: 'My list' },
  { id: 'service', label: 'Service' },
];

type DayAppointment = DayList['appointments'][number];

const COLUMNS: readonly Column<DayAppointment>[] = [
  {
    header: 'Time',
    className: 'nowrap',
    cell: (a) => `${formatTime(a.startsAt)} (${a.durationMinutes} min)`,
  },
  {
    header: 'Patient',
    cell: (a) => <Link to={`/patients/${a.patientId}`}>{a.patientName ?? 'Open chart'}</Link>,
  },
  { header: 'Type', cell: (a) => contactTypeLabel(a.contactType) },
  { header: 'With', cell: (a) => a.practitioner?.displayName ?? 'No one yet' },
  { header: 'Status', cell: (a) => <AppointmentStatusBadge status={a.status} /> },
];

/** "Today's appointments" (or "Appointments on <day>" once another day is chosen). */
export function DayAppointments() {
  const [today] = useState(() => localDate());
  const [day, setDay] = useState(today);
  const [scope, setScope] = useState<Scope>('mine');
  const list = useApiData<DayList>(day ? `/appointments?date=${day}&scope=${scope}` : null);
  return (
    <section aria-labelledby="day-appointments-heading" className="subsection">
      <h2 id="day-appointments-heading">
        {day === today ? "Today's appointments" : `Appointments on ${formatDate(day)}`}
      </h2>
      <div className="day-controls">
        <ToggleGroup label="Whose appointments" options={SCOPES} value={scope} onValue={setScope} />
        <Field label="Day" type="date" value={day} onValue={setDay} className="field-short" />
      </div>
      <Loaded data={list} loading="Loading appointments…">
        {(d) => (
          <DataTable
            columns={COLUMNS}
            rows={d.appointments}
            rowKey={(a) => a.id}
            rowClassName={(a) => (a.status === 'cancelled' ? 'row-muted' : undefined)}
            empty="No appointments on this day."
          />
        )}
      </Loaded>
    </section>
  );
}
