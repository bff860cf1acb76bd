// RecordWasteForm: "Record waste": the rest of an opened container discarded, signed by a re-authenticated witness.
import { openMg } from '../../../src/domain/ledger/index.ts';
import { Field } from '../ui/Field.tsx';
import { optionalText, toNumber } from './cd-format.ts';
import type { EntryFormContext } from './entry-form-context.ts';
import { EntryFormFrame } from './EntryFormFrame.tsx';
import { QuantityFields } from './QuantityFields.tsx';
import { useEntryForm } from './use-entry-form.ts';

const WASTE_ERRORS = ['quantity.mg', 'quantity', 'quantity.containers'];

/** The entry's own part of a waste: the mg and the reason. */
function wasteBody(v: { mg: string; reason: string }) {
  const wasted = toNumber(v.mg);
  const why = optionalText(v.reason);
  return { ...(wasted === undefined ? {} : { quantity: { mg: wasted } }), ...(why ? { reason: why } : {}) };
}

/** Waste (mg), Reason and the witness; sealed stock is destroyed, not wasted. */
export function RecordWasteForm({ ctx }: { ctx: EntryFormContext }) {
  // A dosing session stopped early links here with the mg still to waste (`?waste=14`).
  const linked = new URLSearchParams(window.location.search).get('waste') ?? '';
  const entry = useEntryForm(ctx, 'waste', { containers: '', mg: '', reason: '' }, wasteBody, { mg: linked });
  const { form } = entry;

  const onSubmit = () =>
    entry.record(toNumber(form.values.mg) === undefined ? { 'quantity.mg': 'Enter the mg wasted' } : {});

  return (
    <EntryFormFrame
      id="cd-waste"
      title="Record waste"
      intro={`The remainder of an opened ${ctx.product.containerName}, discarded. Sealed stock is destroyed, not wasted.`}
      submitLabel="Record waste"
      entry={entry}
      ctx={ctx}
      onSubmit={onSubmit}
    >
      <div className="grid-2">
        <QuantityFields
          values={form.values}
          onValue={form.set}
          errors={form.errors}
          containers={null}
          mg={{
            label: 'Waste (mg)',
            hint: `${openMg(ctx.balance, ctx.product)} mg is in opened ${ctx.product.containerName}s now`,
            errorKeys: WASTE_ERRORS,
          }}
          required
        />
        <Field label="Reason" {...form.field('reason')} />
      </div>
    </EntryFormFrame>
  );
}
