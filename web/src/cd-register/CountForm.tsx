// CountForm: "Run a count": what is in the cupboard against what the register shows; a difference needs explaining.
import { useState, type SubmitEvent } from 'react';
import { openMg } from '../../../src/domain/ledger/index.ts';
import { ApiError } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import { Field } from '../ui/Field.tsx';
import { useFormSubmit } from '../ui/use-form-submit.ts';
import { containersText, optionalText, sealedPlusOpened, toNumber } from './cd-format.ts';
import type { EntryBody, EntryWritten } from './cd-types.ts';
import { blankWitnesses, firstError, localErrors, type EntryFormContext } from './entry-form-context.ts';
import { EntryFormFrame } from './EntryFormFrame.tsx';
import { witnessRequest } from './witness-input.ts';
import { WitnessFields } from './WitnessFields.tsx';

/** Counted containers and opened mg beside the register's figures, an explanation, and the witness. */
export function CountForm({ ctx }: { ctx: EntryFormContext }) {
  const form = useFormSubmit();
  const [containers, setContainers] = useState('');
  const [opened, setOpened] = useState('');
  const [explanation, setExplanation] = useState('');
  const [witnesses, setWitnesses] = useState(() => blankWitnesses(ctx.settings, 'count'));
  const { balance, product } = ctx;
  const expectedOpened = openMg(balance, product);

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    const signed = witnessRequest(witnesses);
    const sealed = toNumber(containers);
    const openedMg = toNumber(opened);
    const why = optionalText(explanation);
    const body: EntryBody = {
      kind: 'count',
      productId: product.id,
      locationId: ctx.location.id,
      ...(sealed === undefined || openedMg === undefined
        ? {}
        : { quantity: { containers: sealed, mg: sealedPlusOpened(sealed, openedMg, product) } }),
      // The balance the counter saw: refused with register-changed if an entry lands in between.
      expected: { containers: balance.containers, mg: balance.mg },
      ...(why ? { reason: why } : {}),
      ...signed.body,
    };
    const own = { ...signed.errors };
    if (sealed === undefined) own['quantity.containers'] = 'Enter the sealed containers counted (0 if none)';
    if (openedMg === undefined) own['quantity.mg'] = 'Enter the mg in opened containers (0 if none)';
    void form.submit(
      async () => {
        try {
          const written = await api.post<EntryWritten>('/cd-register/entries', body);
          setContainers('');
          setOpened('');
          setExplanation('');
          setWitnesses(blankWitnesses(ctx.settings, 'count'));
          ctx.onRecorded(written);
        } catch (err) {
          if (err instanceof ApiError && err.code === 'register-changed') ctx.onStale();
          throw err;
        }
      },
      localErrors(body, own),
    );
  };

  return (
    <EntryFormFrame
      id="cd-count"
      title="Run a count"
      intro={`Count what is in ${ctx.location.name} now. If it differs from the register, explain why: the balance moves to what you counted.`}
      submitLabel="Record count"
      form={form}
      ctx={ctx}
      onSubmit={onSubmit}
    >
      <div className="cd-count-grid">
        <div className="cd-expected" role="group" aria-label="The register shows">
          <p className="label">The register shows</p>
          <p className="cd-expected-figure">{containersText(balance.containers, product)} sealed</p>
          <p className="cd-expected-figure">{expectedOpened} mg opened</p>
          <p className="hint">{balance.mg} mg in all</p>
        </div>
        <Field
          label="Counted containers"
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          value={containers}
          onValue={setContainers}
          error={firstError(form.errors, 'quantity.containers', 'quantity')}
          hint={`Sealed ${product.containerName}s`}
          required
        />
        <Field
          label="Counted mg (opened)"
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          value={opened}
          onValue={setOpened}
          error={form.errors['quantity.mg']}
          hint={`In opened ${product.containerName}s`}
          required
        />
      </div>
      <Field
        label="Explanation of any discrepancy"
        multiline
        value={explanation}
        onValue={setExplanation}
        error={firstError(form.errors, 'reason', 'expected')}
        hint="Needed when the count differs from the register."
      />
      <WitnessFields values={witnesses} onValues={setWitnesses} errors={form.errors} />
    </EntryFormFrame>
  );
}
