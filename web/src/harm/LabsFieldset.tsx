// LabsFieldset: the "Labs" section: eGFR, creatinine, ALT, ALP and the urinalysis as reported.
import { Field } from '../ui/Field.tsx';
import type { AssessmentDraft, DraftSectionProps } from './assessment-draft.ts';

type LabKey = 'egfr' | 'creatinine' | 'alt' | 'alp';

// Label, unit hint and the request field of each numeric result.
const LABS: readonly { key: LabKey; label: string; hint: string; field: string }[] = [
  { key: 'egfr', label: 'eGFR', hint: 'mL/min/1.73 m²', field: 'egfr' },
  { key: 'creatinine', label: 'Creatinine (µmol/L)', hint: 'µmol/L', field: 'creatinineUmolL' },
  { key: 'alt', label: 'ALT', hint: 'U/L', field: 'alt' },
  { key: 'alp', label: 'ALP', hint: 'U/L', field: 'alp' },
];

/** The latest results; blank ones are reported as missing by rules that need them. */
export function LabsFieldset({ draft, onChange, errors }: DraftSectionProps) {
  return (
    <fieldset className="form-section">
      <legend>Labs</legend>
      <div className="field-grid">
        {LABS.map((lab) => (
          <Field
            key={lab.key}
            label={lab.label}
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            hint={lab.hint}
            value={draft[lab.key]}
            onValue={(value) => {
              const patch: Partial<AssessmentDraft> = {};
              patch[lab.key] = value;
              onChange(patch);
            }}
            error={errors[`assessment.labs.${lab.field}`]}
          />
        ))}
      </div>
      <Field
        label="Urinalysis"
        value={draft.urinalysis}
        onValue={(urinalysis) => onChange({ urinalysis })}
        hint="As reported, e.g. “blood ++, nitrite negative”"
        maxLength={500}
        error={errors['assessment.labs.urinalysis']}
      />
    </fieldset>
  );
}
