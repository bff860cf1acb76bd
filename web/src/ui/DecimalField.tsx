// DecimalField: a labelled box for a quantity that is never negative and may have decimals (mg, mL, mg/mL, kg).
import { Field, type FieldProps } from './Field.tsx';

/** A <Field> of type number with the decimal keypad, from 0 up, in any step. */
export function DecimalField(props: FieldProps) {
  return <Field type="number" inputMode="decimal" min={0} step="any" {...props} />;
}
