// LossForm: "Record loss": stock found missing or broken, with whether theft is suspected; the report steps follow.
import { useState, type SubmitEvent } from 'react';
import { api } from '../api/client.ts';
import { Checkbox } from '../ui/Checkbox.tsx';
import { Field } from '../ui/Field.tsx';
import { useFormSubmit } from '../ui/use-form-submit.ts';
import { optionalText, sealedPlusOpened, toNumber } from './cd-format.ts';
import type { EntryBody, EntryWritten } from './cd-types.ts';
import { blankWitnesses, firstError, localErrors, type EntryFormContext } from './entry-form-context.ts';
import { EntryFormFrame } from './EntryFormFrame.tsx';
import { witnessRequest } from './witness-input.ts';
import { WitnessFields } from './WitnessFields.tsx';

/** Containers, Opened mg, Suspected theft, Details. */
export function LossForm({ ctx }: { ctx: EntryFormContext }) {
  const form = useFormSubmit();
  const [containers, setContainers] = useState('');
  const [opened, setOpened] = useState('');
  const [theft, setTheft] = useState(false);
  const [details, setDetails] = useState('');
  const [witnesses, setWitnesses] = useState(() => blankWitnesses(ctx.settings, 'loss'));

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    const signed = witnessRequest(witnesses);
    const sealed = toNumber(containers);
    const openedMg = toNumber(opened);
    const why = optionalText(details);
    const body: EntryBody = {
      kind: 'loss',
      productId: ctx.product.id,
      locationId: ctx.location.id,
      quantity:
        openedMg === undefined
          ? { containers: sealed ?? 0 }
          : { containers: sealed ?? 0, mg: sealedPlusOpened(sealed ?? 0, openedMg, ctx.product) },
      theft,
      ...(why ? { reason: why } : {}),
      ...signed.body,
    };
    const own = { ...signed.errors };
    if (sealed === undefined && openedMg === undefined)
      own['quantity.containers'] = 'Enter the containers, the opened mg, or both';
    if (!why) own.reason = 'Say what happened';
    void form.submit(
      async () => {
        const written = await api.post<EntryWritten>('/cd-register/entries', body);
        setContainers('');
        setOpened('');
        setTheft(false);
        setDetails('');
        setWitnesses(blankWitnesses(ctx.settings, 'loss'));
        ctx.onRecorded(written);
      },
      localErrors(body, own),
    );
  };

  return (
    <EntryFormFrame
      id="cd-loss"
      title="Record loss"
      intro="Stock that is missing, broken or spilt, recorded now it is discovered. The report steps and their deadlines are shown once it is recorded."
      submitLabel="Record loss"
      form={form}
      ctx={ctx}
      onSubmit={onSubmit}
    >
      <div className="grid-2">
        <Field
          label="Containers"
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          value={containers}
          onValue={setContainers}
          error={firstError(form.errors, 'quantity.containers', 'quantity')}
          hint={`Sealed ${ctx.product.containerName}s lost`}
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
          hint={`Lost from opened ${ctx.product.containerName}s, if any`}
        />
      </div>
      <Checkbox label="Suspected theft" checked={theft} onChecked={setTheft} />
      <Field
        label="Details"
        multiline
        value={details}
        onValue={setDetails}
        error={form.errors.reason}
        hint="What happened, and how it was found"
        required
      />
      <WitnessFields values={witnesses} onValues={setWitnesses} errors={form.errors} />
    </EntryFormFrame>
  );
}
