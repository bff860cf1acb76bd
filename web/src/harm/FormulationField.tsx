// FormulationField: one formulation text; after a clash, the newer saved text sits beside the user's own.
import { Field } from '../ui/Field.tsx';

interface FormulationFieldProps {
  label: string;
  value: string;
  onValue: (value: string) => void;
  error?: string | undefined;
  /** The newer saved text, when someone else saved while this user was editing. */
  theirs?: { text: string; by: string; version: number } | undefined;
}

/** The textarea alone, or side by side with the newer version and "Use their text". */
export function FormulationField({ label, value, onValue, error, theirs }: FormulationFieldProps) {
  const field = (
    <Field label={label} multiline maxLength={4000} value={value} onValue={onValue} error={error} />
  );
  if (!theirs) return field;
  const same = theirs.text === value;
  return (
    <div className="merge-pair">
      {field}
      <div className="theirs" role="group" aria-label={`${label}: version ${theirs.version}`}>
        <p className="label">
          Version {theirs.version} by {theirs.by}
        </p>
        <div className="theirs-text">{theirs.text || <span className="muted">(empty)</span>}</div>
        {same ? (
          <p className="hint">Same as your text.</p>
        ) : (
          <button
            type="button"
            className="button-small button-secondary"
            onClick={() => {
              onValue(theirs.text);
            }}
          >
            Use their text
          </button>
        )}
      </div>
    </div>
  );
}
