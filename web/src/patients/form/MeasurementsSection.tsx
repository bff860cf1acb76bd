// MeasurementsSection: weight and height with the date they were measured (needed for weight-based doses).
import { Field } from '../../ui/Field.tsx';
import { localDate } from '../../ui/local-date.ts';
import type { SectionProps } from './IdentitySection.tsx';

/** The "Measurements" fieldset. */
export function MeasurementsSection({ values, patch, errors }: SectionProps) {
  return (
    <fieldset className="form-section">
      <legend>Measurements</legend>
      <div className="grid-3">
        <Field
          label="Weight (kg)"
          inputMode="decimal"
          value={values.weightKg}
          onValue={(weightKg) => patch({ weightKg })}
          error={errors.weightKg}
          autoComplete="off"
        />
        <Field
          label="Height (cm)"
          inputMode="decimal"
          value={values.heightCm}
          onValue={(heightCm) => patch({ heightCm })}
          error={errors.heightCm}
          autoComplete="off"
        />
        <Field
          label="Measured on"
          type="date"
          max={localDate()}
          value={values.measuredOn}
          onValue={(measuredOn) => patch({ measuredOn })}
          error={errors.measuredOn}
        />
      </div>
    </fieldset>
  );
}
