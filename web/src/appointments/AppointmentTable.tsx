// AppointmentTable: a patient's appointments, soonest first: when, how, with whom, status and its history.
import { DataTable, type Column } from '../ui/DataTable.tsx';
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

/** The status badge, then each later change of status: who, when and why. */
function StatusWithHistory({ a }: { a: PatientAppointment }) {
  return (
    <>
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
    </>
  );
}

const COLUMNS: readonly Column<PatientAppointment>[] = [
  {
    header: 'When',
    className: 'nowrap',
    cell: (a) => (
      <>
        <time dateTime={a.startsAt}>{formatDateTime(a.startsAt)}</time>
        {a.note ? <p className="hint">{a.note}</p> : null}
      </>
    ),
  },
  { header: 'Duration', cell: (a) => `${a.durationMinutes} min` },
  { header: 'Type', cell: (a) => contactTypeLabel(a.contactType) },
  { header: 'With', cell: (a) => a.practitioner?.displayName ?? 'No one yet' },
  { header: 'Status', cell: (a) => <StatusWithHistory a={a} /> },
];

/** When, Duration, Type, With, Status (with changes) and, for open ones, the actions. */
export function AppointmentTable({ appointments, canWrite, onChanged }: AppointmentTableProps) {
  const actions: Column<PatientAppointment> = {
    header: 'Actions',
    cell: (a) => (isOpen(a.status) ? <AppointmentActions appointment={a} onChanged={onChanged} /> : null),
  };
  return (
    <DataTable
      columns={[...COLUMNS, canWrite && actions]}
      rows={appointments}
      rowKey={(a) => a.id}
      rowClassName={(a) => (a.status === 'cancelled' ? 'row-muted' : undefined)}
      caption="Appointments"
      captionHidden
      className="data-table compact"
    />
  );
}
