// LossForm: "Record loss": stock found missing or broken, with whether theft is suspected; the report steps follow.
import { Checkbox } from '../ui/Checkbox.tsx';
import { Field } from '../ui/Field.tsx';
import { optionalText, sealedPlusOpened, toNumber } from './cd-format.ts';
import type { EntryFormContext } from './entry-form-context.ts';
import { EntryFormFrame } from './EntryFormFrame.tsx';
import { QuantityFields } from './QuantityFields.tsx';
import { useEntryForm } from './use-entry-form.ts';

const EMPTY = { containers: '', mg: '', theft: false, details: '' };

/** Containers, Opened mg, Suspected theft, Details. */
export function LossForm({ ctx }: { ctx: EntryFormContext }) {
  const entry = useEntryForm(ctx, 'loss', EMPTY, (v) => {
    const sealed = toNumber(v.containers) ?? 0;
    const openedMg = toNumber(v.mg);
    const why = optionalText(v.details);
    return {
      quantity:
        openedMg === undefined
          ? { containers: sealed }
          : { containers: sealed, mg: sealedPlusOpened(sealed, openedMg, ctx.product) },
      theft: v.theft,
      ...(why ? { reason: why } : {}),
    };
  });
  const { form } = entry;

  const onSubmit = () => {
    const own: Record<string, string> = {};
    if (toNumber(form.values.containers) === undefined && toNumber(form.values.mg) === undefined)
      own['quantity.containers'] = 'Enter the containers, the opened mg, or both';
    if (!optionalText(form.values.details)) own.reason = 'Say what happened';
    entry.record(own);
  };

  return (
    <EntryFormFrame
      id="cd-loss"
      title="Record loss"
      intro="Stock that is missing, broken or spilt, recorded now it is discovered. The report steps and their deadlines are shown once it is recorded."
      submitLabel="Record loss"
      entry={entry}
      ctx={ctx}
      onSubmit={onSubmit}
    >
      <div className="grid-2">
        <QuantityFields
          values={form.values}
          onValue={form.set}
          errors={form.errors}
          containers={{ label: 'Containers', hint: `Sealed ${ctx.product.containerName}s lost` }}
          mg={{ label: 'Opened mg', hint: `Lost from opened ${ctx.product.containerName}s, if any` }}
        />
      </div>
      <Checkbox label="Suspected theft" checked={form.values.theft} onChecked={form.set('theft')} />
      <Field
        label="Details"
        multiline
        {...form.field('details')}
        error={form.errors.reason}
        hint="What happened, and how it was found"
        required
      />
    </EntryFormFrame>
  );
}
