// AdministrationEventForm: "Change rate" (with the new rate) or "Stop administration", each with its time.
import { useState, type SubmitEvent } from 'react';
import { api } from '../api/client.ts';
import { Field } from '../ui/Field.tsx';
import { FormProblem } from '../ui/FormProblem.tsx';
import { localDateTime } from '../ui/local-date.ts';
import { useFormSubmit } from '../ui/use-form-submit.ts';
import { instantOf, toNumber } from './treatment-input.ts';
import type { AdministrationBody } from './treatment-types.ts';

interface AdministrationEventFormProps {
  sessionId: string;
  event: 'rate-change' | 'stop';
  onDone: () => void;
}

/** A small form named by its button: "Time" (now) and, for a rate change, "Rate (mg/h)". */
export function AdministrationEventForm({ sessionId, event, onDone }: AdministrationEventFormProps) {
  const form = useFormSubmit();
  const [at, setAt] = useState(() => localDateTime(new Date()));
  const [rate, setRate] = useState('');
  const name = event === 'stop' ? 'Stop administration' : 'Change rate';

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    const when = instantOf(at);
    const rateMgPerHour = toNumber(rate);
    const localErrors: Record<string, string> = {};
    if (!when) localErrors.at = 'Enter the time';
    if (event === 'rate-change' && rateMgPerHour === undefined)
      localErrors.rateMgPerHour = 'Enter the new rate';
    void form
      .submit(async () => {
        const body: AdministrationBody = {
          event,
          ...(when ? { at: when } : {}),
          ...(event === 'rate-change' && rateMgPerHour !== undefined ? { rateMgPerHour } : {}),
        };
        await api.post(`/treatment-sessions/${encodeURIComponent(sessionId)}/administration`, body);
      }, localErrors)
      .then((ok) => {
        if (!ok) return;
        setRate('');
        setAt(localDateTime(new Date()));
        onDone();
      });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="stack administration-event" aria-label={name}>
      <FormProblem problem={form.problem} localErrors={form.localErrorCount} />
      <div className="field-grid">
        <Field
          label="Time"
          type="datetime-local"
          required
          value={at}
          onValue={setAt}
          error={form.errors.at}
        />
        {event === 'rate-change' ? (
          <Field
            label="Rate (mg/h)"
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            required
            value={rate}
            onValue={setRate}
            error={form.errors.rateMgPerHour}
          />
        ) : null}
      </div>
      <div className="actions">
        <button
          type="submit"
          className={event === 'stop' ? 'button-warning' : 'button-secondary'}
          disabled={form.busy}
        >
          {name}
        </button>
      </div>
    </form>
  );
}
