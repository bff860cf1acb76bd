// ReceiveStockForm: "Receive stock": whole containers in from a supplier, with the invoice, lot, expiry and date.
import { Field } from '../ui/Field.tsx';
import { localDateTime } from '../ui/local-date.ts';
import { optionalText, toNumber } from './cd-format.ts';
import { firstError, type EntryFormContext } from './entry-form-context.ts';
import { EntryFormFrame } from './EntryFormFrame.tsx';
import { isLate, localInstant } from './local-instant.ts';
import { QuantityFields } from './QuantityFields.tsx';
import { useEntryForm } from './use-entry-form.ts';

const EMPTY = {
  containers: '',
  mg: '', // a receipt is whole containers: unused, kept so the quantity fields fit every entry form
  supplierName: '',
  supplierAddress: '',
  registrationNumber: '',
  invoice: '',
  lot: '',
  expiry: '',
  lateEntryReason: '',
};

/** The entry's own part of a receipt, as the register takes it. */
function receiptBody(v: typeof EMPTY & { occurredAt: string }) {
  const containers = toNumber(v.containers);
  const when = localInstant(v.occurredAt);
  const registrationNumber = optionalText(v.registrationNumber);
  // Sent once given: the field shows when the date is late, or when the server has asked for it.
  const lateEntryReason = optionalText(v.lateEntryReason);
  return {
    ...(containers === undefined ? {} : { quantity: { containers } }),
    supplier: {
      name: v.supplierName,
      address: v.supplierAddress,
      ...(registrationNumber ? { registrationNumber } : {}),
    },
    invoice: v.invoice,
    lot: v.lot,
    expiry: v.expiry,
    ...(when ? { occurredAt: when } : {}),
    ...(lateEntryReason ? { lateEntryReason } : {}),
  };
}

/** A receipt: the supplier's name and address (and DEA number in US mode), invoice, lot and expiry. */
export function ReceiveStockForm({ ctx }: { ctx: EntryFormContext }) {
  const entry = useEntryForm(
    ctx,
    'receipt',
    { ...EMPTY, occurredAt: localDateTime(new Date()) },
    receiptBody,
  );
  const { form } = entry;
  const late = isLate(form.values.occurredAt) || form.errors.lateEntryReason !== undefined;
  const us = ctx.settings.mode === 'us';

  const onSubmit = () => {
    const own: Record<string, string> = {};
    if (toNumber(form.values.containers) === undefined)
      own['quantity.containers'] = 'Enter the number of containers received';
    if (!localInstant(form.values.occurredAt)) own.occurredAt = 'Enter the date and time of the transaction';
    if (!form.values.expiry) own.expiry = 'Enter the expiry date';
    entry.record(own);
  };

  return (
    <EntryFormFrame
      id="cd-receipt"
      title="Receive stock"
      intro={`Sealed ${ctx.product.containerName}s received into ${ctx.location.name}, as on the delivery note.`}
      submitLabel="Record receipt"
      entry={entry}
      ctx={ctx}
      onSubmit={onSubmit}
    >
      <div className="field-grid">
        <QuantityFields
          values={form.values}
          onValue={form.set}
          errors={form.errors}
          containers={{
            label: 'Containers',
            hint: `Sealed ${ctx.product.containerName}s of ${ctx.product.mgPerContainer} mg`,
            errorKeys: ['quantity.containers', 'quantity', 'quantity.mg'],
          }}
          mg={null}
          min={1}
          required
        />
        <Field
          label="Supplier name"
          {...form.field('supplierName')}
          error={firstError(form.errors, 'supplier.name', 'supplier')}
          required
        />
        <Field
          label="Supplier address"
          {...form.field('supplierAddress')}
          error={form.errors['supplier.address']}
          required
        />
        <Field
          label="Registration number"
          {...form.field('registrationNumber')}
          error={form.errors['supplier.registrationNumber']}
          hint={us ? "The supplier's DEA registration number" : "The supplier's licence number, if kept"}
          required={us}
        />
        <Field label="Invoice" {...form.field('invoice')} required />
        <Field label="Lot" {...form.field('lot')} required />
        <Field label="Expiry" type="date" {...form.field('expiry')} required />
        <Field label="Date of transaction" type="datetime-local" {...form.field('occurredAt')} required />
      </div>
      {late ? (
        <Field
          label="Reason for late entry"
          multiline
          {...form.field('lateEntryReason')}
          hint="The transaction was more than a day ago: say why it is entered now."
          required
        />
      ) : null}
    </EntryFormFrame>
  );
}
