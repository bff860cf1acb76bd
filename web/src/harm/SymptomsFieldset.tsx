// SymptomsFieldset: the "Symptoms" section: a box per symptom, and when ticked its onset and persistence.
import { symptomCodes, type SymptomCode } from '../../../src/domain/harm/index.ts';
import { Checkbox } from '../ui/Checkbox.tsx';
import { Field } from '../ui/Field.tsx';
import { checkedSymptoms, errorAt, type DraftSectionProps, type SymptomDetail } from './assessment-draft.ts';
import { prefillNote } from './assessment-prefill.ts';
import { SYMPTOM_LABELS } from './harm-labels.ts';

/** Every symptom of the server's vocabulary, in its order. */
export function SymptomsFieldset({
  draft,
  onChange,
  errors,
  today,
  prefill = null,
}: DraftSectionProps & { today: string }) {
  const suicidalNote = prefillNote('symptoms.suicidal-ideation', draft, prefill);
  // Error paths count ticked symptoms only: `assessment.symptoms.N` is the N-th ticked one.
  const sent = checkedSymptoms(draft);
  const setSymptom = (code: SymptomCode, detail: SymptomDetail | undefined) => {
    const others = Object.entries(draft.symptoms).filter(([c]) => c !== code);
    onChange({ symptoms: Object.fromEntries(detail ? [...others, [code, detail]] : others) });
  };
  const listError = errors['assessment.symptoms'];

  return (
    <fieldset className="form-section">
      <legend>Symptoms</legend>
      {listError ? <p className="field-error">{listError}</p> : null}
      <ul className="symptom-list">
        {symptomCodes.map((code) => {
          const detail = draft.symptoms[code];
          const label = SYMPTOM_LABELS[code];
          const base = `assessment.symptoms.${sent.indexOf(code)}`;
          return (
            <li key={code} className={detail ? 'symptom symptom-checked' : 'symptom'}>
              <Checkbox
                label={label}
                checked={detail !== undefined}
                onChecked={(on) => {
                  setSymptom(code, on ? { onset: '', weeks: '' } : undefined);
                }}
              />
              {detail ? (
                <div role="group" aria-label={`${label}: details`} className="symptom-details">
                  {code === 'suicidal-ideation' && suicidalNote ? (
                    <p className="hint">{suicidalNote}</p>
                  ) : null}
                  {errors[`${base}.code`] ? <p className="field-error">{errors[`${base}.code`]}</p> : null}
                  <Field
                    label="Onset"
                    type="date"
                    max={today}
                    value={detail.onset}
                    onValue={(onset) => {
                      setSymptom(code, { ...detail, onset });
                    }}
                    error={errors[`${base}.onset`]}
                  />
                  <Field
                    label="Persists after stopping (weeks)"
                    type="number"
                    inputMode="decimal"
                    min={0}
                    value={detail.weeks}
                    onValue={(weeks) => {
                      setSymptom(code, { ...detail, weeks });
                    }}
                    hint="Leave blank if use has not stopped"
                    error={errorAt(errors, `${base}.persistsAfterStoppingWeeks`)}
                  />
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
