// CrisisEventForm: record a crisis event (emergency attendance, crisis-team contact, admission…): what, when, a note.
import { useState, type SubmitEvent } from 'react';
import { api } from '../api/client.ts';
import { Field } from '../ui/Field.tsx';
import { FormProblem } from '../ui/FormProblem.tsx';
import { localDate } from '../ui/local-date.ts';
import { SelectField } from '../ui/SelectField.tsx';
import { useFormSubmit } from '../ui/use-form-submit.ts';
import type { NewCrisisEvent, OutcomeEventKinds } from './outcome-record-types.ts';

interface CrisisEventFormProps {
  patientId: string;
  kinds: OutcomeEventKinds['crisisKinds'];
  onRecorded: () => void;
}

/** "Kind of event", "Occurred on" (not after today), "Note" and "Record crisis event". */
export function CrisisEventForm({ patientId, kinds, onRecorded }: CrisisEventFormProps) {
  const form = useFormSubmit();
  const [kind, setKind] = useState('');
  const [occurredOn, setOccurredOn] = useState(() => localDate());
  const [note, setNote] = useState('');
  const [recorded, setRecorded] = useState(false);

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    setRecorded(false);
    const localErrors: Record<string, string> = {};
    if (!kinds.some((k) => k.id === kind)) localErrors.kind = 'Choose the kind of event';
    if (!occurredOn) localErrors.occurredOn = 'Enter the date it happened';
    void form
      .submit(async () => {
        const body: NewCrisisEvent = {
          kind,
          occurredOn,
          ...(note.trim() ? { note: note.trim() } : {}),
        };
        await api.post(`/patients/${encodeURIComponent(patientId)}/crisis-events`, body);
      }, localErrors)
      .then((ok) => {
        if (!ok) return;
        setRecorded(true);
        setKind('');
        setNote('');
        onRecorded();
      });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-label="Record crisis event">
      <FormProblem problem={form.problem} localErrors={form.localErrorCount} />
      {recorded ? (
        <p className="saved-note" role="status">
          Crisis event recorded.
        </p>
      ) : null}
      <div className="field-grid">
        <SelectField
          label="Kind of event"
          value={kind}
          onValue={setKind}
          placeholder="Choose…"
          required
          options={kinds.map((k) => ({ value: k.id, label: k.label }))}
          error={form.errors.kind}
        />
        <Field
          label="Occurred on"
          type="date"
          required
          max={localDate()}
          value={occurredOn}
          onValue={setOccurredOn}
          error={form.errors.occurredOn}
        />
      </div>
      <Field
        label="Note"
        multiline
        maxLength={2000}
        value={note}
        onValue={setNote}
        error={form.errors.note}
      />
      <div className="actions">
        <button type="submit" disabled={form.busy}>
          Record crisis event
        </button>
      </div>
    </form>
  );
}
