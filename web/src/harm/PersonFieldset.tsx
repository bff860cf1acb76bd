// PersonFieldset: "The person": their social functioning, goals, protective factors and what the use does for them.
import { Field } from '../ui/Field.tsx';
import type { AssessmentDraft, DraftSectionProps } from './assessment-draft.ts';

type ContextKey = 'socialFunctioning' | 'goals' | 'protectiveFactors' | 'functionOfUse';

const FIELDS: readonly { key: ContextKey; label: string }[] = [
  { key: 'socialFunctioning', label: 'Social functioning' },
  { key: 'goals', label: 'Their own goals' },
  { key: 'protectiveFactors', label: 'Protective factors' },
  { key: 'functionOfUse', label: 'What the use does for them' },
];

/** Free text, recorded with the assessment for the care plan and formulation; no rule reads it. */
export function PersonFieldset({ draft, onChange, errors }: DraftSectionProps) {
  return (
    <fieldset className="form-section">
      <legend>The person</legend>
      <div className="grid-2">
        {FIELDS.map((f) => (
          <Field
            key={f.key}
            label={f.label}
            multiline
            maxLength={2000}
            value={draft[f.key]}
            onValue={(value) => {
              const patch: Partial<AssessmentDraft> = {};
              patch[f.key] = value;
              onChange(patch);
            }}
            error={errors[`context.${f.key}`]}
          />
        ))}
      </div>
    </fieldset>
  );
}
