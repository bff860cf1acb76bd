// CorrectionWitness: the witness who signs the register correction when less was given than was drawn from stock.
import { Field } from '../ui/Field.tsx';
import type { FieldBinding } from '../ui/use-form.ts';

/** "Witness email" and "Witness password", with why a witness is needed. */
export function CorrectionWitness({ email, password }: { email: FieldBinding; password: FieldBinding }) {
  return (
    <fieldset className="form-section">
      <legend>Witness to the register correction</legend>
      <p className="hint">
        Less was given than was drawn from stock: the register entry is corrected to the amount given, and a
        witness signs it.
      </p>
      <div className="field-grid">
        <Field label="Witness email" type="email" autoComplete="off" {...email} />
        <Field label="Witness password" type="password" autoComplete="off" {...password} />
      </div>
    </fieldset>
  );
}
