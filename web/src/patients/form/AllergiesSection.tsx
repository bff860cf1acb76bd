// AllergiesSection: allergy rows (substance, reaction, severity) that can be added and removed.
import { useState } from 'react';
import { ALLERGY_SEVERITIES } from '../../../../src/schemas/patient.ts';
import { Field } from '../../ui/Field.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { emptyAllergy, type AllergyRow, type Severity } from './patient-form-values.ts';
import type { SectionProps } from './IdentitySection.tsx';

const SEVERITY_OPTIONS = ALLERGY_SEVERITIES.map((s) => ({
  value: s,
  label: s.charAt(0).toUpperCase() + s.slice(1),
}));

/** The "Allergies" fieldset. */
export function AllergiesSection({ values, patch, errors }: SectionProps) {
  const [focusKey, setFocusKey] = useState<number | null>(null);
  const rows = values.allergies;
  const update = (key: number, change: Partial<AllergyRow>) =>
    patch({ allergies: rows.map((r) => (r.key === key ? { ...r, ...change } : r)) });

  return (
    <fieldset className="form-section">
      <legend>Allergies</legend>
      {rows.length === 0 ? (
        <p className="hint">
          No allergies entered. Add each known allergy, or leave empty if none are known.
        </p>
      ) : null}
      {rows.map((row, i) => (
        <fieldset className="row-group" key={row.key}>
          <legend>Allergy {i + 1}</legend>
          <div className="grid-3">
            <Field
              label="Substance"
              value={row.substance}
              onValue={(substance) => update(row.key, { substance })}
              error={errors[`allergies.${i}.substance`]}
              autoFocus={focusKey === row.key}
              autoComplete="off"
              required
            />
            <Field
              label="Reaction"
              value={row.reaction}
              onValue={(reaction) => update(row.key, { reaction })}
              error={errors[`allergies.${i}.reaction`]}
              autoComplete="off"
            />
            <SelectField
              label="Severity"
              value={row.severity}
              onValue={(severity) => update(row.key, { severity: severity as Severity })}
              options={SEVERITY_OPTIONS}
              error={errors[`allergies.${i}.severity`]}
            />
          </div>
          <button
            type="button"
            className="button-link"
            onClick={() => patch({ allergies: rows.filter((r) => r.key !== row.key) })}
          >
            Remove allergy {i + 1}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="button-secondary"
        onClick={() => {
          const row = emptyAllergy();
          setFocusKey(row.key);
          patch({ allergies: [...rows, row] });
        }}
      >
        Add allergy
      </button>
    </fieldset>
  );
}
