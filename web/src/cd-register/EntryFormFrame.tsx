// EntryFormFrame: the heading, refusal summary, stock figures, witnesses and submit button every register entry form shares.
import type { ReactNode } from 'react';
import { Form } from '../ui/Form.tsx';
import type { EntryFormContext } from './entry-form-context.ts';
import { StockRefusal } from './StockRefusal.tsx';
import type { EntryForm } from './use-entry-form.ts';
import { WitnessFields } from './WitnessFields.tsx';

interface EntryFormFrameProps<V> {
  id: string;
  title: string;
  intro: ReactNode;
  submitLabel: string;
  entry: EntryForm<V>;
  ctx: EntryFormContext;
  /** Called on submit with nothing sent yet: usually `entry.record(ownMessages)`. */
  onSubmit: () => void;
  children: ReactNode;
}

/** <form> named by its h2; the server's refusal (with any stock numbers) at the top, the witnesses last. */
export function EntryFormFrame<V>({
  id,
  title,
  intro,
  submitLabel,
  entry: { form },
  ctx,
  onSubmit,
  children,
}: EntryFormFrameProps<V>) {
  return (
    <Form
      form={form}
      onSubmit={onSubmit}
      submit={submitLabel}
      labelledBy={`${id}-heading`}
      head={
        <>
          <h2 id={`${id}-heading`}>{title}</h2>
          <p className="hint">{intro}</p>
        </>
      }
    >
      <StockRefusal problem={form.problem} product={ctx.product} catalog={ctx.catalog} />
      {children}
      <WitnessFields
        values={form.values.witnesses}
        onValues={(witnesses) => form.setValues((v) => ({ ...v, witnesses }))}
        errors={form.errors}
      />
    </Form>
  );
}
