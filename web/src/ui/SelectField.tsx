// SelectField: a labelled drop-down with an optional error, for short fixed lists (sex, severity, role).
import { useId } from 'react';

export interface Option {
  value: string;
  label: string;
}

interface SelectFieldProps {
  label: string;
  value: string;
  onValue: (value: string) => void;
  options: readonly Option[];
  /** Text of a first, empty choice; leave out to force a choice. */
  placeholder?: string;
  error?: string | undefined;
  required?: boolean;
}

/** A labelled <select>. */
export function SelectField({
  label,
  value,
  onValue,
  options,
  placeholder,
  error,
  required,
}: SelectFieldProps) {
  const id = useId();
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <select
        id={id}
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onValue(e.target.value)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
