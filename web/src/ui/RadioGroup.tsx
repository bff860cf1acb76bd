// RadioGroup: a <fieldset> of radio buttons choosing one of a few options, each label clickable.

interface RadioGroupProps<T extends string> {
  legend: string;
  /** The radios' shared name (one group per name on a page). */
  name: string;
  options: readonly { value: T; label: string }[];
  value: T;
  onValue: (value: T) => void;
}

/** The legend, then a labelled radio per option. */
export function RadioGroup<T extends string>({ legend, name, options, value, onValue }: RadioGroupProps<T>) {
  return (
    <fieldset className="radio-group">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="radio">
          <input
            type="radio"
            name={name}
            value={o.value}
            checked={value === o.value}
            onChange={() => onValue(o.value)}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}
