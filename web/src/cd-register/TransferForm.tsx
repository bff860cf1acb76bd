// TransferForm: "Transfer": sealed containers (and any opened remainder) moved to another stock location.
import { SelectField } from '../ui/SelectField.tsx';
import { sealedPlusOpened, toNumber } from './cd-format.ts';
import type { EntryFormContext } from './entry-form-context.ts';
import { EntryFormFrame } from './EntryFormFrame.tsx';
import { QuantityFields } from './QuantityFields.tsx';
import { useEntryForm } from './use-entry-form.ts';

const EMPTY = { to: '', containers: '', mg: '' };

/** To location, Containers, Opened mg. */
export function TransferForm({ ctx }: { ctx: EntryFormContext }) {
  const entry = useEntryForm(ctx, 'transfer', EMPTY, (v) => {
    const sealed = toNumber(v.containers) ?? 0;
    const openedMg = toNumber(v.mg);
    return {
      ...(v.to ? { toLocationId: v.to } : {}),
      quantity:
        openedMg === undefined
          ? { containers: sealed }
          : { containers: sealed, mg: sealedPlusOpened(sealed, openedMg, ctx.product) },
    };
  });
  const { form } = entry;
  const destinations = ctx.catalog.locations
    .filter((l) => l.id !== ctx.location.id)
    .map((l) => ({ value: l.id, label: `${l.name}, ${l.premises}` }));

  const onSubmit = () => {
    const own: Record<string, string> = {};
    if (!form.values.to) own.toLocationId = 'Choose where the stock goes';
    if (toNumber(form.values.containers) === undefined && toNumber(form.values.mg) === undefined)
      own['quantity.containers'] = 'Enter the containers, the opened mg, or both';
    entry.record(own);
  };

  return (
    <EntryFormFrame
      id="cd-transfer"
      title="Transfer"
      intro={`Stock moved from ${ctx.location.name} to another location; both registers show it.`}
      submitLabel="Record transfer"
      entry={entry}
      ctx={ctx}
      onSubmit={onSubmit}
    >
      {destinations.length === 0 ? <p>There is no other stock location to transfer to.</p> : null}
      <div className="field-grid">
        <SelectField
          label="To location"
          {...form.field('to')}
          options={destinations}
          placeholder="Choose a location"
          error={form.errors.toLocationId}
          required
        />
        <QuantityFields
          values={form.values}
          onValue={form.set}
          errors={form.errors}
          containers={{ label: 'Containers', hint: `Sealed ${ctx.product.containerName}s` }}
          mg={{ label: 'Opened mg', hint: `From opened ${ctx.product.containerName}s, if any` }}
        />
      </div>
    </EntryFormFrame>
  );
}
