// StartAdministrationForm: record the start of administration: when, the product and its lot, and the dose given.
import { administrationSchema } from '../../../src/schemas/treatment.ts';
import { api } from '../api/client.ts';
import { useSession } from '../session/session-context.ts';
import { DecimalField } from '../ui/DecimalField.tsx';
import { Field } from '../ui/Field.tsx';
import { Form } from '../ui/Form.tsx';
import { localDateTime } from '../ui/local-date.ts';
import { useForm } from '../ui/use-form.ts';
import { StockSourceField, stockOf, useStockOptions } from './StockSourceField.tsx';
import { instantOf, toNumber } from './treatment-input.ts';
import type { AdministrationBody, SessionDetail } from './treatment-types.ts';

interface StartAdministrationFormProps {
  session: SessionDetail;
  onDone: () => void;
}

type Values = {
  at: string;
  product: string;
  concentration: string;
  lot: string;
  expiry: string;
  dose: string;
  stock: string;
  reason: string;
};

/** The body of the start event; a reason only goes with a dose that differs from the plan. */
function startBody(v: Values, planned: number): AdministrationBody {
  const when = instantOf(v.at);
  const doseMg = toNumber(v.dose);
  const concentrationMgPerMl = toNumber(v.concentration);
  const differs = doseMg !== undefined && doseMg !== planned;
  const cdStock = stockOf(v.stock);
  return {
    event: 'start',
    ...(when ? { at: when } : {}),
    ...(v.product.trim() ? { product: v.product.trim() } : {}),
    ...(concentrationMgPerMl !== undefined ? { concentrationMgPerMl } : {}),
    ...(v.lot.trim() ? { lot: v.lot.trim() } : {}),
    ...(v.expiry ? { expiry: v.expiry } : {}),
    ...(doseMg !== undefined ? { doseMg } : {}),
    ...(differs && v.reason.trim() ? { reason: v.reason.trim() } : {}),
    ...(cdStock ? { cdStock } : {}),
  };
}

/** "Time" (now), "Product", "Concentration (mg/mL)", "Lot", "Expiry", "Dose (mg)" (the planned dose). */
export function StartAdministrationForm({ session, onDone }: StartAdministrationFormProps) {
  const planned = session.dose.doseMg;
  const { concentrationMgPerMl } = session.dose;
  const initial: Values = {
    at: localDateTime(new Date()),
    product: '',
    concentration: concentrationMgPerMl !== undefined ? String(concentrationMgPerMl) : '',
    lot: '',
    expiry: '',
    dose: String(planned),
    stock: '',
    reason: '',
  };
  const form = useForm(administrationSchema, initial, { toBody: (v) => startBody(v, planned) });
  const { values } = form;
  const canDrawStock = useSession().can('cd:write');
  const stockOptions = useStockOptions();
  const differs = toNumber(values.dose) !== undefined && toNumber(values.dose) !== planned;

  const onSubmit = () => {
    const own: Record<string, string> = {};
    if (!instantOf(values.at)) own.at = 'Enter when administration started';
    if (values.dose.trim() && toNumber(values.dose) === undefined) own.doseMg = 'Enter the dose in mg';
    if (differs && !values.reason.trim()) own.reason = 'Give the reason the dose differs from the plan';
    // Register stock exists: the dose is drawn from it unless someone says otherwise (no silent default).
    if (canDrawStock && stockOptions.length > 0 && values.stock === '')
      own['cdStock.productId'] = 'Choose the stock the dose is drawn from, or "Not from the register"';
    void form.send(async (body) => {
      await api.post(`/treatment-sessions/${encodeURIComponent(session.id)}/administration`, body);
      onDone();
    }, own);
  };

  return (
    <Form form={form} onSubmit={onSubmit} submit="Start administration" label="Start administration">
      <div className="field-grid">
        <Field label="Time" type="datetime-local" required {...form.field('at')} />
        <Field
          label="Product"
          maxLength={200}
          hint="e.g. ketamine hydrochloride 10 mg/mL"
          {...form.field('product')}
        />
        <DecimalField
          label="Concentration (mg/mL)"
          {...form.field('concentration')}
          error={form.errors.concentrationMgPerMl}
        />
        <Field label="Lot" maxLength={80} {...form.field('lot')} />
        <Field label="Expiry" type="date" {...form.field('expiry')} />
        <DecimalField
          label="Dose (mg)"
          hint={`The planned dose (${String(planned)} mg); change it only if a different dose is given`}
          {...form.field('dose')}
          error={form.errors.doseMg}
        />
        {differs ? (
          <Field
            label="Reason the dose differs from the plan"
            multiline
            maxLength={1000}
            required
            {...form.field('reason')}
          />
        ) : null}
        {canDrawStock ? (
          <StockSourceField
            value={values.stock}
            onValue={form.set('stock')}
            options={stockOptions}
            error={form.errors['cdStock.productId'] ?? form.errors.cdStock}
          />
        ) : null}
      </div>
    </Form>
  );
}
