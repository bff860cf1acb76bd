// AppointmentTable: a patient's appointments, soonest first: when, how, with whom, status and its history.
import { formatDateTime } from '../ui/format.ts';
import { AppointmentActions } from './AppointmentActions.tsx';
import { AppointmentStatusBadge } from './AppointmentStatusBadge.tsx';
import { STATUS_LABELS, contactTypeLabel, isOpen, type PatientAppointment } from './appointment-types.ts';

interface AppointmentTableProps {
  appointments: readonly PatientAppointment[];
  canWrite: boolean;
  onChanged: () => void;
}

const statusLabel = (s: string) => (STATUS_LABELS as Readonly<Record<string, string>>)[s] ?? s;

/** When, Duration, Type, With, Status (with changes) and, for open ones, the actions. */
export function AppointmentTable({ appointments, canWrite, onChanged }: AppointmentTableProps) {
  return (
    <div className="table-wrap">
      <table className="data-table compact">
        <caption className="visually-hidden">Appointments</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Duration</th>
            <th scope="col">Type</th>
            <th scope="col">With</th>
            <th scope="col">Status</th>
            {canWrite ? <th scope="col">Actions</th> : null}
          </tr>
        </thead>
        <tbody>
          {appointments.map((a) => (
            <tr key={a.id} className={a.status === 'cancelled' ? 'row-muted' : undefined}>
              <td className="nowrap">
                <time dateTime={a.startsAt}>{formatDateTime(a.startsAt)}</time>
                {a.note ? <p className="hint">{a.note}</p> : null}
              </td>
              <td>{a.durationMinutes} min</td>
              <td>{contactTypeLabel(a.contactType)}</td>
              <td>{a.practitioner?.displayName ?? 'No one yet'}</td>
              <td>
                <AppointmentStatusBadge status={a.status} />
                {a.history.length > 1 ? (
                  <ul className="plain-inline hint">
                    {a.history.slice(1).map((h) => (
                      <li key={`${h.at}-${h.status}`}>
                        {statusLabel(h.status)} by {h.by}, {formatDateTime(h.at)}
                        {h.reason ? `: “${h.reason}”` : ''}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </td>
              {canWrite ? (
                <td>
                  {isOpen(a.status) ? <AppointmentActions appointment={a} onChanged={onChanged} /> : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
