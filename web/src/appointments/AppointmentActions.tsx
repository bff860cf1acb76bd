// AppointmentActions: "Attended", "Did not attend", "Cancel" and "Reschedule" for one open appointment.
import { useState } from 'react';
import { asApiError } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import { appointmentText, type PatientAppointment } from './appointment-types.ts';
import { StatusChangeForm } from './StatusChangeForm.tsx';

interface AppointmentActionsProps {
  appointment: PatientAppointment;
  onChanged: () => void;
}

type Mode = 'buttons' | 'rescheduled' | 'cancelled';

/** Attendance is one click; cancelling and rescheduling open a small form in place of the buttons. */
export function AppointmentActions({ appointment, onChanged }: AppointmentActionsProps) {
  const [mode, setMode] = useState<Mode>('buttons');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const what = appointmentText(appointment);

  const mark = (status: 'attended' | 'did-not-attend') => {
    setBusy(true);
    setProblem(null);
    api.post(`/appointments/${encodeURIComponent(appointment.id)}/status`, { status }).then(
      () => {
        setBusy(false);
        onChanged();
      },
      (err: unknown) => {
        const e = asApiError(err);
        setBusy(false);
        setProblem(e.detail ?? e.title);
      },
    );
  };

  if (mode !== 'buttons')
    return (
      <StatusChangeForm
        appointmentId={appointment.id}
        kind={mode}
        startsAt={appointment.startsAt}
        label={`${mode === 'rescheduled' ? 'Reschedule' : 'Cancel'} appointment of ${what}`}
        onDone={() => {
          setMode('buttons');
          onChanged();
        }}
        onBack={() => {
          setMode('buttons');
        }}
      />
    );
  return (
    <div role="group" aria-label={`Actions for the appointment of ${what}`}>
      <div className="row-actions">
        <button type="button" className="button-small" disabled={busy} onClick={() => mark('attended')}>
          Attended
        </button>
        <button
          type="button"
          className="button-small button-secondary"
          disabled={busy}
          onClick={() => mark('did-not-attend')}
        >
          Did not attend
        </button>
        <button type="button" className="button-small button-secondary" onClick={() => setMode('cancelled')}>
          Cancel
        </button>
        <button
          type="button"
          className="button-small button-secondary"
          onClick={() => setMode('rescheduled')}
        >
          Reschedule
        </button>
      </div>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
