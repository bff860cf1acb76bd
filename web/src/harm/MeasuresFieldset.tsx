// MeasuresFieldset: the "Linked measures" section: SDS and PHQ-9 totals, TOP health ratings and the urinary checklist.
import { Checkbox } from '../ui/Checkbox.tsx';
import { Field } from '../ui/Field.tsx';
import type { AssessmentDraft, DraftSectionProps } from './assessment-draft.ts';
import { prefillNote } from './assessment-prefill.ts';

const at = (key: string) => `assessment.measures.${key}`;

// TOP section 4: the person's own ratings over the last 28 days (Marsden 2008; harm.md §6).
const TOP_ITEMS = [
  { key: 'topPsychologicalHealth', label: 'TOP psychological health, 0 (poor) – 20 (good)' },
  { key: 'topPhysicalHealth', label: 'TOP physical health, 0 (poor) – 20 (good)' },
  { key: 'topQualityOfLife', label: 'TOP overall quality of life, 0 (poor) – 20 (good)' },
] as const satisfies readonly { key: keyof AssessmentDraft; label: string }[];

/** Questionnaire results scored elsewhere; blank means not done, which the proposal reports as missing. */
export function MeasuresFieldset({ draft, onChange, errors, prefill = null }: DraftSectionProps) {
  const checklist = draft.urinaryChecklist;
  const sdsNote = prefillNote('measures.sdsTotal', draft, prefill);
  const phq9Note = prefillNote('measures.phq9Total', draft, prefill);
  return (
    <fieldset className="form-section">
      <legend>Linked measures</legend>
      <div className="field-grid">
        <Field
          label="SDS total"
          type="number"
          inputMode="numeric"
          min={0}
          max={15}
          hint={`Severity of Dependence Scale, 0–15${sdsNote ? `. ${sdsNote}` : ''}`}
          value={draft.sdsTotal}
          onValue={(sdsTotal) => onChange({ sdsTotal })}
          error={errors[at('sdsTotal')]}
        />
        <Field
          label="PHQ-9 total"
          type="number"
          inputMode="numeric"
          min={0}
          max={27}
          hint={`0–27${phq9Note ? `. ${phq9Note}` : ''}`}
          value={draft.phq9Total}
          onValue={(phq9Total) => onChange({ phq9Total })}
          error={errors[at('phq9Total')]}
        />
        {TOP_ITEMS.map(({ key, label }) => (
          <Field
            key={key}
            label={label}
            type="number"
            inputMode="numeric"
            min={0}
            max={20}
            step={1}
            value={draft[key]}
            onValue={(value) => onChange({ [key]: value })}
            error={errors[at(key)]}
          />
        ))}
      </div>
      {/* Two boxes, so a checklist not done is not sent as a negative one. */}
      <div className="checkbox-group">
        <Checkbox
          label="Urinary checklist done"
          checked={checklist !== 'not-done'}
          onChecked={(done) => onChange({ urinaryChecklist: done ? 'negative' : 'not-done' })}
        />
        <Checkbox
          label="Urinary checklist positive"
          checked={checklist === 'positive'}
          onChecked={(positive) => onChange({ urinaryChecklist: positive ? 'positive' : 'negative' })}
        />
      </div>
      {errors[at('urinaryChecklistPositive')] ? (
        <p className="field-error">{errors[at('urinaryChecklistPositive')]}</p>
      ) : null}
    </fieldset>
  );
}
