// BaselineFields: the pre-dose vital signs of the start-session form, and when they were taken.
import type { FieldErrors } from '../api/api-error.ts';
import { Field } from '../ui/Field.tsx';
import type { StartDraft } from './start-session-draft.ts';

interface BaselineFieldsProps {
  draft: StartDraft;
  onChange: (patch: Partial<StartDraft>) => void;
  errors: FieldErrors;
}

const NUMBERS = [
  { key: 'systolic', label: 'Baseline systolic', hint: 'mmHg', min: 40, max: 300, required: true },
  { key: 'diastolic', label: 'Baseline diastolic', hint: 'mmHg', min: 20, max: 200, required: true },
  { key: 'heartRate', label: 'Baseline heart rate', hint: 'bpm', min: 20, max: 250, required: true },
  { key: 'spo2', label: 'Baseline SpO2', hint: '%', min: 50, max: 100, required: true },
  {
    key: 'respiratoryRate',
    label: 'Baseline respiratory rate',
    hint: 'breaths/min',
    min: 2,
    max: 80,
    required: false,
  },
] as const;

/** A fieldset "Baseline vital signs": "Baseline taken at" and the readings. */
export function BaselineFields({ draft, onChange, errors }: BaselineFieldsProps) {
  return (
    <fieldset className="form-section">
      <legend>Baseline vital signs</legend>
      <div className="field-grid">
        <Field
          label="Baseline taken at"
          type="datetime-local"
          required
          value={draft.takenAt}
          onValue={(takenAt) => onChange({ takenAt })}
          error={errors['baseline.takenAt']}
        />
        {NUMBERS.map((n) => (
          <Field
            key={n.key}
            label={n.label}
            type="number"
            inputMode="decimal"
            min={n.min}
            max={n.max}
            required={n.required}
            hint={n.hint}
            value={draft[n.key]}
            onValue={(value) => onChange({ [n.key]: value })}
            error={errors[`baseline.${n.key}`]}
          />
        ))}
      </div>
    </fieldset>
  );
}
