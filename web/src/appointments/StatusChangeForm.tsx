// StatusChangeForm: the small inline form behind "Reschedule" (new time and reason) and "Cancel" (reason).
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { api } from '../api/client.ts';
import { Field } from '../ui/Field.tsx';
import { FormProblem } from '../ui/FormProblem.tsx';
import { localDateTime } from '../ui/local-date.ts';
import { useFormSubmit } from '../ui/use-form-submit.ts';

interface StatusChangeFormProps {
  appointmentId: string;
  /** Rescheduling asks for the new time; cancelling only for a reason. */
  kind: 'rescheduled' | 'cancelled';
  /** The appointment's current start, to prefill the new time. */
  startsAt: string;
  label: string;
  onDone: () => void;
  onBack: () => void;
}

/** "New date and time" (reschedule only), "Reason", then "Save new time" or "Confirm", and "Back". */
export function StatusChangeForm({
  appointmentId,
  kind,
  startsAt,
  label,
  onDone,
  onBack,
}: StatusChangeFormProps) {
  const form = useFormSubmit();
  const [when, setWhen] = useState(() => localDateTime(new Date(startsAt)));
  const [reason, setReason] = useState('');
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    first.current?.focus();
  }, []);

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    const at = new Date(when);
    const localErrors: Record<string, string> = {};
    if (kind === 'rescheduled' && Number.isNaN(at.getTime()))
      localErrors.startsAt = 'Enter the new date and time';
    void form.submit(async () => {
      await api.post(`/appointments/${encodeURIComponent(appointmentId)}/status`, {
        status: kind,
        ...(kind === 'rescheduled' ? { startsAt: at.toISOString() } : {}),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      onDone();
    }, localErrors);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="stack status-change" aria-label={label}>
      <FormProblem problem={form.problem} localErrors={form.localErrorCount} />
      {kind === 'rescheduled' ? (
        <Field
          ref={first}
          label="New date and time"
          type="datetime-local"
          required
          value={when}
          onValue={setWhen}
          error={form.errors.startsAt}
        />
      ) : null}
      <Field
        ref={kind === 'cancelled' ? first : undefined}
        label="Reason"
        value={reason}
        onValue={setReason}
        maxLength={1000}
        error={form.errors.reason}
      />
      <div className="actions">
        <button type="submit" className="button-small" disabled={form.busy}>
          {kind === 'rescheduled' ? 'Save new time' : 'Confirm'}
        </button>
        <button type="button" className="button-small button-secondary" onClick={onBack}>
          Back
        </button>
      </div>
    </form>
  );
}
