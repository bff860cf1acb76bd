// InlineForm: the small form that opens in place of a row's action buttons, with "Back" beside its submit button.
import { useEffect, useRef, type ReactNode } from 'react';
import { Form } from './Form.tsx';
import type { FormSubmit } from './use-form-submit.ts';

interface InlineFormProps {
  form: Pick<FormSubmit, 'busy' | 'problem' | 'localErrorCount'>;
  onSubmit: () => void;
  submit: string;
  /** The form's accessible name, naming the row it acts on. */
  label: string;
  onBack: () => void;
  children: ReactNode;
}

/** A ref for the field to focus when the inline form opens, so keyboard users land in it. */
export function useFocusOnOpen() {
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    first.current?.focus();
  }, []);
  return first;
}

/** The fields, then the small submit button and "Back". */
export function InlineForm({ form, onSubmit, submit, label, onBack, children }: InlineFormProps) {
  return (
    <Form
      form={form}
      onSubmit={onSubmit}
      submit={submit}
      label={label}
      className="stack status-change"
      submitClassName="button-small"
      actions={
        <button type="button" className="button-small button-secondary" onClick={onBack}>
          Back
        </button>
      }
    >
      {children}
    </Form>
  );
}
