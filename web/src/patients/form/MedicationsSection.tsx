// MedicationsSection: current medication rows (name, dose, route, frequency) that can be added and removed.
import { useState } from 'react';
import { Field } from '../../ui/Field.tsx';
import { emptyMedication, type MedicationRow } from './patient-form-values.ts';
import type { SectionProps } from './IdentitySection.tsx';

/** The "Current medications" fieldset. */
export function MedicationsSection({ values, patch, errors }: SectionProps) {
  const [focusKey, setFocusKey] = useState<number | null>(null);
  const rows = values.medications;
  const update = (key: number, change: Partial<MedicationRow>) =>
    patch({ medications: rows.map((r) => (r.key === key ? { ...r, ...change } : r)) });

  return (
    <fieldset className="form-section">
      <legend>Current medications</legend>
      {rows.length === 0 ? <p className="hint">No medications entered.</p> : null}
      {rows.map((row, i) => (
        <fieldset className="row-group" key={row.key}>
          <legend>Medication {i + 1}</legend>
          <div className="grid-4">
            <Field
              label="Name"
              value={row.name}
              onValue={(name) => update(row.key, { name })}
              error={errors[`medications.${i}.name`]}
              autoFocus={focusKey === row.key}
              autoComplete="off"
              required
            />
            <Field
              label="Dose"
              value={row.dose}
              onValue={(dose) => update(row.key, { dose })}
              error={errors[`medications.${i}.dose`]}
              autoComplete="off"
            />
            <Field
              label="Route"
              value={row.route}
              onValue={(route) => update(row.key, { route })}
              error={errors[`medications.${i}.route`]}
              autoComplete="off"
            />
            <Field
              label="Frequency"
              value={row.frequency}
              onValue={(frequency) => update(row.key, { frequency })}
              error={errors[`medications.${i}.frequency`]}
              autoComplete="off"
            />
          </div>
          <button
            type="button"
            className="button-link"
            onClick={() => patch({ medications: rows.filter((r) => r.key !== row.key) })}
          >
            Remove medication {i + 1}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="button-secondary"
        onClick={() => {
          const row = emptyMedication();
          setFocusKey(row.key);
          patch({ medications: [...rows, row] });
        }}
      >
        Add medication
      </button>
    </fieldset>
  );
}
