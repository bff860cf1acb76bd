// MedicationsSection: current medication rows (name, dose, route, frequency) that can be added and removed.
import { Field } from '../../ui/Field.tsx';
import { emptyMedication, type MedicationRow } from './patient-form-values.ts';
import type { SectionProps } from './IdentitySection.tsx';
import { RowsSection } from './RowsSection.tsx';

const FIELDS: readonly { key: Exclude<keyof MedicationRow, 'key'>; label: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'dose', label: 'Dose' },
  { key: 'route', label: 'Route' },
  { key: 'frequency', label: 'Frequency' },
];

/** The "Current medications" fieldset. */
export function MedicationsSection({ values, patch, errors }: SectionProps) {
  return (
    <RowsSection
      legend="Current medications"
      item="medication"
      rows={values.medications}
      onRows={(medications) => patch({ medications })}
      blank={emptyMedication}
      empty="No medications entered."
    >
      {(row, { index: i, update, added }) => (
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
      )}
    </RowsSection>
  );
}
