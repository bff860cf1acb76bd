// ToggleGroup: a row of pressed/unpressed buttons choosing one view (my list or the service's, mine or all).

interface ToggleGroupProps<T extends string> {
  /** The group's accessible name, e.g. "Whose appointments". */
  label: string;
  options: readonly { id: T; label: string }[];
  value: T;
  onValue: (value: T) => void;
}

/** role="group" of toggle buttons; the chosen one is aria-pressed. */
export function ToggleGroup<T extends string>({ label, options, value, onValue }: ToggleGroupProps<T>) {
  return (
    <div role="group" aria-label={label} className="toggle-group">
      {options.map((o) => (
        <button
          key={o.id}
          type="button"
          className="toggle"
          aria-pressed={value === o.id}
          onClick={() => onValue(o.id)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
