// RetractCrisisEventForm: the inline form behind "Retract": why the event was recorded in error.
import { retractCrisisEventSchema } from '../../../src/schemas/outcomes.ts';
import { api } from '../api/client.ts';
import { Field } from '../ui/Field.tsx';
import { InlineForm, useFocusOnOpen } from '../ui/InlineForm.tsx';
import { useForm } from '../ui/use-form.ts';

interface RetractCrisisEventFormProps {
  eventId: string;
  /** The form's accessible name, naming the event. */
  label: string;
  onDone: () => void;
  onBack: () => void;
}

/** "Reason for retraction", then "Retract event" and "Back". The event stays on the record, struck through. */
export function RetractCrisisEventForm({ eventId, label, onDone, onBack }: RetractCrisisEventFormProps) {
  const form = useForm(
    retractCrisisEventSchema,
    { reason: '' },
    { toBody: (v) => ({ reason: v.reason.trim() }) },
  );
  const first = useFocusOnOpen();

  const onSubmit = () =>
    void form.send(async (body) => {
      await api.post(`/crisis-events/${encodeURIComponent(eventId)}/retraction`, body);
      onDone();
    });

  return (
    <InlineForm form={form} onSubmit={onSubmit} submit="Retract event" label={label} onBack={onBack}>
      <Field ref={first} label="Reason for retraction" required maxLength={1000} {...form.field('reason')} />
    </InlineForm>
  );
}
