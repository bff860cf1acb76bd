// Checkbox: one labelled yes/no box (bingeing, sign-off), the label clickable and read with the box.

interface CheckboxProps {
  label: string;
  checked: boolean;
  onChecked: (checked: boolean) => void;
  disabled?: boolean;
}

/** <label><input type="checkbox"> label</label>; the accessible name is exactly the label. */
export function Checkbox({ label, checked, onChecked, disabled = false }: CheckboxProps) {
  return (
    <label className="checkbox">
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => {
          onChecked(e.target.checked);
        }}
      />
      <span>{label}</span>
    </label>
  );
}
