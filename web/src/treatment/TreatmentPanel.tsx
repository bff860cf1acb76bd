// TreatmentPanel: the chart's "Treatment" tab: referral and eligibility, consent, and the dosing session.
import { ConsentSection } from './ConsentSection.tsx';
import { DosingSection } from './DosingSection.tsx';
import { ScreeningSection } from './ScreeningSection.tsx';

interface TreatmentPanelProps {
  patientId: string;
  canWrite: boolean;
  /** Prescribers sign eligibility decisions; others read the latest one. */
  canPrescribe: boolean;
}

/** The "Treatment" tab, in the order a course runs: screen, consent, dose. */
export function TreatmentPanel({ patientId, canWrite, canPrescribe }: TreatmentPanelProps) {
  return (
    <>
      <h2>Treatment</h2>
      <ScreeningSection patientId={patientId} canWrite={canWrite} canPrescribe={canPrescribe} />
      <ConsentSection patientId={patientId} canWrite={canWrite} />
      <DosingSection patientId={patientId} canWrite={canWrite} />
    </>
  );
}
