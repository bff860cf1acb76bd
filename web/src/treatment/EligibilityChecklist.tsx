// EligibilityChecklist: the pre-treatment checklist of the eligibility decision: checks, prior trials, BP, pregnancy.
import { Checkbox } from '../ui/Checkbox.tsx';
import { Field } from '../ui/Field.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import type { Form } from '../ui/use-form.ts';
import { CHECKLIST, type EligibilityDraft } from './eligibility-draft.ts';
import { PREGNANCY_LABELS, PREGNANCY_STATUSES, asPregnancyStatus } from './treatment-labels.ts';

const PREGNANCY_OPTIONS = PREGNANCY_STATUSES.map((value) => ({ value, label: PREGNANCY_LABELS[value] }));

/** "Pre-treatment checklist": the five checks (ASKP tenets 1–3), prior trials, baseline BP and pregnancy status. */
export function EligibilityChecklist({ form }: { form: Form<EligibilityDraft, unknown> }) {
  const { values, set, errors } = form;
  const checklistError = CHECKLIST.map(({ key }) => errors[`checklist.${key}`]).find(Boolean);
  return (
    <fieldset className={`form-section${checklistError ? ' field-invalid' : ''}`}>
      <legend>Pre-treatment checklist</legend>
      {checklistError ? <p className="field-error">{checklistError}</p> : null}
      <div className="checkbox-group">
        {CHECKLIST.map(({ key, label }) => (
          <Checkbox
            key={key}
            label={label}
            checked={values.checks[key]}
            onChecked={(on) => set('checks')({ ...values.checks, [key]: on })}
          />
        ))}
      </div>
      <Field
        label="Prior treatment trials"
        multiline
        required
        maxLength={2000}
        {...form.field('priorTrials')}
        error={errors['checklist.priorTreatmentTrials']}
      />
      <div className="field-grid">
        <Field
          label="Baseline systolic"
          type="number"
          inputMode="numeric"
          min={40}
          max={300}
          required
          hint="mmHg"
          {...form.field('systolic')}
          error={errors['checklist.baselineBp.systolic']}
        />
        <Field
          label="Baseline diastolic"
          type="number"
          inputMode="numeric"
          min={20}
          max={200}
          required
          hint="mmHg"
          {...form.field('diastolic')}
          error={errors['checklist.baselineBp.diastolic']}
        />
        <SelectField
          label="Pregnancy status"
          value={values.pregnancy}
          onValue={(v) => set('pregnancy')(asPregnancyStatus(v) ?? '')}
          options={PREGNANCY_OPTIONS}
          placeholder="Choose…"
          required
          error={errors['checklist.pregnancyStatus']}
        />
      </div>
    </fieldset>
  );
}
