// ReviewForm: records a reviewer's note on one emergency access.
import { breakGlassReviewSchema } from '../../../src/schemas/auth.ts';
import { api } from '../api/client.ts';
import { Field } from '../ui/Field.tsx';
import { Form } from '../ui/Form.tsx';
import { useForm } from '../ui/use-form.ts';

interface ReviewFormProps {
  grantId: string;
  who: string;
  onReviewed: () => void;
}

/** "Review note" and "Record review". */
export function ReviewForm({ grantId, who, onReviewed }: ReviewFormProps) {
  const form = useForm(breakGlassReviewSchema, { note: '' });
  const onSubmit = () =>
    void form.send(async ({ note }) => {
      await api.post(`/break-glass/${grantId}/review`, { note: note.trim() });
      onReviewed();
    });
  return (
    <Form
      form={form}
      onSubmit={onSubmit}
      submit="Record review"
      label={`Review emergency access by ${who}`}
      className="stack inline-form"
    >
      <Field
        label="Review note"
        multiline
        {...form.field('note')}
        hint="Was the access justified? Any follow-up?"
        required
      />
    </Form>
  );
}
