// IdentitySection: given and family name, date of birth and sex.
import { SEX_CODES } from '../../../../src/schemas/patient.ts';
import type { FieldErrors } from '../../api/api-error.ts';
import { Field } from '../../ui/Field.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { sexLabel } from '../../ui/format.ts';
import { localDate } from '../../ui/local-date.ts';
import type { PatchForm, PatientFormValues } from './patient-form-values.ts';

interface SectionProps {
  values: PatientFormValues;
  patch: PatchForm;
  errors: FieldErrors;
}

const SEX_OPTIONS = SEX_CODES.map((code) => ({ value: code, label: sexLabel(code) }));

/** The "Identity" fieldset. */
export function IdentitySection({ values, patch, errors }: SectionProps) {
  return (
    <fieldset className="form-section">
      <legend>Identity</legend>
      <div className="grid-2">
        <Field
          label="Given name"
          value={values.givenName}
          onValue={(givenName) => patch({ givenName })}
          error={errors.givenName}
          autoComplete="off"
          required
        />
        <Field
          label="Family name"
          value={values.familyName}
          onValue={(familyName) => patch({ familyName })}
          error={errors.familyName}
          autoComplete="off"
          required
        />
        <Field
          label="Date of birth"
          type="date"
          max={localDate()}
          value={values.birthDate}
          onValue={(birthDate) => patch({ birthDate })}
          error={errors.birthDate}
          required
        />
        <SelectField
          label="Sex"
          value={values.sex}
          onValue={(sex) => patch({ sex })}
          options={SEX_OPTIONS}
          placeholder="Not recorded"
          error={errors.sex}
        />
      </div>
    </fieldset>
  );
}

export type { SectionProps };
