// EntryFormFrame: the heading, refusal summary, stock figures and submit button every register entry form shares.
import type { ReactNode, SubmitEvent } from 'react';
import { FormProblem } from '../ui/FormProblem.tsx';
import type { FormSubmit } from '../ui/use-form-submit.ts';
import type { EntryFormContext } from './entry-form-context.ts';
import { StockRefusal } from './StockRefusal.tsx';

interface EntryFormFrameProps {
  id: string;
  title: string;
  intro: ReactNode;
  submitLabel: string;
  form: FormSubmit;
  ctx: EntryFormContext;
  onSubmit: (e: SubmitEvent<HTMLFormElement>) => void;
  children: ReactNode;
}

/** <form> named by its h2; the server's refusal (with any stock numbers) at the top. */
export function EntryFormFrame({
  id,
  title,
  intro,
  submitLabel,
  form,
  ctx,
  onSubmit,
  children,
}: EntryFormFrameProps) {
  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      <p className="hint">{intro}</p>
      <FormProblem problem={form.problem} localErrors={form.localErrorCount} />
      <StockRefusal problem={form.problem} product={ctx.product} catalog={ctx.catalog} />
      {children}
      <div className="actions">
        <button type="submit" disabled={form.busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
