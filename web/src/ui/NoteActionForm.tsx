// NoteActionForm: one button that records an action (acknowledge an alert, complete a task) with an optional note.
import { useId, useState, type SubmitEvent } from 'react';
import { api } from '../api/client.ts';
import { useFormSubmit } from './use-form-submit.ts';

interface NoteActionFormProps {
  /** The API path to POST `{ note? }` to. */
  path: string;
  /** The button's text, e.g. "Acknowledge" or "Complete". */
  button: string;
  /** The form's accessible name, saying what the action applies to. */
  label: string;
  onDone: () => void;
}

/** "Note (optional)" and the action button, on one line; the server's refusal is shown beneath. */
export function NoteActionForm({ path, button, label, onDone }: NoteActionFormProps) {
  const form = useFormSubmit();
  const id = useId();
  const [note, setNote] = useState('');
  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    void form.submit(async () => {
      const trimmed = note.trim();
      await api.post(path, trimmed ? { note: trimmed } : {});
      onDone();
    });
  };
  const problem = form.errors.note ?? (form.problem ? (form.problem.detail ?? form.problem.title) : null);
  return (
    <form onSubmit={onSubmit} noValidate className="note-action" aria-label={label}>
      <label htmlFor={id} className="note-action-label">
        Note (optional)
      </label>
      <input
        id={id}
        type="text"
        value={note}
        maxLength={1000}
        onChange={(e) => {
          setNote(e.target.value);
        }}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-error` : undefined}
      />
      <button type="submit" className="button-small" disabled={form.busy}>
        {button}
      </button>
      {problem ? (
        <p className="field-error note-action-error" id={`${id}-error`}>
          {problem}
        </p>
      ) : null}
    </form>
  );
}
