// AllergiesSection: allergy rows (substance, reaction, severity) that can be added and removed.
import { ALLERGY_SEVERITIES } from '../../../../src/schemas/patient.ts';
import { Field } from '../../ui/Field.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { emptyAllergy, type Severity } from './patient-form-values.ts';
import type { SectionProps } from './IdentitySection.tsx';
import { RowsSection } from './RowsSection.tsx';

const SEVERITY_OPTIONS = ALLERGY_SEVERITIES.map((s) => ({
  value: s,
  label: s.charAt(0).toUpperCase() + s.slice(1),
}));

/** The "Allergies" fieldset. */
export function AllergiesSection({ values, patch, errors }: SectionProps) {
  return (
    <RowsSection
      legend="Allergies"
      item="allergy"
      rows={values.allergies}
      onRows={(allergies) => patch({ allergies })}
      blank={emptyAllergy}
      empty="No allergies entered. Add each known allergy, or leave empty if none are known."
    >
      {(row, { index: i, update, added }) => (
        <div className="grid-3">
          <Field
            label="Substance"
            value={row.substance}
            onValue={(substance) => update({ substance })}
            error={errors[`allergies.${i}.substance`]}
            autoFocus={added}
            autoComplete="off"
            required
          />
          <Field
            label="Reaction"
            value={row.reaction}
            onValue={(reaction) => update({ reaction })}
            error={errors[`allergies.${i}.reaction`]}
            autoComplete="off"
          />
          <SelectField
            label="Severity"
            value={row.severity}
            onValue={(severity) => update({ severity: severity as Severity })}
            options={SEVERITY_OPTIONS}
            error={errors[`allergies.${i}.severity`]}
          />
        </div>
      )}
    </RowsSection>
  );
}
