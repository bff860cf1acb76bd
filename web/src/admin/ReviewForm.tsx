// ReviewForm: records a reviewer's note on one emergency access.
import { useState, type SubmitEvent } from 'react';
import { breakGlassReviewSchema } from '../../../src/schemas/auth.ts';
import { api } from '../api/client.ts';
import { Field } from '../ui/Field.tsx';
import { FormProblem } from '../ui/FormProblem.tsx';
import { useFormSubmit, zodErrors } from '../ui/use-form-submit.ts';

interface ReviewFormProps {
  grantId: string;
  who: string;
  onReviewed: () => void;
}

/** "Review note" and "Record review". */
export function ReviewForm({ grantId, who, onReviewed }: ReviewFormProps) {
  const form = useFormSubmit();
  const [note, setNote] = useState('');
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const parsed = breakGlassReviewSchema.safeParse({ note });
    void form.submit(
      async () => {
        await api.post(`/break-glass/${grantId}/review`, { note: note.trim() });
        onReviewed();
      },
      parsed.success ? {} : zodErrors(parsed.error),
    );
  };
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="stack inline-form"
      aria-label={`Review emergency access by ${who}`}
    >
      <FormProblem problem={form.problem} localErrors={form.localErrorCount} />
      <Field
        label="Review note"
        multiline
        value={note}
        onValue={setNote}
        error={form.errors.note}
        hint="Was the access justified? Any follow-up?"
        required
      />
      <div className="actions">
        <button type="submit" disabled={form.busy}>
          Record review
        </button>
      </div>
    </form>
  );
}
