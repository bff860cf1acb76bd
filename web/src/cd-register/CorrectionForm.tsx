// CorrectionForm: "Correct an entry": a new dated entry saying what an earlier one should have said; the original stays.
import { quantityText } from '../../../src/domain/ledger/format.ts';
import { QUANTITY_RULES } from '../../../src/domain/ledger/index.ts';
import { Field } from '../ui/Field.tsx';
import { formatDate } from '../ui/format.ts';
import { SelectField } from '../ui/SelectField.tsx';
import { KIND_LABELS, optionalText, toNumber } from './cd-format.ts';
import type { RegisterLine } from './cd-types.ts';
import type { EntryFormContext } from './entry-form-context.ts';
import { EntryFormFrame } from './EntryFormFrame.tsx';
import { QuantityFields } from './QuantityFields.tsx';
import { useEntryForm } from './use-entry-form.ts';

/** Which figures a correction of this kind takes: containers for sealed stock, mg for a draw, both otherwise. */
function figuresFor(line: RegisterLine | undefined): { containers: boolean; mg: boolean; hint: string } {
  const kind = line?.entry.kind;
  if (kind === undefined || kind === 'correction') return { containers: true, mg: true, hint: '' };
  switch (QUANTITY_RULES[kind]) {
    case 'sealed':
      return { containers: true, mg: false, hint: 'Whole containers; the mg follows from them.' };
    case 'draw':
      return { containers: false, mg: true, hint: 'The mg drawn or wasted.' };
    case 'count':
    case 'removal':
      return { containers: true, mg: true, hint: 'Sealed containers, and mg in all (sealed plus opened).' };
  }
}

const EMPTY = { entryId: '', containers: '', mg: '', reason: '' };

/** Entry (by seq), Corrected containers / Corrected mg, Reason, and the witness. */
export function CorrectionForm({ ctx }: { ctx: EntryFormContext }) {
  const { product } = ctx;
  // Only an original made at this location can be corrected from here (a correction is never corrected).
  const correctable = ctx.lines.filter(
    (l) => l.entry.kind !== 'correction' && l.entry.locationId === ctx.location.id,
  );
  const figuresOf = (entryId: string) => figuresFor(correctable.find((l) => l.entry.id === entryId));
  const entry = useEntryForm(ctx, 'correction', EMPTY, (v) => {
    const figures = figuresOf(v.entryId);
    const sealed = figures.containers ? toNumber(v.containers) : undefined;
    const total = figures.mg ? toNumber(v.mg) : undefined;
    const why = optionalText(v.reason);
    const quantity = {
      ...(sealed === undefined ? {} : { containers: sealed }),
      ...(total === undefined ? {} : { mg: total }),
    };
    return {
      ...(v.entryId ? { correctsEntryId: v.entryId } : {}),
      ...(Object.keys(quantity).length > 0 ? { quantity } : {}),
      ...(why ? { reason: why } : {}),
    };
  });
  const { form } = entry;
  const target = correctable.find((l) => l.entry.id === form.values.entryId);
  const figures = figuresFor(target);
  const options = [...correctable].reverse().map((l) => ({
    value: l.entry.id,
    label: `Entry ${l.entry.seq}: ${KIND_LABELS[l.entry.kind]}, ${quantityText(l.entry.kind, l.standing ?? l.entry.quantity, product)} (${formatDate(l.entry.occurredAt)})`,
  }));

  const onSubmit = () =>
    entry.record(form.values.entryId ? {} : { correctsEntryId: 'Choose the entry to correct' });

  return (
    <EntryFormFrame
      id="cd-correction"
      title="Correct an entry"
      intro="Say what the entry should have said. The original stays as written, struck through, with this correction as a dated note; 0 voids it."
      submitLabel="Record correction"
      entry={entry}
      ctx={ctx}
      onSubmit={onSubmit}
    >
      <SelectField
        label="Entry to correct"
        {...form.field('entryId')}
        options={options}
        placeholder="Choose an entry"
        error={form.errors.correctsEntryId}
        required
      />
      {target ? (
        <p className="hint">
          Entry {target.entry.seq} now reads{' '}
          {quantityText(target.entry.kind, target.standing ?? target.entry.quantity, product)}. {figures.hint}
        </p>
      ) : null}
      <div className="grid-2">
        <QuantityFields
          values={form.values}
          onValue={form.set}
          errors={form.errors}
          containers={
            figures.containers
              ? { label: 'Corrected containers', hint: 'Leave blank to keep the recorded figure' }
              : null
          }
          mg={
            figures.mg
              ? {
                  label: 'Corrected mg',
                  errorKeys: ['quantity.mg', ...(figures.containers ? [] : ['quantity'])],
                }
              : null
          }
        />
      </div>
      <Field
        label="Reason"
        multiline
        {...form.field('reason')}
        hint='Why the entry was wrong, e.g. "Typing error: 30 mg given"'
        required
      />
    </EntryFormFrame>
  );
}
