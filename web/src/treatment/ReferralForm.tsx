// ReferralForm: record a referral for ketamine treatment; an indication off the usual list comes back flagged.
import { useState } from 'react';
import { indications } from '../../../src/domain/treatment/indications.ts';
import { referralSchema } from '../../../src/schemas/treatment.ts';
import { api } from '../api/client.ts';
import { Field } from '../ui/Field.tsx';
import { Form } from '../ui/Form.tsx';
import { localDate } from '../ui/local-date.ts';
import { Notice } from '../ui/Notice.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import { useForm } from '../ui/use-form.ts';
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

type Values = { indication: string; other: string; referrer: string; receivedOn: string };

// An indication off the list is sent as its own text, which the server flags for the prescriber.
const toBody = (v: Values): ReferralBody => ({
  indication: v.indication === OTHER ? v.other.trim() : v.indication,
  ...(v.referrer.trim() ? { referrer: v.referrer.trim() } : {}),
  ...(v.receivedOn ? { receivedOn: v.receivedOn } : {}),
});

/** "Indication" (or "Other indication"), "Referrer", "Received on" and "Record referral". */
export function ReferralForm({ patientId, onRecorded }: ReferralFormProps) {
  const form = useForm(
    referralSchema,
    { indication: '', other: '', referrer: '', receivedOn: '' },
    { toBody },
  );
  const { values, errors } = form;
  const [today] = useState(() => localDate());
  const [recorded, setRecorded] = useState<RecordedReferral | null>(null);
  const isOther = values.indication === OTHER;

  const onSubmit = () => {
    setRecorded(null);
    const own: Record<string, string> = {};
    if (!values.indication) own.indication = 'Choose the indication';
    else if (isOther && !values.other.trim()) own.indicationOther = 'Name the indication';
    void form.send(async (body) => {
      setRecorded(
        await api.post<RecordedReferral>(`/patients/${encodeURIComponent(patientId)}/referrals`, body),
      );
      form.clear();
      onRecorded();
    }, own);
  };

  return (
    <Form form={form} onSubmit={onSubmit} submit="Record referral" label="Referral">
      {recorded ? (
        <Notice kind={recorded.flags.length > 0 ? 'warning' : 'success'}>
          <p>Referral recorded{recorded.indication ? `: ${recorded.indication.label}` : ''}.</p>
          {recorded.flags.length > 0 ? <RuleList items={recorded.flags} label="Referral flags" /> : null}
        </Notice>
      ) : null}
      <div className="field-grid">
        <SelectField
          label="Indication"
          {...form.field('indication')}
          options={INDICATION_OPTIONS}
          placeholder="Choose…"
          required
          error={isOther ? undefined : errors.indication}
        />
        {isOther ? (
          <Field
            label="Other indication"
            {...form.field('other')}
            required
            maxLength={80}
            hint="Flagged for the prescriber's review"
            error={errors.indicationOther ?? errors.indication}
          />
        ) : null}
        <Field label="Referrer" {...form.field('referrer')} maxLength={200} />
        <Field label="Received on" type="date" max={today} {...form.field('receivedOn')} />
      </div>
    </Form>
  );
}
