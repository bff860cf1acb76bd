// IdentifiersSection: NHS number (checked as you leave the field) and the local medical record number.
import { useState } from 'react';
import { isValidNhsNumber, normaliseNhsNumber } from '../../../../src/domain/patient/nhs-number.ts';
import { Field } from '../../ui/Field.tsx';
import type { SectionProps } from './IdentitySection.tsx';

/** The "Identifiers" fieldset; other identifier systems on the record are listed, not edited. */
export function IdentifiersSection({ values, patch, errors }: SectionProps) {
  const [nhsChecked, setNhsChecked] = useState(false);
  const nhs = normaliseNhsNumber(values.nhs);
  const inlineNhsError =
    nhsChecked && nhs !== '' && !isValidNhsNumber(nhs) ? 'Not a valid NHS number' : undefined;
  return (
    <fieldset className="form-section">
      <legend>Identifiers</legend>
      <div className="grid-2">
        <Field
          label="NHS number"
          value={values.nhs}
          onValue={(value) => {
            patch({ nhs: value });
            // Check as soon as ten digits are typed, not on every keystroke before.
            if (normaliseNhsNumber(value).length >= 10) setNhsChecked(true);
          }}
          onBlur={() => setNhsChecked(true)}
          error={inlineNhsError ?? errors['identifiers.nhs']}
          hint="Ten digits, for example 943 476 5919."
          inputMode="numeric"
          autoComplete="off"
        />
        <Field
          label="MRN"
          value={values.mrn}
          onValue={(mrn) => patch({ mrn })}
          error={errors['identifiers.mrn']}
          hint="Local medical record number."
          autoComplete="off"
        />
      </div>
      {values.otherIdentifiers.length > 0 ? (
        <p className="hint">
          Also recorded:{' '}
          {values.otherIdentifiers.map((i) => `${i.system.toUpperCase()} ${i.value}`).join('; ')}
        </p>
      ) : null}
      {errors['identifiers.other'] ? <p className="field-error">{errors['identifiers.other']}</p> : null}
    </fieldset>
  );
}
