// CountForm: "Run a count": what is in the cupboard against what the register shows; a difference needs explaining.
import { openMg } from '../../../src/domain/ledger/index.ts';
import { Field } from '../ui/Field.tsx';
import { containersText, optionalText, sealedPlusOpened, toNumber } from './cd-format.ts';
import { firstError, type EntryFormContext } from './entry-form-context.ts';
import { EntryFormFrame } from './EntryFormFrame.tsx';
import { QuantityFields } from './QuantityFields.tsx';
import { useEntryForm } from './use-entry-form.ts';

const EMPTY = { containers: '', mg: '', explanation: '' };

/** Counted containers and opened mg beside the register's figures, an explanation, and the witness. */
export function CountForm({ ctx }: { ctx: EntryFormContext }) {
  const { balance, product } = ctx;
  const entry = useEntryForm(ctx, 'count', EMPTY, (v) => {
    const sealed = toNumber(v.containers);
    const openedMg = toNumber(v.mg);
    const why = optionalText(v.explanation);
    return {
      ...(sealed === undefined || openedMg === undefined
        ? {}
        : { quantity: { containers: sealed, mg: sealedPlusOpened(sealed, openedMg, product) } }),
      // The balance the counter saw: refused with register-changed if an entry lands in between.
      expected: { containers: balance.containers, mg: balance.mg },
      ...(why ? { reason: why } : {}),
    };
  });
  const { form } = entry;

  const onSubmit = () => {
    const own: Record<string, string> = {};
    if (toNumber(form.values.containers) === undefined)
      own['quantity.containers'] = 'Enter the sealed containers counted (0 if none)';
    if (toNumber(form.values.mg) === undefined)
      own['quantity.mg'] = 'Enter the mg in opened containers (0 if none)';
    entry.record(own);
  };

  return (
    <EntryFormFrame
      id="cd-count"
      title="Run a count"
      intro={`Count what is in ${ctx.location.name} now. If it differs from the register, explain why: the balance moves to what you counted.`}
      submitLabel="Record count"
      entry={entry}
      ctx={ctx}
      onSubmit={onSubmit}
    >
      <div className="cd-count-grid">
        <div className="cd-expected" role="group" aria-label="The register shows">
          <p className="label">The register shows</p>
          <p className="cd-expected-figure">{containersText(balance.containers, product)} sealed</p>
          <p className="cd-expected-figure">{openMg(balance, product)} mg opened</p>
          <p className="hint">{balance.mg} mg in all</p>
        </div>
        <QuantityFields
          values={form.values}
          onValue={form.set}
          errors={form.errors}
          containers={{ label: 'Counted containers', hint: `Sealed ${product.containerName}s` }}
          mg={{ label: 'Counted mg (opened)', hint: `In opened ${product.containerName}s` }}
          required
        />
      </div>
      <Field
        label="Explanation of any discrepancy"
        multiline
        {...form.field('explanation')}
        error={firstError(form.errors, 'reason', 'expected')}
        hint="Needed when the count differs from the register."
      />
    </EntryFormFrame>
  );
}
