// ReferralOutcomeForm: the small inline form behind "Made" and "Cancelled": the date it happened and a note.
import { closeReferralSchema } from '../../../src/schemas/outcomes.ts';
import { api } from '../api/client.ts';
import { Field } from '../ui/Field.tsx';
import { InlineForm, useFocusOnOpen } from '../ui/InlineForm.tsx';
import { localDate } from '../ui/local-date.ts';
import { useForm } from '../ui/use-form.ts';
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
  const form = useForm(
    closeReferralSchema,
    { on: localDate(), note: '' },
    {
      toBody: ({ on, note }): ReferralOutcome => ({
        outcome,
        on,
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    },
  );
  const first = useFocusOnOpen();

  const onSubmit = () =>
    void form.send(
      async (body) => {
        await api.post(`/onward-referrals/${encodeURIComponent(referralId)}/outcome`, body);
        onDone();
      },
      form.values.on ? {} : { on: 'Enter the date' },
    );

  return (
    <InlineForm
      form={form}
      onSubmit={onSubmit}
      submit={`Record as ${outcome === 'made' ? 'made' : 'cancelled'}`}
      label={label}
      onBack={onBack}
    >
      <Field
        ref={first}
        label={outcome === 'made' ? 'Made on' : 'Cancelled on'}
        type="date"
        required
        {...form.field('on')}
      />
      <Field label="Note" {...form.field('note')} maxLength={2000} />
    </InlineForm>
  );
}
