// ReceiveStockForm: "Receive stock": whole containers in from a supplier, with the invoice, lot, expiry and date.
import { useState, type SubmitEvent } from 'react';
import { api } from '../api/client.ts';
import { Field } from '../ui/Field.tsx';
import { localDateTime } from '../ui/local-date.ts';
import { useFormSubmit } from '../ui/use-form-submit.ts';
import { optionalText, toNumber } from './cd-format.ts';
import type { EntryBody, EntryWritten } from './cd-types.ts';
import { blankWitnesses, firstError, localErrors, type EntryFormContext } from './entry-form-context.ts';
import { EntryFormFrame } from './EntryFormFrame.tsx';
import { isLate, localInstant } from './local-instant.ts';
import { witnessRequest } from './witness-input.ts';
import { WitnessFields } from './WitnessFields.tsx';

const EMPTY = {
  containers: '',
  supplierName: '',
  supplierAddress: '',
  registrationNumber: '',
  invoice: '',
  lot: '',
  expiry: '',
  lateEntryReason: '',
};

/** A receipt: the supplier's name and address (and DEA number in US mode), invoice, lot and expiry. */
export function ReceiveStockForm({ ctx }: { ctx: EntryFormContext }) {
  const form = useFormSubmit();
  const [values, setValues] = useState(EMPTY);
  const [occurredAt, setOccurredAt] = useState(() => localDateTime(new Date()));
  const [witnesses, setWitnesses] = useState(() => blankWitnesses(ctx.settings, 'receipt'));
  const set = (key: keyof typeof EMPTY) => (value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
  };
  const late = isLate(occurredAt) || form.errors.lateEntryReason !== undefined;
  const us = ctx.settings.mode === 'us';

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    const signed = witnessRequest(witnesses);
    const containers = toNumber(values.containers);
    const when = localInstant(occurredAt);
    const registrationNumber = optionalText(values.registrationNumber);
    const lateEntryReason = late ? optionalText(values.lateEntryReason) : undefined;
    const body: EntryBody = {
      kind: 'receipt',
      productId: ctx.product.id,
      locationId: ctx.location.id,
      ...(containers === undefined ? {} : { quantity: { containers } }),
      supplier: {
        name: values.supplierName,
        address: values.supplierAddress,
        ...(registrationNumber ? { registrationNumber } : {}),
      },
      invoice: values.invoice,
      lot: values.lot,
      expiry: values.expiry,
      ...(when ? { occurredAt: when } : {}),
      ...(lateEntryReason ? { lateEntryReason } : {}),
      ...signed.body,
    };
    const own = { ...signed.errors };
    if (containers === undefined) own['quantity.containers'] = 'Enter the number of containers received';
    if (!when) own.occurredAt = 'Enter the date and time of the transaction';
    if (!values.expiry) own.expiry = 'Enter the expiry date';
    void form.submit(
      async () => {
        const written = await api.post<EntryWritten>('/cd-register/entries', body);
        setValues(EMPTY);
        setOccurredAt(localDateTime(new Date()));
        setWitnesses(blankWitnesses(ctx.settings, 'receipt'));
        ctx.onRecorded(written);
      },
      localErrors(body, own),
    );
  };

  return (
    <EntryFormFrame
      id="cd-receipt"
      title="Receive stock"
      intro={`Sealed ${ctx.product.containerName}s received into ${ctx.location.name}, as on the delivery note.`}
      submitLabel="Record receipt"
      form={form}
      ctx={ctx}
      onSubmit={onSubmit}
    >
      <div className="field-grid">
        <Field
          label="Containers"
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          value={values.containers}
          onValue={set('containers')}
          error={firstError(form.errors, 'quantity.containers', 'quantity', 'quantity.mg')}
          hint={`Sealed ${ctx.product.containerName}s of ${ctx.product.mgPerContainer} mg`}
          required
        />
        <Field
          label="Supplier name"
          value={values.supplierName}
          onValue={set('supplierName')}
          error={firstError(form.errors, 'supplier.name', 'supplier')}
          required
        />
        <Field
          label="Supplier address"
          value={values.supplierAddress}
          onValue={set('supplierAddress')}
          error={form.errors['supplier.address']}
          required
        />
        <Field
          label="Registration number"
          value={values.registrationNumber}
          onValue={set('registrationNumber')}
          error={form.errors['supplier.registrationNumber']}
          hint={us ? "The supplier's DEA registration number" : "The supplier's licence number, if kept"}
          required={us}
        />
        <Field
          label="Invoice"
          value={values.invoice}
          onValue={set('invoice')}
          error={form.errors.invoice}
          required
        />
        <Field label="Lot" value={values.lot} onValue={set('lot')} error={form.errors.lot} required />
        <Field
          label="Expiry"
          type="date"
          value={values.expiry}
          onValue={set('expiry')}
          error={form.errors.expiry}
          required
        />
        <Field
          label="Date of transaction"
          type="datetime-local"
          value={occurredAt}
          onValue={setOccurredAt}
          error={form.errors.occurredAt}
          required
        />
      </div>
      {late ? (
        <Field
          label="Reason for late entry"
          multiline
          value={values.lateEntryReason}
          onValue={set('lateEntryReason')}
          error={form.errors.lateEntryReason}
          hint="The transaction was more than a day ago: say why it is entered now."
          required
        />
      ) : null}
      <WitnessFields values={witnesses} onValues={setWitnesses} errors={form.errors} />
    </EntryFormFrame>
  );
}
