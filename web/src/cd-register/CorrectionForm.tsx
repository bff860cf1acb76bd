// CorrectionForm: "Correct an entry": a new dated entry saying what an earlier one should have said; the original stays.
import { useState, type SubmitEvent } from 'react';
import { quantityText } from '../../../src/domain/ledger/format.ts';
import { QUANTITY_RULES } from '../../../src/domain/ledger/index.ts';
import { api } from '../api/client.ts';
import { Field } from '../ui/Field.tsx';
import { formatDate } from '../ui/format.ts';
import { SelectField } from '../ui/SelectField.tsx';
import { useFormSubmit } from '../ui/use-form-submit.ts';
import { KIND_LABELS, optionalText, toNumber } from './cd-format.ts';
import type { EntryBody, EntryWritten, RegisterLine } from './cd-types.ts';
import { blankWitnesses, firstError, localErrors, type EntryFormContext } from './entry-form-context.ts';
import { EntryFormFrame } from './EntryFormFrame.tsx';
import { witnessRequest } from './witness-input.ts';
import { WitnessFields } from './WitnessFields.tsx';

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

/** Entry (by seq), Corrected containers / Corrected mg, Reason, and the witness. */
export function CorrectionForm({ ctx }: { ctx: EntryFormContext }) {
  const form = useFormSubmit();
  const [entryId, setEntryId] = useState('');
  const [containers, setContainers] = useState('');
  const [mg, setMg] = useState('');
  const [reason, setReason] = useState('');
  const [witnesses, setWitnesses] = useState(() => blankWitnesses(ctx.settings, 'correction'));
  const { product } = ctx;
  // Only an original made at this location can be corrected from here (a correction is never corrected).
  const correctable = ctx.lines.filter(
    (l) => l.entry.kind !== 'correction' && l.entry.locationId === ctx.location.id,
  );
  const target = correctable.find((l) => l.entry.id === entryId);
  const figures = figuresFor(target);
  const options = [...correctable].reverse().map((l) => ({
    value: l.entry.id,
    label: `Entry ${l.entry.seq}: ${KIND_LABELS[l.entry.kind]}, ${quantityText(l.entry.kind, l.standing ?? l.entry.quantity, product)} (${formatDate(l.entry.occurredAt)})`,
  }));

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    const signed = witnessRequest(witnesses);
    const sealed = figures.containers ? toNumber(containers) : undefined;
    const total = figures.mg ? toNumber(mg) : undefined;
    const why = optionalText(reason);
    const quantity = {
      ...(sealed === undefined ? {} : { containers: sealed }),
      ...(total === undefined ? {} : { mg: total }),
    };
    const body: EntryBody = {
      kind: 'correction',
      productId: product.id,
      locationId: ctx.location.id,
      ...(entryId ? { correctsEntryId: entryId } : {}),
      ...(Object.keys(quantity).length > 0 ? { quantity } : {}),
      ...(why ? { reason: why } : {}),
      ...signed.body,
    };
    const own = { ...signed.errors };
    if (!entryId) own.correctsEntryId = 'Choose the entry to correct';
    void form.submit(
      async () => {
        const written = await api.post<EntryWritten>('/cd-register/entries', body);
        setEntryId('');
        setContainers('');
        setMg('');
        setReason('');
        setWitnesses(blankWitnesses(ctx.settings, 'correction'));
        ctx.onRecorded(written);
      },
      localErrors(body, own),
    );
  };

  return (
    <EntryFormFrame
      id="cd-correction"
      title="Correct an entry"
      intro="Say what the entry should have said. The original stays as written, struck through, with this correction as a dated note; 0 voids it."
      submitLabel="Record correction"
      form={form}
      ctx={ctx}
      onSubmit={onSubmit}
    >
      <SelectField
        label="Entry to correct"
        value={entryId}
        onValue={setEntryId}
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
        {figures.containers ? (
          <Field
            label="Corrected containers"
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            value={containers}
            onValue={setContainers}
            error={firstError(form.errors, 'quantity.containers', 'quantity')}
            hint="Leave blank to keep the recorded figure"
          />
        ) : null}
        {figures.mg ? (
          <Field
            label="Corrected mg"
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            value={mg}
            onValue={setMg}
            error={firstError(form.errors, 'quantity.mg', ...(figures.containers ? [] : ['quantity']))}
          />
        ) : null}
      </div>
      <Field
        label="Reason"
        multiline
        value={reason}
        onValue={setReason}
        error={form.errors.reason}
        hint='Why the entry was wrong, e.g. "Typing error: 30 mg given"'
        required
      />
      <WitnessFields values={witnesses} onValues={setWitnesses} errors={form.errors} />
    </EntryFormFrame>
  );
}
