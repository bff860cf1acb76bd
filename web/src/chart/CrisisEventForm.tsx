// CrisisEventForm: record a crisis event (emergency attendance, crisis-team contact, admission…): what, when, a note.
import { useState } from 'react';
import { createCrisisEventSchema } from '../../../src/schemas/outcomes.ts';
import { api } from '../api/client.ts';
import { Field } from '../ui/Field.tsx';
import { Form } from '../ui/Form.tsx';
import { localDate } from '../ui/local-date.ts';
import { SavedNote } from '../ui/SavedNote.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import { useForm } from '../ui/use-form.ts';
import type { NewCrisisEvent, OutcomeEventKinds } from './outcome-record-types.ts';

interface CrisisEventFormProps {
  patientId: string;
  kinds: OutcomeEventKinds['crisisKinds'];
  onRecorded: () => void;
}

const toBody = ({
  kind,
  occurredOn,
  note,
}: {
  kind: string;
  occurredOn: string;
  note: string;
}): NewCrisisEvent => ({
  kind,
  occurredOn,
  ...(note.trim() ? { note: note.trim() } : {}),
});

/** "Kind of event", "Occurred on" (not after today), "Note" and "Record crisis event". */
export function CrisisEventForm({ patientId, kinds, onRecorded }: CrisisEventFormProps) {
  const form = useForm(createCrisisEventSchema, { kind: '', occurredOn: localDate(), note: '' }, { toBody });
  const [recorded, setRecorded] = useState(false);

  const onSubmit = () => {
    setRecorded(false);
    const own: Record<string, string> = {};
    if (!kinds.some((k) => k.id === form.values.kind)) own.kind = 'Choose the kind of event';
    if (!form.values.occurredOn) own.occurredOn = 'Enter the date it happened';
    void form.send(async (body) => {
      await api.post(`/patients/${encodeURIComponent(patientId)}/crisis-events`, body);
      setRecorded(true);
      form.clear('occurredOn');
      onRecorded();
    }, own);
  };

  return (
    <Form form={form} onSubmit={onSubmit} submit="Record crisis event" label="Record crisis event">
      <SavedNote text={recorded && 'Crisis event recorded.'} />
      <div className="field-grid">
        <SelectField
          label="Kind of event"
          {...form.field('kind')}
          placeholder="Choose…"
          required
          options={kinds.map((k) => ({ value: k.id, label: k.label }))}
        />
        <Field label="Occurred on" type="date" required max={localDate()} {...form.field('occurredOn')} />
      </div>
      <Field label="Note" multiline maxLength={2000} {...form.field('note')} />
    </Form>
  );
}
