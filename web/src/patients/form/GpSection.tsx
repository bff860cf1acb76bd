// GpSection: the patient's GP or other primary care contact.
import { Field } from '../../ui/Field.tsx';
import type { SectionProps } from './IdentitySection.tsx';

/** The "GP / primary care" fieldset. */
export function GpSection({ values, patch, errors }: SectionProps) {
  return (
    <fieldset className="form-section">
      <legend>GP / primary care</legend>
      <div className="grid-2">
        <Field
          label="GP name"
          value={values.gpName}
          onValue={(gpName) => patch({ gpName })}
          error={errors['gp.name']}
          autoComplete="off"
        />
        <Field
          label="Practice"
          value={values.gpPractice}
          onValue={(gpPractice) => patch({ gpPractice })}
          error={errors['gp.practice']}
          autoComplete="off"
        />
        <Field
          label="Practice phone"
          type="tel"
          value={values.gpPhone}
          onValue={(gpPhone) => patch({ gpPhone })}
          error={errors['gp.phone']}
          autoComplete="off"
        />
      </div>
      <Field
        label="Practice address"
        multiline
        value={values.gpAddress}
        onValue={(gpAddress) => patch({ gpAddress })}
        error={errors['gp.address']}
      />
    </fieldset>
  );
}
