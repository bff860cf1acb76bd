// OnwardReferralForm: record a referral on to another service: where, when it was decided, its target time, why.
import { useState, type SubmitEvent } from 'react';
import { api } from '../api/client.ts';
import { Field } from '../ui/Field.tsx';
import { FormProblem } from '../ui/FormProblem.tsx';
import { localDate } from '../ui/local-date.ts';
import { SelectField } from '../ui/SelectField.tsx';
import { useFormSubmit } from '../ui/use-form-submit.ts';
import type { NewReferral, OutcomeEventKinds } from './outcome-record-types.ts';

interface OnwardReferralFormProps {
  patientId: string;
  destinations: OutcomeEventKinds['referralDestinations'];
  onRecorded: () => void;
}

/** "Destination", "Decided on", "Target (days)", "Reason" and "Record referral". */
export function OnwardReferralForm({ patientId, destinations, onRecorded }: OnwardReferralFormProps) {
  const form = useFormSubmit();
  const [destination, setDestination] = useState('');
  const [decidedOn, setDecidedOn] = useState(() => localDate());
  const [targetDays, setTargetDays] = useState('');
  const [reason, setReason] = useState('');
  const [recorded, setRecorded] = useState(false);
  const chosen = destinations.find((d) => d.id === destination);

  const choose = (id: string) => {
    setDestination(id);
    // A destination with a published target time prefills it; the clinician may still change it.
    const target = destinations.find((d) => d.id === id)?.defaultTargetDays;
    if (target !== null && target !== undefined) setTargetDays(String(target));
  };

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    setRecorded(false);
    const days = Number(targetDays);
    const localErrors: Record<string, string> = {};
    if (!chosen) localErrors.destination = 'Choose where the referral is to';
    if (!decidedOn) localErrors.decidedOn = 'Enter the date the referral was decided';
    if (targetDays.trim() === '' || !Number.isInteger(days) || days < 0 || days > 365)
      localErrors.targetDays = 'Enter whole days from 0 to 365';
    void form
      .submit(async () => {
        const body: NewReferral = {
          destination,
          decidedOn,
          targetDays: days,
          ...(reason.trim() ? { reason: reason.trim() } : {}),
        };
        await api.post(`/patients/${encodeURIComponent(patientId)}/onward-referrals`, body);
      }, localErrors)
      .then((ok) => {
        if (!ok) return;
        setRecorded(true);
        setDestination('');
        setTargetDays('');
        setReason('');
        onRecorded();
      });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-label="Record onward referral">
      <FormProblem problem={form.problem} localErrors={form.localErrorCount} />
      {recorded ? (
        <p className="saved-note" role="status">
          Referral recorded.
        </p>
      ) : null}
      <div className="field-grid">
        <SelectField
          label="Destination"
          value={destination}
          onValue={choose}
          placeholder="Choose…"
          required
          options={destinations.map((d) => ({ value: d.id, label: d.label }))}
          error={form.errors.destination}
        />
        <Field
          label="Decided on"
          type="date"
          required
          value={decidedOn}
          onValue={setDecidedOn}
          error={form.errors.decidedOn}
        />
        <Field
          label="Target (days)"
          type="number"
          inputMode="numeric"
          min={0}
          max={365}
          step={1}
          required
          value={targetDays}
          onValue={setTargetDays}
          hint={targetHint(chosen)}
          error={form.errors.targetDays}
        />
      </div>
      <Field
        label="Reason"
        multiline
        maxLength={2000}
        value={reason}
        onValue={setReason}
        error={form.errors.reason}
      />
      {form.errors.decisionId ? <p className="field-error">{form.errors.decisionId}</p> : null}
      <div className="actions">
        <button type="submit" disabled={form.busy}>
          Record referral
        </button>
      </div>
    </form>
  );
}

/** Where the prefilled target time comes from, so it can be checked against the service's own pathway. */
function targetHint(chosen: OutcomeEventKinds['referralDestinations'][number] | undefined): string {
  if (!chosen) return 'Days from the decision by which the referral should be made.';
  const prefilled =
    chosen.defaultTargetDays === null ? 'No default target' : `Default ${chosen.defaultTargetDays} days`;
  return `${prefilled}. Source: ${chosen.source}`;
}
