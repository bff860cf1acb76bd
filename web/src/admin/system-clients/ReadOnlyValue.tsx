// ReadOnlyValue: a labelled value to copy by hand (a client id, a token URL), selected whole on focus.
import { useId } from 'react';

/** A read-only text input with its label. */
export function ReadOnlyValue({ label, value }: { label: string; value: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" readOnly value={value} onFocus={(e) => e.target.select()} />
    </div>
  );
}
