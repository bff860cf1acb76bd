// WitnessFields: a second member of staff signs the entry by entering their own email and password now.
import type { FieldErrors } from '../api/api-error.ts';
import { Field } from '../ui/Field.tsx';
import { witnessKey, type WitnessInput } from './witness-input.ts';

interface WitnessFieldsProps {
  values: readonly WitnessInput[];
  onValues: (values: WitnessInput[]) => void;
  errors: FieldErrors;
}

const ORDINALS = ['', 'Second', 'Third', 'Fourth'];

/** One "Witness" fieldset per witness the entry needs: "Witness email" and "Witness password". */
export function WitnessFields({ values, onValues, errors }: WitnessFieldsProps) {
  const count = values.length;
  const update = (i: number, change: Partial<WitnessInput>) => {
    onValues(values.map((v, j) => (j === i ? { ...v, ...change } : v)));
  };
  return (
    <>
      {values.map((w, i) => {
        const key = witnessKey(i, count);
        const name = i === 0 ? 'Witness' : `${ORDINALS[i] ?? `Witness ${i + 1}`} witness`;
        // A refusal of the signature as a whole ("Not confirmed", "must be a different user") shows on the email.
        const whole = errors[key] ?? (i === 0 ? errors.witnesses : undefined);
        return (
          <fieldset key={key} className="cd-witness">
            <legend>{name}</legend>
            <p className="hint">A second member of staff signs here with their own password.</p>
            <div className="grid-2">
              <Field
                label={`${name} email`}
                type="email"
                autoComplete="off"
                value={w.email}
                onValue={(email) => update(i, { email })}
                error={errors[`${key}.email`] ?? whole}
                required
              />
              <Field
                label={`${name} password`}
                type="password"
                autoComplete="new-password"
                value={w.password}
                onValue={(password) => update(i, { password })}
                error={errors[`${key}.password`]}
                required
              />
            </div>
          </fieldset>
        );
      })}
    </>
  );
}
