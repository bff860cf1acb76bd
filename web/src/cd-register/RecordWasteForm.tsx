// RecordWasteForm: "Record waste": the rest of an opened container discarded, signed by a re-authenticated witness.
import { useState, type SubmitEvent } from 'react';
import { openMg } from '../../../src/domain/ledger/index.ts';
import { api } from '../api/client.ts';
import { Field } from '../ui/Field.tsx';
import { useFormSubmit } from '../ui/use-form-submit.ts';
import { optionalText, toNumber } from './cd-format.ts';
import type { EntryBody, EntryWritten } from './cd-types.ts';
import { blankWitnesses, firstError, localErrors, type EntryFormContext } from './entry-form-context.ts';
import { EntryFormFrame } from './EntryFormFrame.tsx';
import { witnessRequest } from './witness-input.ts';
import { WitnessFields } from './WitnessFields.tsx';

/** Waste (mg), Reason and the witness; sealed stock is destroyed, not wasted. */
export function RecordWasteForm({ ctx }: { ctx: EntryFormContext }) {
  const form = useFormSubmit();
  // A dosing session stopped early links here with the mg still to waste (`?waste=14`).
  const [mg, setMg] = useState(() => new URLSearchParams(window.location.search).get('waste') ?? '');
  const [reason, setReason] = useState('');
  const [witnesses, setWitnesses] = useState(() => blankWitnesses(ctx.settings, 'waste'));

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    const signed = witnessRequest(witnesses);
    const wasted = toNumber(mg);
    const why = optionalText(reason);
    const body: EntryBody = {
      kind: 'waste',
      productId: ctx.product.id,
      locationId: ctx.location.id,
      ...(wasted === undefined ? {} : { quantity: { mg: wasted } }),
      ...(why ? { reason: why } : {}),
      ...signed.body,
    };
    const own = { ...signed.errors };
    if (wasted === undefined) own['quantity.mg'] = 'Enter the mg wasted';
    void form.submit(
      async () => {
        const written = await api.post<EntryWritten>('/cd-register/entries', body);
        setMg('');
        setReason('');
        setWitnesses(blankWitnesses(ctx.settings, 'waste'));
        ctx.onRecorded(written);
      },
      localErrors(body, own),
    );
  };

  return (
    <EntryFormFrame
      id="cd-waste"
      title="Record waste"
      intro={`The remainder of an opened ${ctx.product.containerName}, discarded. Sealed stock is destroyed, not wasted.`}
      submitLabel="Record waste"
      form={form}
      ctx={ctx}
      onSubmit={onSubmit}
    >
      <div className="grid-2">
        <Field
          label="Waste (mg)"
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          value={mg}
          onValue={setMg}
          error={firstError(form.errors, 'quantity.mg', 'quantity', 'quantity.containers')}
          hint={`${openMg(ctx.balance, ctx.product)} mg is in opened ${ctx.product.containerName}s now`}
          required
        />
        <Field label="Reason" value={reason} onValue={setReason} error={form.errors.reason} />
      </div>
      <WitnessFields values={witnesses} onValues={setWitnesses} errors={form.errors} />
    </EntryFormFrame>
  );
}
