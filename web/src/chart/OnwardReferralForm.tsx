// OnwardReferralForm: record a referral on to another service: where, when it was decided, its target time, why.
import { sourceText } from '../../../src/domain/core/source-text.ts';
import { useState } from 'react';
import { createReferralSchema } from '../../../src/schemas/outcomes.ts';
import { api } from '../api/client.ts';
import { Field } from '../ui/Field.tsx';
import { Form } from '../ui/Form.tsx';
import { localDate } from '../ui/local-date.ts';
import { SavedNote } from '../ui/SavedNote.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import { useForm } from '../ui/use-form.ts';
import type { NewReferral, OutcomeEventKinds } from './outcome-record-types.ts';

interface OnwardReferralFormProps {
  patientId: string;
  destinations: OutcomeEventKinds['referralDestinations'];
  onRecorded: () => void;
}

type Values = { destination: string; decidedOn: string; targetDays: string; reason: string };

const toBody = (v: Values): NewReferral => ({
  destination: v.destination,
  decidedOn: v.decidedOn,
  targetDays: Number(v.targetDays),
  ...(v.reason.trim() ? { reason: v.reason.trim() } : {}),
});

/** The form's own messages: a destination from the list, a date, and whole days. */
function ownErrors(v: Values, known: boolean): Record<string, string> {
  const days = Number(v.targetDays);
  const own: Record<string, string> = {};
  if (!known) own.destination = 'Choose where the referral is to';
  if (!v.decidedOn) own.decidedOn = 'Enter the date the referral was decided';
  if (v.targetDays.trim() === '' || !Number.isInteger(days) || days < 0 || days > 365)
    own.targetDays = 'Enter whole days from 0 to 365';
  return own;
}

/** "Destination", "Decided on", "Target (days)", "Reason" and "Record referral". */
export function OnwardReferralForm({ patientId, destinations, onRecorded }: OnwardReferralFormProps) {
  const initial: Values = { destination: '', decidedOn: localDate(), targetDays: '', reason: '' };
  const form = useForm(createReferralSchema, initial, { toBody });
  const [recorded, setRecorded] = useState(false);
  const chosen = destinations.find((d) => d.id === form.values.destination);

  const choose = (id: string) => {
    // A destination with a published target time prefills it; the clinician may still change it.
    const target = destinations.find((d) => d.id === id)?.defaultTargetDays;
    form.setValues((v) => ({
      ...v,
      destination: id,
      ...(target === null || target === undefined ? {} : { targetDays: String(target) }),
    }));
  };

  const onSubmit = () => {
    setRecorded(false);
    void form.send(
      async (body) => {
        await api.post(`/patients/${encodeURIComponent(patientId)}/onward-referrals`, body);
        setRecorded(true);
        form.clear('decidedOn');
        onRecorded();
      },
      ownErrors(form.values, chosen !== undefined),
    );
  };

  return (
    <Form form={form} onSubmit={onSubmit} submit="Record referral" label="Record onward referral">
      <SavedNote text={recorded && 'Referral recorded.'} />
      <div className="field-grid">
        <SelectField
          label="Destination"
          {...form.field('destination')}
          onValue={choose}
          placeholder="Choose…"
          required
          options={destinations.map((d) => ({ value: d.id, label: d.label }))}
        />
        <Field label="Decided on" type="date" required {...form.field('decidedOn')} />
        <Field
          label="Target (days)"
          type="number"
          inputMode="numeric"
          min={0}
          max={365}
          step={1}
          required
          {...form.field('targetDays')}
          hint={targetHint(chosen)}
        />
      </div>
      <Field label="Reason" multiline maxLength={2000} {...form.field('reason')} />
      {form.errors.decisionId ? <p className="field-error">{form.errors.decisionId}</p> : null}
    </Form>
  );
}

/** Where the prefilled target time comes from, so it can be checked against the service's own pathway. */
function targetHint(chosen: OutcomeEventKinds['referralDestinations'][number] | undefined): string {
  if (!chosen) return 'Days from the decision by which the referral should be made.';
  const prefilled =
    chosen.defaultTargetDays === null ? 'No default target' : `Default ${chosen.defaultTargetDays} days`;
  return `${prefilled}. Source: ${sourceText(chosen.source)}`;
}
