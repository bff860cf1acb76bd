// CheckboxGroup: a <fieldset> of labelled checkboxes choosing several codes from a short fixed list.
import { useId, type ReactNode } from 'react';

interface CheckboxGroupProps<T extends string> {
  legend: string;
  options: readonly { value: T; label: string }[];
  values: readonly T[];
  onValues: (values: T[]) => void;
  error?: string | undefined;
  /** Extra content after the options (e.g. a "None" choice, or details of a checked option). */
  children?: ReactNode;
  /** Lay the options out in columns on wide screens. */
  columns?: boolean;
  disabled?: boolean;
  className?: string;
}

/** The chosen values keep the options' order, so requests (and their error paths) are stable. */
export function CheckboxGroup<T extends string>({
  legend,
  options,
  values,
  onValues,
  error,
  children,
  columns = false,
  disabled = false,
  className,
}: CheckboxGroupProps<T>) {
  const id = useId();
  const toggle = (value: T, on: boolean) => {
    onValues(options.map((o) => o.value).filter((v) => (v === value ? on : values.includes(v))));
  };
  return (
    <fieldset
      className={`checkbox-fieldset${className ? ` ${className}` : ''}${error ? ' field-invalid' : ''}`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{legend}</legend>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <div className={`checkbox-group${columns ? ' checkbox-columns' : ''}`}>
        {options.map((o) => (
          <label key={o.value} className="checkbox">
            <input
              type="checkbox"
              checked={values.includes(o.value)}
              disabled={disabled}
              onChange={(e) => {
                toggle(o.value, e.target.checked);
              }}
            />
            <span>{o.label}</span>
          </label>
        ))}
        {children}
      </div>
    </fieldset>
  );
}
