// ConsentWitness: the second member of staff who countersigns a consent with their own password.
import { Field } from '../ui/Field.tsx';
import type { FieldBinding } from '../ui/use-form.ts';

interface ConsentWitnessProps {
  /** The document asks for a witness; otherwise one is optional. */
  required: boolean;
  /** A refusal of the witness as a whole ("not confirmed", "must be someone else"). */
  error: string | undefined;
  email: FieldBinding;
  password: FieldBinding;
}

/** "Witness" (or "Witness (optional)"): "Witness email" and "Witness password". */
export function ConsentWitness({ required, error, email, password }: ConsentWitnessProps) {
  return (
    <fieldset className={error ? 'field-invalid' : undefined}>
      <legend>{required ? 'Witness' : 'Witness (optional)'}</legend>
      <p className="hint">A second member of staff countersigns by entering their own password.</p>
      {error ? <p className="field-error">{error}</p> : null}
      <div className="field-grid">
        <Field label="Witness email" type="email" autoComplete="off" maxLength={254} {...email} />
        <Field label="Witness password" type="password" autoComplete="off" maxLength={1024} {...password} />
      </div>
    </fieldset>
  );
}
