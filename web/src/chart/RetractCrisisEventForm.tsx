// RetractCrisisEventForm: the inline form behind "Retract": why the event was recorded in error.
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { api } from '../api/client.ts';
import { Field } from '../ui/Field.tsx';
import { FormProblem } from '../ui/FormProblem.tsx';
import { useFormSubmit } from '../ui/use-form-submit.ts';

interface RetractCrisisEventFormProps {
  eventId: string;
  /** The form's accessible name, naming the event. */
  label: string;
  onDone: () => void;
  onBack: () => void;
}

/** "Reason for retraction", then "Retract event" and "Back". The event stays on the record, struck through. */
export function RetractCrisisEventForm({ eventId, label, onDone, onBack }: RetractCrisisEventFormProps) {
  const form = useFormSubmit();
  const [reason, setReason] = useState('');
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    first.current?.focus();
  }, []);

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    const localErrors: Record<string, string> = {};
    if (reason.trim() === '') localErrors.reason = 'Say why it was recorded in error';
    void form.submit(async () => {
      await api.post(`/crisis-events/${encodeURIComponent(eventId)}/retraction`, { reason: reason.trim() });
      onDone();
    }, localErrors);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="stack status-change" aria-label={label}>
      <FormProblem problem={form.problem} localErrors={form.localErrorCount} />
      <Field
        ref={first}
        label="Reason for retraction"
        required
        maxLength={1000}
        value={reason}
        onValue={setReason}
        error={form.errors.reason}
      />
      <div className="actions">
        <button type="submit" className="button-small" disabled={form.busy}>
          Retract event
        </button>
        <button type="button" className="button-small button-secondary" onClick={onBack}>
          Back
        </button>
      </div>
    </form>
  );
}
