// MedicationsSection: current medication rows (name, dose, route, frequency) that can be added and removed.
import { Field } from '../../ui/Field.tsx';
import { RowList } from '../../ui/RowList.tsx';
import { emptyMedication, type MedicationRow } from './patient-form-values.ts';
import type { SectionProps } from './IdentitySection.tsx';

const FIELDS: readonly { key: Exclude<keyof MedicationRow, 'key'>; label: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'dose', label: 'Dose' },
  { key: 'route', label: 'Route' },
  { key: 'frequency', label: 'Frequency' },
];

/** The "Current medications" fieldset. */
export function MedicationsSection({ values, patch, errors }: SectionProps) {
  return (
    <RowList
      legend="Current medications"
      className="form-section"
      rows={values.medications}
      onRows={(medications) => patch({ medications })}
      blank={emptyMedication}
      addLabel="Add medication"
      addClassName="button-secondary"
      empty="No medications entered."
    >
      {(row, { index: i, update, remove, added }) => (
        <fieldset className="row-group" key={row.key}>
          <legend>Medication {i + 1}</legend>
          <div className="grid-4">
            {FIELDS.map((f) => (
              <Field
                key={f.key}
                label={f.label}
                value={row[f.key]}
                onValue={(value) => update({ [f.key]: value })}
                error={errors[`medications.${i}.${f.key}`]}
                autoFocus={added && f.key === 'name'}
                autoComplete="off"
                required={f.key === 'name'}
              />
            ))}
          </div>
          <button type="button" className="button-link" onClick={remove}>
            Remove medication {i + 1}
          </button>
        </fieldset>
      )}
    </RowList>
  );
}
