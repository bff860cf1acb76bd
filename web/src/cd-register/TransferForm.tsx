// TransferForm: "Transfer": sealed containers (and any opened remainder) moved to another stock location.
import { useState, type SubmitEvent } from 'react';
import { api } from '../api/client.ts';
import { Field } from '../ui/Field.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import { useFormSubmit } from '../ui/use-form-submit.ts';
import { sealedPlusOpened, toNumber } from './cd-format.ts';
import type { EntryBody, EntryWritten } from './cd-types.ts';
import { blankWitnesses, firstError, localErrors, type EntryFormContext } from './entry-form-context.ts';
import { EntryFormFrame } from './EntryFormFrame.tsx';
import { witnessRequest } from './witness-input.ts';
import { WitnessFields } from './WitnessFields.tsx';

/** To location, Containers, Opened mg. */
export function TransferForm({ ctx }: { ctx: EntryFormContext }) {
  const form = useFormSubmit();
  const [to, setTo] = useState('');
  const [containers, setContainers] = useState('');
  const [opened, setOpened] = useState('');
  const [witnesses, setWitnesses] = useState(() => blankWitnesses(ctx.settings, 'transfer'));
  const destinations = ctx.catalog.locations
    .filter((l) => l.id !== ctx.location.id)
    .map((l) => ({ value: l.id, label: `${l.name}, ${l.premises}` }));

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    const signed = witnessRequest(witnesses);
    const sealed = toNumber(containers);
    const openedMg = toNumber(opened);
    const quantity =
      openedMg === undefined
        ? { containers: sealed ?? 0 }
        : { containers: sealed ?? 0, mg: sealedPlusOpened(sealed ?? 0, openedMg, ctx.product) };
    const body: EntryBody = {
      kind: 'transfer',
      productId: ctx.product.id,
      locationId: ctx.location.id,
      ...(to ? { toLocationId: to } : {}),
      quantity,
      ...signed.body,
    };
    const own = { ...signed.errors };
    if (!to) own.toLocationId = 'Choose where the stock goes';
    if (sealed === undefined && openedMg === undefined)
      own['quantity.containers'] = 'Enter the containers, the opened mg, or both';
    void form.submit(
      async () => {
        const written = await api.post<EntryWritten>('/cd-register/entries', body);
        setContainers('');
        setOpened('');
        setWitnesses(blankWitnesses(ctx.settings, 'transfer'));
        ctx.onRecorded(written);
      },
      localErrors(body, own),
    );
  };

  return (
    <EntryFormFrame
      id="cd-transfer"
      title="Transfer"
      intro={`Stock moved from ${ctx.location.name} to another location; both registers show it.`}
      submitLabel="Record transfer"
      form={form}
      ctx={ctx}
      onSubmit={onSubmit}
    >
      {destinations.length === 0 ? <p>There is no other stock location to transfer to.</p> : null}
      <div className="field-grid">
        <SelectField
          label="To location"
          value={to}
          onValue={setTo}
          options={destinations}
          placeholder="Choose a location"
          error={form.errors.toLocationId}
          required
        />
        <Field
          label="Containers"
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          value={containers}
          onValue={setContainers}
          error={firstError(form.errors, 'quantity.containers', 'quantity')}
          hint={`Sealed ${ctx.product.containerName}s`}
        />
        <Field
          label="Opened mg"
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          value={opened}
          onValue={setOpened}
          error={form.errors['quantity.mg']}
          hint={`From opened ${ctx.product.containerName}s, if any`}
        />
      </div>
      <WitnessFields values={witnesses} onValues={setWitnesses} errors={form.errors} />
    </EntryFormFrame>
  );
}
