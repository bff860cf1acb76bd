// AllergiesSection: whether allergies were asked (not yet, none known, listed), then the allergy rows (substance,
// reaction, severity) that can be added and removed.
import { useId } from 'react';
import type { StatedAllergyStatus } from '../../../../src/domain/patient/allergy-status.ts';
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

const STATUS_OPTIONS: readonly { value: StatedAllergyStatus; label: string }[] = [
  { value: 'not-asked', label: 'Not yet asked' },
  { value: 'none-known', label: 'Asked: no known allergies' },
  { value: 'recorded', label: 'Asked: allergies listed below' },
];

/** "Allergies asked?": an explicit answer, so "none known" never reads the same as "not asked". */
function AllergyStatusField({ values, patch, errors }: SectionProps) {
  const id = useId();
  const error = errors.allergyStatus;
  return (
    <fieldset
      className={`radio-group${error ? ' field-invalid' : ''}`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>Allergies asked?</legend>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {STATUS_OPTIONS.map((o) => (
        <label key={o.value} className="radio">
          <input
            type="radio"
            name="allergyStatus"
            value={o.value}
            checked={values.allergyStatus === o.value}
            onChange={() => patch({ allergyStatus: o.value })}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

/** The "Allergies" fieldset: the status, then the rows. */
export function AllergiesSection({ values, patch, errors }: SectionProps) {
  return (
    <>
      <AllergyStatusField values={values} patch={patch} errors={errors} />
      <RowsSection
        legend="Allergies"
        item="allergy"
        rows={values.allergies}
        onRows={(allergies) => patch({ allergies })}
        blank={emptyAllergy}
        empty="No allergies listed. Add each known allergy; if there are none, answer “Asked: no known allergies” above."
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
    </>
  );
}
