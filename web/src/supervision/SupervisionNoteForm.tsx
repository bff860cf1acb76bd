// SupervisionNoteForm: a supervisor's reflective note on one item, optionally signing it off.
import { useState, type SubmitEvent } from 'react';
import { api } from '../api/client.ts';
import type { SupervisionItem } from '../harm/harm-types.ts';
import { Checkbox } from '../ui/Checkbox.tsx';
import { Field } from '../ui/Field.tsx';
import { FormProblem } from '../ui/FormProblem.tsx';
import { useFormSubmit } from '../ui/use-form-submit.ts';

interface SupervisionNoteFormProps {
  item: Pick<SupervisionItem, 'itemType' | 'itemId' | 'patientName' | 'kind'>;
  /** Names the form, e.g. "Override: SMITH, Jane". */
  label: string;
  /** Called after the note is saved, saying whether it signed the item off. */
  onRecorded: (signedOff: boolean) => void;
}

/** "Reflective note", "Sign off" and "Record note". */
export function SupervisionNoteForm({ item, label, onRecorded }: SupervisionNoteFormProps) {
  const form = useFormSubmit();
  const [note, setNote] = useState('');
  const [signOff, setSignOff] = useState(false);

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    const localErrors: Record<string, string> = {};
    if (!note.trim()) localErrors.note = 'Write the note';
    void form
      .submit(async () => {
        await api.post('/supervision/notes', {
          itemType: item.itemType,
          itemId: item.itemId,
          note: note.trim(),
          signOff,
        });
      }, localErrors)
      .then((ok) => {
        if (!ok) return;
        setNote('');
        setSignOff(false);
        onRecorded(signOff);
      });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="stack supervision-form" aria-label={label}>
      <FormProblem problem={form.problem} localErrors={form.localErrorCount} />
      <Field
        label="Reflective note"
        multiline
        required
        maxLength={4000}
        value={note}
        onValue={setNote}
        error={form.errors.note}
      />
      {/* Overdue reviews close when the person is re-assessed, not by sign-off. */}
      {item.itemType === 'decision' ? (
        <Checkbox label="Sign off" checked={signOff} onChecked={setSignOff} />
      ) : null}
      <div className="actions">
        <button type="submit" className="button-small" disabled={form.busy}>
          Record note
        </button>
      </div>
    </form>
  );
}
