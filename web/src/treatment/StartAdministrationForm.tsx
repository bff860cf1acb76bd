// StartAdministrationForm: record the start of administration: when, the product and its lot, and the dose given.
import { useState, type SubmitEvent } from 'react';
import { api } from '../api/client.ts';
import { Field } from '../ui/Field.tsx';
import { FormProblem } from '../ui/FormProblem.tsx';
import { localDateTime } from '../ui/local-date.ts';
import { useFormSubmit } from '../ui/use-form-submit.ts';
import { useSession } from '../session/session-context.ts';
import { StockSourceField, stockOf, useStockOptions } from './StockSourceField.tsx';
import { instantOf, toNumber } from './treatment-input.ts';
import type { AdministrationBody, SessionDetail } from './treatment-types.ts';

interface StartAdministrationFormProps {
  session: SessionDetail;
  onDone: () => void;
}

/** "Time" (now), "Product", "Concentration (mg/mL)", "Lot", "Expiry", "Dose (mg)" (the planned dose). */
export function StartAdministrationForm({ session, onDone }: StartAdministrationFormProps) {
  const form = useFormSubmit();
  const [at, setAt] = useState(() => localDateTime(new Date()));
  const [product, setProduct] = useState('');
  const [concentration, setConcentration] = useState(
    session.dose.concentrationMgPerMl !== undefined ? String(session.dose.concentrationMgPerMl) : '',
  );
  const [lot, setLot] = useState('');
  const [expiry, setExpiry] = useState('');
  const [dose, setDose] = useState(String(session.dose.doseMg));
  const [stock, setStock] = useState('');
  const [reason, setReason] = useState('');
  const canDrawStock = useSession().can('cd:write');
  const stockOptions = useStockOptions();
  const planned = session.dose.doseMg;
  const differs = toNumber(dose) !== undefined && toNumber(dose) !== planned;

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    const when = instantOf(at);
    const localErrors: Record<string, string> = {};
    if (!when) localErrors.at = 'Enter when administration started';
    if (dose.trim() && toNumber(dose) === undefined) localErrors.doseMg = 'Enter the dose in mg';
    if (differs && !reason.trim()) localErrors.reason = 'Give the reason the dose differs from the plan';
    // Register stock exists: the dose is drawn from it unless someone says otherwise (no silent default).
    if (canDrawStock && stockOptions.length > 0 && stock === '')
      localErrors['cdStock.productId'] =
        'Choose the stock the dose is drawn from, or "Not from the register"';
    void form.submit(async () => {
      const doseMg = toNumber(dose);
      const concentrationMgPerMl = toNumber(concentration);
      const body: AdministrationBody = {
        event: 'start',
        ...(when ? { at: when } : {}),
        ...(product.trim() ? { product: product.trim() } : {}),
        ...(concentrationMgPerMl !== undefined ? { concentrationMgPerMl } : {}),
        ...(lot.trim() ? { lot: lot.trim() } : {}),
        ...(expiry ? { expiry } : {}),
        ...(doseMg !== undefined ? { doseMg } : {}),
        ...(differs && reason.trim() ? { reason: reason.trim() } : {}),
        ...(stockOf(stock) ? { cdStock: stockOf(stock) } : {}),
      };
      await api.post(`/treatment-sessions/${encodeURIComponent(session.id)}/administration`, body);
      onDone();
    }, localErrors);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-label="Start administration">
      <FormProblem problem={form.problem} localErrors={form.localErrorCount} />
      <div className="field-grid">
        <Field
          label="Time"
          type="datetime-local"
          required
          value={at}
          onValue={setAt}
          error={form.errors.at}
        />
        <Field
          label="Product"
          maxLength={200}
          hint="e.g. ketamine hydrochloride 10 mg/mL"
          value={product}
          onValue={setProduct}
          error={form.errors.product}
        />
        <Field
          label="Concentration (mg/mL)"
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          value={concentration}
          onValue={setConcentration}
          error={form.errors.concentrationMgPerMl}
        />
        <Field label="Lot" maxLength={80} value={lot} onValue={setLot} error={form.errors.lot} />
        <Field label="Expiry" type="date" value={expiry} onValue={setExpiry} error={form.errors.expiry} />
        <Field
          label="Dose (mg)"
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          hint={`The planned dose (${String(planned)} mg); change it only if a different dose is given`}
          value={dose}
          onValue={setDose}
          error={form.errors.doseMg}
        />
        {differs ? (
          <Field
            label="Reason the dose differs from the plan"
            multiline
            maxLength={1000}
            required
            value={reason}
            onValue={setReason}
            error={form.errors.reason}
          />
        ) : null}
        {canDrawStock ? (
          <StockSourceField
            value={stock}
            onValue={setStock}
            options={stockOptions}
            error={form.errors['cdStock.productId'] ?? form.errors.cdStock}
          />
        ) : null}
      </div>
      <div className="actions">
        <button type="submit" disabled={form.busy}>
          Start administration
        </button>
      </div>
    </form>
  );
}
