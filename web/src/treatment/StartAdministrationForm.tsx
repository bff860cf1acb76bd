// StartAdministrationForm: record the start of administration: when, the product and its lot, and the dose given.
import { administrationSchema } from '../../../src/schemas/treatment.ts';
import { api } from '../api/client.ts';
import { useChart } from '../chart/chart-context.ts';
import { useSession } from '../session/session-context.ts';
import { DecimalField } from '../ui/DecimalField.tsx';
import { Field } from '../ui/Field.tsx';
import { Form } from '../ui/Form.tsx';
import { localDateTime } from '../ui/local-date.ts';
import { useForm } from '../ui/use-form.ts';
import {
  NOT_FROM_REGISTER,
  StockSourceField,
  stockChoice,
  stockOf,
  useStockOptions,
} from './StockSourceField.tsx';
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
  notFromRegisterReason: string;
};

/**
 * The body of the start event; a reason only goes with a dose that differs from the plan, and the reason for a dose
 * not drawn from the register only with that choice. `stock` is the source shown (the register's by default).
 */
function startBody(v: Values, planned: number, stock: string): AdministrationBody {
  const when = instantOf(v.at);
  const doseMg = toNumber(v.dose);
  const concentrationMgPerMl = toNumber(v.concentration);
  const differs = doseMg !== undefined && doseMg !== planned;
  const cdStock = stockOf(stock);
  const outside = !cdStock && v.notFromRegisterReason.trim();
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
    ...(outside ? { notFromRegisterReason: v.notFromRegisterReason.trim() } : {}),
  };
}

/** "Time" (now), "Product", "Concentration (mg/mL)", "Lot", "Expiry", "Dose (mg)" (the planned dose). */
export function StartAdministrationForm({ session, onDone }: StartAdministrationFormProps) {
  const { patient } = useChart();
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
    notFromRegisterReason: '',
  };
  const canDrawStock = useSession().can('cd:write');
  const stockOptions = useStockOptions();
  // The register's first stock unless another choice was made; nothing to draw for one who may not write it.
  const sourceOf = (v: Values) => (canDrawStock ? stockChoice(v.stock, stockOptions) : NOT_FROM_REGISTER);
  const form = useForm(administrationSchema, initial, { toBody: (v) => startBody(v, planned, sourceOf(v)) });
  const { values } = form;
  const stock = sourceOf(values);
  // Asked when "Not from the register" is chosen, or when the server asks (the register holds stock this
  // screen could not list, or the signed-in user may not draw from it).
  const reasonError = form.errors.notFromRegisterReason;
  const asksReason = !stockOf(stock) && (stockOptions.length > 0 || reasonError !== undefined);
  const differs = toNumber(values.dose) !== undefined && toNumber(values.dose) !== planned;

  const onSubmit = () => {
    const own: Record<string, string> = {};
    if (!instantOf(values.at)) own.at = 'Enter when administration started';
    if (values.dose.trim() && toNumber(values.dose) === undefined) own.doseMg = 'Enter the dose in mg';
    if (differs && !values.reason.trim()) own.reason = 'Give the reason the dose differs from the plan';
    // The register is the default source: a dose outside it says why.
    if (asksReason && !values.notFromRegisterReason.trim())
      own.notFromRegisterReason = 'Give the reason the dose is not drawn from the register';
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
            value={stock}
            onValue={form.set('stock')}
            options={stockOptions}
            reason={values.notFromRegisterReason}
            onReason={form.set('notFromRegisterReason')}
            error={form.errors['cdStock.productId'] ?? form.errors.cdStock}
            reasonError={reasonError}
            addressMissingFix={
              patient.contact?.address?.trim()
                ? undefined
                : `/patients/${encodeURIComponent(patient.id)}/correct`
            }
          />
        ) : null}
        {asksReason && (!canDrawStock || stockOptions.length === 0) ? (
          <Field
            label="Reason the dose is not drawn from the register"
            multiline
            required
            maxLength={1000}
            {...form.field('notFromRegisterReason')}
          />
        ) : null}
      </div>
    </Form>
  );
}
