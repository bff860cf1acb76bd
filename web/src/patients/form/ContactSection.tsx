// ContactSection: the patient's phone, email and address.
import { Field } from '../../ui/Field.tsx';
import type { SectionProps } from './IdentitySection.tsx';

/** The "Contact" fieldset. */
export function ContactSection({ values, patch, errors }: SectionProps) {
  return (
    <fieldset className="form-section">
      <legend>Contact</legend>
      <div className="grid-2">
        <Field
          label="Phone"
          type="tel"
          value={values.phone}
          onValue={(phone) => patch({ phone })}
          error={errors['contact.phone']}
          autoComplete="off"
        />
        <Field
          label="Email"
          type="email"
          value={values.email}
          onValue={(email) => patch({ email })}
          error={errors['contact.email']}
          autoComplete="off"
        />
      </div>
      <Field
        label="Address"
        multiline
        value={values.address}
        onValue={(address) => patch({ address })}
        error={errors['contact.address']}
      />
    </fieldset>
  );
}
