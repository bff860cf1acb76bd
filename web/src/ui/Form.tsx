// Form: a form's frame: no browser validation, the problem summary first, the fields, then the submit button.
import type { ReactNode, SubmitEvent } from 'react';
import { FormProblem } from './FormProblem.tsx';
import type { FormSubmit } from './use-form-submit.ts';

interface FormProps {
  form: Pick<FormSubmit, 'busy' | 'problem' | 'localErrorCount'>;
  /** Called on submit, the browser's own submission already prevented. */
  onSubmit: () => void;
  /** The submit button's text. */
  submit: string;
  /** The form's accessible name, when the page holds more than one form. */
  label?: string;
  /** The id of the heading that names the form (instead of `label`). */
  labelledBy?: string;
  /** What stands above the problem summary (the form's heading and introduction). */
  head?: ReactNode;
  className?: string;
  /** The submit button's class ("button-small" in a table row, "button-warning" for a stop). */
  submitClassName?: string;
  /** False keeps the submit button disabled (nothing to submit yet). */
  canSubmit?: boolean;
  /** Shown instead of the problem summary when a refusal is better said in the form's own words. */
  problemView?: ReactNode;
  /** Buttons after the submit button (e.g. "Cancel"). */
  actions?: ReactNode;
  children: ReactNode;
}

/** <form noValidate> with <FormProblem>, the children and the actions row. */
export function Form({
  form,
  onSubmit,
  submit,
  label,
  labelledBy,
  head,
  className = 'stack',
  submitClassName,
  problemView,
  canSubmit = true,
  actions,
  children,
}: FormProps) {
  const handle = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={handle} noValidate className={className} aria-label={label} aria-labelledby={labelledBy}>
      {head}
      {problemView ?? <FormProblem problem={form.problem} localErrors={form.localErrorCount} />}
      {children}
      <div className="actions">
        <button type="submit" className={submitClassName} disabled={form.busy || !canSubmit}>
          {submit}
        </button>
        {actions}
      </div>
    </form>
  );
}
