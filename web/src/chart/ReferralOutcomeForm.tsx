// ReferralOutcomeForm: the small inline form behind "Made" and "Cancelled": the date it happened and a note.
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { api } from '../api/client.ts';
import { Field } from '../ui/Field.tsx';
import { FormProblem } from '../ui/FormProblem.tsx';
import { localDate } from '../ui/local-date.ts';
import { useFormSubmit } from '../ui/use-form-submit.ts';
import type { ReferralOutcome } from './outcome-record-types.ts';

interface ReferralOutcomeFormProps {
  referralId: string;
  outcome: ReferralOutcome['outcome'];
  /** The form's accessible name, naming the referral. */
  label: string;
  onDone: () => void;
  onBack: () => void;
}

/** "Made on" or "Cancelled on" (today by default), "Note", then "Record as made/cancelled" and "Back". */
export function ReferralOutcomeForm({
  referralId,
  outcome,
  label,
  onDone,
  onBack,
}: ReferralOutcomeFormProps) {
  const form = useFormSubmit();
  const [on, setOn] = useState(() => localDate());
  const [note, setNote] = useState('');
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    first.current?.focus();
  }, []);

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    const localErrors: Record<string, string> = {};
    if (!on) localErrors.on = 'Enter the date';
    void form.submit(async () => {
      const body: ReferralOutcome = { outcome, on, ...(note.trim() ? { note: note.trim() } : {}) };
      await api.post(`/onward-referrals/${encodeURIComponent(referralId)}/outcome`, body);
      onDone();
    }, localErrors);
  };

  const word = outcome === 'made' ? 'made' : 'cancelled';
  return (
    <form onSubmit={onSubmit} noValidate className="stack status-change" aria-label={label}>
      <FormProblem problem={form.problem} localErrors={form.localErrorCount} />
      <Field
        ref={first}
        label={outcome === 'made' ? 'Made on' : 'Cancelled on'}
        type="date"
        required
        value={on}
        onValue={setOn}
        error={form.errors.on}
      />
      <Field label="Note" value={note} onValue={setNote} maxLength={2000} error={form.errors.note} />
      <div className="actions">
        <button type="submit" className="button-small" disabled={form.busy}>
          Record as {word}
        </button>
        <button type="button" className="button-small button-secondary" onClick={onBack}>
          Back
        </button>
      </div>
    </form>
  );
}
