// LevelRadios: a fieldset of radios choosing a level of need 1–4, labelled with the content pack's level names.
import type { LevelDefinition } from '../harm/harm-types.ts';

interface LevelRadiosProps {
  legend: string;
  /** Unique per form, so two forms on a page keep separate radio groups. */
  name: string;
  levels: readonly LevelDefinition[];
  value: number | null;
  onValue: (level: number) => void;
  error?: string | undefined;
}

/** "1 — <label>" … "4 — <label>"; nothing chosen until the user picks. */
export function LevelRadios({ legend, name, levels, value, onValue, error }: LevelRadiosProps) {
  return (
    <fieldset className={error ? 'field-invalid' : undefined}>
      <legend>{legend}</legend>
      {error ? <p className="field-error">{error}</p> : null}
      <div className="radio-group">
        {levels.map((l) => (
          <label key={l.level} className="radio">
            <input
              type="radio"
              name={name}
              value={l.level}
              checked={value === l.level}
              onChange={() => onValue(l.level)}
            />
            <span>
              {l.level} — {l.label}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
