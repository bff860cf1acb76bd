// ReferralForm: record a referral for ketamine treatment; an indication off the usual list comes back flagged.
import { useState, type SubmitEvent } from 'react';
import { indications } from '../../../src/domain/treatment/indications.ts';
import { api } from '../api/client.ts';
import { Field } from '../ui/Field.tsx';
import { FormProblem } from '../ui/FormProblem.tsx';
import { localDate } from '../ui/local-date.ts';
import { Notice } from '../ui/Notice.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import { useFormSubmit } from '../ui/use-form-submit.ts';
import { RuleList } from './RuleList.tsx';
import type { RecordedReferral, ReferralBody } from './treatment-types.ts';

const OTHER = 'other';
const INDICATION_OPTIONS = [
  ...indications.map((i) => ({ value: i.code, label: i.label })),
  { value: OTHER, label: 'Other (outside the usual list)' },
];

interface ReferralFormProps {
  patientId: string;
  onRecorded: () => void;
}

/** "Indication" (or "Other indication"), "Referrer", "Received on" and "Record referral". */
export function ReferralForm({ patientId, onRecorded }: ReferralFormProps) {
  const form = useFormSubmit();
  const [today] = useState(() => localDate());
  const [indication, setIndication] = useState('');
  const [other, setOther] = useState('');
  const [referrer, setReferrer] = useState('');
  const [receivedOn, setReceivedOn] = useState('');
  const [recorded, setRecorded] = useState<RecordedReferral | null>(null);
  const isOther = indication === OTHER;

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    setRecorded(null);
    const localErrors: Record<string, string> = {};
    if (!indication) localErrors.indication = 'Choose the indication';
    else if (isOther && !other.trim()) localErrors.indicationOther = 'Name the indication';
    void form.submit(async () => {
      // An indication off the list is sent as its own text, which the server flags for the prescriber.
      const body: ReferralBody = {
        indication: isOther ? other.trim() : indication,
        ...(referrer.trim() ? { referrer: referrer.trim() } : {}),
        ...(receivedOn ? { receivedOn } : {}),
      };
      const result = await api.post<RecordedReferral>(
        `/patients/${encodeURIComponent(patientId)}/referrals`,
        body,
      );
      setRecorded(result);
      setIndication('');
      setOther('');
      setReferrer('');
      setReceivedOn('');
      onRecorded();
    }, localErrors);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-label="Referral">
      <FormProblem problem={form.problem} localErrors={form.localErrorCount} />
      {recorded ? (
        <Notice kind={recorded.flags.length > 0 ? 'warning' : 'success'}>
          <p>Referral recorded{recorded.indication ? `: ${recorded.indication.label}` : ''}.</p>
          {recorded.flags.length > 0 ? <RuleList items={recorded.flags} label="Referral flags" /> : null}
        </Notice>
      ) : null}
      <div className="field-grid">
        <SelectField
          label="Indication"
          value={indication}
          onValue={setIndication}
          options={INDICATION_OPTIONS}
          placeholder="Choose…"
          required
          error={isOther ? undefined : form.errors.indication}
        />
        {isOther ? (
          <Field
            label="Other indication"
            value={other}
            onValue={setOther}
            required
            maxLength={80}
            hint="Flagged for the prescriber's review"
            error={form.errors.indicationOther ?? form.errors.indication}
          />
        ) : null}
        <Field
          label="Referrer"
          value={referrer}
          onValue={setReferrer}
          maxLength={200}
          error={form.errors.referrer}
        />
        <Field
          label="Received on"
          type="date"
          max={today}
          value={receivedOn}
          onValue={setReceivedOn}
          error={form.errors.receivedOn}
        />
      </div>
      <div className="actions">
        <button type="submit" disabled={form.busy}>
          Record referral
        </button>
      </div>
    </form>
  );
}
