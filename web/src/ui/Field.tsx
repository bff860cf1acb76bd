// Field: one labelled text input (or textarea) with an optional hint and an error tied to it for screen readers.
import { useId, type InputHTMLAttributes, type Ref } from 'react';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id'>;

export interface FieldProps extends InputProps {
  label: string;
  value: string;
  onValue: (value: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
  /** Render a multi-line textarea instead of an input. */
  multiline?: boolean;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled input whose hint and error are announced with it (aria-describedby). */
export function Field({
  label,
  value,
  onValue,
  hint,
  error,
  multiline = false,
  className,
  ref,
  ...rest
}: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
  } as const;
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <div className="label-row">
        <label htmlFor={id}>{label}</label>
        {/* Outside the label so the field's accessible name is exactly the label; `required` says it to assistive tech. */}
        {rest.required ? (
          <span className="required-mark" aria-hidden="true">
            required
          </span>
        ) : null}
      </div>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
      {multiline ? (
        <textarea
          {...common}
          rows={3}
          required={rest.required}
          maxLength={rest.maxLength}
          onChange={(e) => onValue(e.target.value)}
        />
      ) : (
        <input type="text" {...rest} {...common} ref={ref} onChange={(e) => onValue(e.target.value)} />
      )}
    </div>
  );
}
