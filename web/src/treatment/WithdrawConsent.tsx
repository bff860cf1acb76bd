// WithdrawConsent: "Withdraw consent" opens a short form asking the reason; the consent stays on record, withdrawn.
import { useState, type SubmitEvent } from 'react';
import { api } from '../api/client.ts';
import { Field } from '../ui/Field.tsx';
import { useFormSubmit } from '../ui/use-form-submit.ts';

interface WithdrawConsentProps {
  consentId: string;
  onWithdrawn: () => void;
}

/** The button, replaced when pressed by "Reason" (focused), "Confirm withdrawal" and "Cancel". */
export function WithdrawConsent({ consentId, onWithdrawn }: WithdrawConsentProps) {
  const form = useFormSubmit();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    const localErrors: Record<string, string> = {};
    if (!reason.trim()) localErrors.reason = 'Say why the consent is withdrawn';
    void form
      .submit(async () => {
        await api.post(`/consents/${encodeURIComponent(consentId)}/withdraw`, { reason: reason.trim() });
      }, localErrors)
      .then((ok) => {
        if (ok) onWithdrawn();
      });
  };

  if (!open) {
    return (
      <button
        type="button"
        className="button-secondary button-small"
        onClick={() => {
          setOpen(true);
        }}
      >
        Withdraw consent
      </button>
    );
  }
  const problem = form.problem && !form.errors.reason ? (form.problem.detail ?? form.problem.title) : null;
  return (
    <form onSubmit={onSubmit} noValidate className="withdraw-form" aria-label="Withdraw consent">
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      <Field
        label="Reason"
        required
        maxLength={1000}
        value={reason}
        onValue={setReason}
        error={form.errors.reason}
        autoFocus
      />
      <div className="actions">
        <button type="submit" className="button-warning" disabled={form.busy}>
          Confirm withdrawal
        </button>
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            setOpen(false);
            form.reset();
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
