// AdministrationEventForm: "Change rate" (the new rate and, off plan, why) or "Stop administration" (the time and the
// amount actually given, with the register witness when stock was drawn and less was given).
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
  /** The dose started (mg), to say what "all of it" means; null when none was recorded. */
  startedMg?: number | null;
  /** True when the start drew the dose from the register (less given then corrects it, with a witness). */
  fromStock?: boolean;
  onDone: () => void;
}

/** A small form named by its button: "Time" (now); a rate change takes "Rate (mg/h)", a stop "Given (mg)". */
export function AdministrationEventForm({
  sessionId,
  event,
  startedMg = null,
  fromStock = false,
  onDone,
}: AdministrationEventFormProps) {
  const form = useFormSubmit();
  const [at, setAt] = useState(() => localDateTime(new Date()));
  const [rate, setRate] = useState('');
  const [reason, setReason] = useState('');
  const [given, setGiven] = useState('');
  const [givenMl, setGivenMl] = useState('');
  const [witnessEmail, setWitnessEmail] = useState('');
  const [witnessPassword, setWitnessPassword] = useState('');
  const name = event === 'stop' ? 'Stop administration' : 'Change rate';
  const givenMg = toNumber(given);
  const stated = givenMg !== undefined || toNumber(givenMl) !== undefined;
  // Less than the dose started (a volume alone is checked by the server against the concentration).
  const lessGiven = startedMg !== null && stated && (givenMg === undefined || givenMg < startedMg);

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    const when = instantOf(at);
    const rateMgPerHour = toNumber(rate);
    const volume = toNumber(givenMl);
    const localErrors: Record<string, string> = {};
    if (!when) localErrors.at = 'Enter the time';
    if (event === 'rate-change' && rateMgPerHour === undefined)
      localErrors.rateMgPerHour = 'Enter the new rate';
    if (given.trim() && givenMg === undefined) localErrors.givenMg = 'Enter the mg given';
    if (fromStock && lessGiven && (!witnessEmail.trim() || !witnessPassword))
      localErrors.witness = 'A witness signs the register correction: enter their email and password';
    void form
      .submit(async () => {
        const body: AdministrationBody = {
          event,
          ...(when ? { at: when } : {}),
          ...(event === 'rate-change' && rateMgPerHour !== undefined ? { rateMgPerHour } : {}),
          ...(event === 'rate-change' && reason.trim() ? { reason: reason.trim() } : {}),
          ...(event === 'stop' && givenMg !== undefined ? { givenMg } : {}),
          ...(event === 'stop' && volume !== undefined ? { givenMl: volume } : {}),
          ...(event === 'stop' && fromStock && lessGiven
            ? { witness: { email: witnessEmail.trim(), password: witnessPassword } }
            : {}),
        };
        await api.post(`/treatment-sessions/${encodeURIComponent(sessionId)}/administration`, body);
      }, localErrors)
      .then((ok) => {
        if (!ok) return;
        setRate('');
        setReason('');
        setGiven('');
        setGivenMl('');
        setWitnessPassword('');
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
          <>
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
            <Field
              label="Reason for the change"
              maxLength={1000}
              hint="Needed when the rate differs from the plan"
              value={reason}
              onValue={setReason}
              error={form.errors.reason}
            />
          </>
        ) : (
          <>
            <Field
              label="Given (mg)"
              type="number"
              inputMode="decimal"
              min={0}
              step="any"
              hint={
                startedMg !== null
                  ? `The amount actually infused; blank means all ${String(startedMg)} mg. Needed when stopping early.`
                  : 'The amount actually given'
              }
              value={given}
              onValue={setGiven}
              error={form.errors.givenMg}
            />
            <Field
              label="Or volume infused (mL)"
              type="number"
              inputMode="decimal"
              min={0}
              step="any"
              hint="Turned into mg at the recorded concentration"
              value={givenMl}
              onValue={setGivenMl}
              error={form.errors.givenMl}
            />
          </>
        )}
      </div>
      {event === 'stop' && fromStock && lessGiven ? (
        <fieldset className="form-section">
          <legend>Witness to the register correction</legend>
          <p className="hint">
            Less was given than was drawn from stock: the register entry is corrected to the amount given, and
            a witness signs it.
          </p>
          <div className="field-grid">
            <Field
              label="Witness email"
              type="email"
              autoComplete="off"
              value={witnessEmail}
              onValue={setWitnessEmail}
              error={form.errors.witness}
            />
            <Field
              label="Witness password"
              type="password"
              autoComplete="off"
              value={witnessPassword}
              onValue={setWitnessPassword}
            />
          </div>
        </fieldset>
      ) : null}
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
