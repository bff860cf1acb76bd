// DayAppointments: one day's appointments, the user's own or the whole service's, with a day picker.
import { useState } from 'react';
import { Link } from 'react-router';
import { AppointmentStatusBadge } from '../appointments/AppointmentStatusBadge.tsx';
import { contactTypeLabel, type DayList } from '../appointments/appointment-types.ts';
import { useApiData } from '../api/use-api-data.ts';
import { Field } from '../ui/Field.tsx';
import { formatDate, formatTime } from '../ui/format.ts';
import { localDate } from '../ui/local-date.ts';
import { Notice } from '../ui/Notice.tsx';

type Scope = 'mine' | 'service';
const SCOPES: readonly { id: Scope; label: string }[] = [
  { id: 'mine', label: 'My list' },
  { id: 'service', label: 'Service' },
];

/** "Today's appointments" (or "Appointments on <day>" once another day is chosen). */
export function DayAppointments() {
  const [today] = useState(() => localDate());
  const [day, setDay] = useState(today);
  const [scope, setScope] = useState<Scope>('mine');
  const list = useApiData<DayList>(day ? `/appointments?date=${day}&scope=${scope}` : null);
  const rows = list.data?.appointments ?? [];
  return (
    <section aria-labelledby="day-appointments-heading" className="subsection">
      <h2 id="day-appointments-heading">
        {day === today ? "Today's appointments" : `Appointments on ${formatDate(day)}`}
      </h2>
      <div className="day-controls">
        <div role="group" aria-label="Whose appointments" className="toggle-group">
          {SCOPES.map((s) => (
            <button
              key={s.id}
              type="button"
              className="toggle"
              aria-pressed={scope === s.id}
              onClick={() => {
                setScope(s.id);
              }}
            >
              {s.label}
            </button>
          ))}
        </div>
        <Field label="Day" type="date" value={day} onValue={setDay} className="field-short" />
      </div>
      {list.error ? <Notice kind="error">{list.error.detail ?? list.error.title}</Notice> : null}
      {list.loading && !list.data ? <p role="status">Loading appointments…</p> : null}
      {list.data && rows.length === 0 ? <p>No appointments on this day.</p> : null}
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Patient</th>
                <th scope="col">Type</th>
                <th scope="col">With</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr key={a.id} className={a.status === 'cancelled' ? 'row-muted' : undefined}>
                  <td className="nowrap">
                    {formatTime(a.startsAt)} ({a.durationMinutes} min)
                  </td>
                  <td>
                    <Link to={`/patients/${a.patientId}`}>{a.patientName ?? 'Open chart'}</Link>
                  </td>
                  <td>{contactTypeLabel(a.contactType)}</td>
                  <td>{a.practitioner?.displayName ?? 'No one yet'}</td>
                  <td>
                    <AppointmentStatusBadge status={a.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
