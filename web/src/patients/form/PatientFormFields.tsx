// PatientFormFields: every section of the patient form, shared by registration and correction.
import { AllergiesSection } from './AllergiesSection.tsx';
import { ContactSection } from './ContactSection.tsx';
import { GpSection } from './GpSection.tsx';
import { IdentifiersSection } from './IdentifiersSection.tsx';
import { IdentitySection, type SectionProps } from './IdentitySection.tsx';
import { MeasurementsSection } from './MeasurementsSection.tsx';
import { MedicationsSection } from './MedicationsSection.tsx';

/** Identity, identifiers, contact, GP, measurements, allergies and medications, in that order. */
export function PatientFormFields(props: SectionProps) {
  return (
    <>
      <IdentitySection {...props} />
      <IdentifiersSection {...props} />
      <ContactSection {...props} />
      <GpSection {...props} />
      <MeasurementsSection {...props} />
      <AllergiesSection {...props} />
      <MedicationsSection {...props} />
    </>
  );
}
