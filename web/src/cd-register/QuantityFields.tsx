// QuantityFields: the sealed containers and mg of a register entry, each left out where the kind does not take it.
import type { FieldErrors } from '../api/api-error.ts';
import { Field } from '../ui/Field.tsx';
import { firstError } from './entry-form-context.ts';

interface Figure {
  label: string;
  hint?: string;
  /** The request paths whose refusal shows on this field, first found first. */
  errorKeys?: readonly string[];
}

interface QuantityFieldsProps {
  values: { containers?: string; mg?: string };
  onValue: (key: 'containers' | 'mg') => (value: string) => void;
  errors: FieldErrors;
  /** The containers field; null where the entry takes none. */
  containers: Figure | null;
  /** The mg field; null where the entry takes none. */
  mg: Figure | null;
  required?: boolean;
  /** The fewest containers (1 for a receipt). */
  min?: number;
}

/** "Containers" (whole numbers) and the mg (decimals), with the server's refusals of the quantity. */
export function QuantityFields({
  values,
  onValue,
  errors,
  containers,
  mg,
  required = false,
  min = 0,
}: QuantityFieldsProps) {
  return (
    <>
      {containers ? (
        <Field
          label={containers.label}
          type="number"
          inputMode="numeric"
          min={min}
          step={1}
          value={values.containers ?? ''}
          onValue={onValue('containers')}
          error={firstError(errors, ...(containers.errorKeys ?? ['quantity.containers', 'quantity']))}
          hint={containers.hint}
          required={required}
        />
      ) : null}
      {mg ? (
        <Field
          label={mg.label}
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          value={values.mg ?? ''}
          onValue={onValue('mg')}
          error={firstError(errors, ...(mg.errorKeys ?? ['quantity.mg']))}
          hint={mg.hint}
          required={required}
        />
      ) : null}
    </>
  );
}
