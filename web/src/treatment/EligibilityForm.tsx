// EligibilityForm: the prescriber's signed eligibility decision: checklist, baseline BP, contraindications, decision.
import { useId, type SubmitEvent } from 'react';
import { api } from '../api/client.ts';
import { useDraft } from '../forms/use-draft.ts';
import { Checkbox } from '../ui/Checkbox.tsx';
import { Field } from '../ui/Field.tsx';
import { FormProblem } from '../ui/FormProblem.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import { useFormSubmit } from '../ui/use-form-submit.ts';
import { ContraindicationFieldset } from './ContraindicationFieldset.tsx';
import {
  CHECKLIST,
  EMPTY_ELIGIBILITY,
  contraindicationsFor,
  eligibilityRequest,
  type EligibilityDraft,
} from './eligibility-draft.ts';
import {
  DECISIONS,
  DECISION_LABELS,
  PREGNANCY_LABELS,
  PREGNANCY_STATUSES,
  ROUTE_OPTIONS,
  asPregnancyStatus,
  asRoute,
} from './treatment-labels.ts';
import type { Route, SignedEligibility } from './treatment-types.ts';

const PREGNANCY_OPTIONS = PREGNANCY_STATUSES.map((value) => ({ value, label: PREGNANCY_LABELS[value] }));
const DECISION_OPTIONS = DECISIONS.map((value) => ({ value, label: DECISION_LABELS[value] }));

interface EligibilityFormProps {
  patientId: string;
  onSigned: (result: SignedEligibility, route: Route) => void;
}

/** Every field of the decision and "Sign eligibility decision"; nothing is sent until each is answered. */
export function EligibilityForm({ patientId, onSigned }: EligibilityFormProps) {
  const form = useFormSubmit();
  const decisionName = useId();
  const [draft, setDraft, clearDraft] = useDraft<EligibilityDraft>('eligibility', EMPTY_ELIGIBILITY);
  const change = (patch: Partial<EligibilityDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
  };
  const errors = form.errors;
  const checklistError = CHECKLIST.map(({ key }) => errors[`checklist.${key}`]).find(Boolean);

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    const request = eligibilityRequest(draft);
    if (!request.ok) {
      void form.submit(async () => undefined, request.errors);
      return;
    }
    void form.submit(async () => {
      const result = await api.post<SignedEligibility>(
        `/patients/${encodeURIComponent(patientId)}/eligibility`,
        request.body,
      );
      clearDraft();
      onSigned(result, request.body.route);
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-label="Eligibility decision">
      <FormProblem problem={form.problem} localErrors={form.localErrorCount} />
      <SelectField
        label="Route"
        value={draft.route}
        onValue={(v) => {
          const route = asRoute(v);
          if (route) change({ route });
        }}
        options={ROUTE_OPTIONS}
        error={errors.route}
      />
      <fieldset className={`form-section${checklistError ? ' field-invalid' : ''}`}>
        <legend>Pre-treatment checklist</legend>
        {checklistError ? <p className="field-error">{checklistError}</p> : null}
        <div className="checkbox-group">
          {CHECKLIST.map(({ key, label }) => (
            <Checkbox
              key={key}
              label={label}
              checked={draft.checks[key]}
              onChecked={(on) => {
                change({ checks: { ...draft.checks, [key]: on } });
              }}
            />
          ))}
        </div>
        <Field
          label="Prior treatment trials"
          multiline
          required
          maxLength={2000}
          value={draft.priorTrials}
          onValue={(priorTrials) => change({ priorTrials })}
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
            value={draft.systolic}
            onValue={(systolic) => change({ systolic })}
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
            value={draft.diastolic}
            onValue={(diastolic) => change({ diastolic })}
            error={errors['checklist.baselineBp.diastolic']}
          />
          <SelectField
            label="Pregnancy status"
            value={draft.pregnancy}
            onValue={(v) => change({ pregnancy: asPregnancyStatus(v) ?? '' })}
            options={PREGNANCY_OPTIONS}
            placeholder="Choose…"
            required
            error={errors['checklist.pregnancyStatus']}
          />
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>Contraindications</legend>
        <p className="hint">Those the sources cite for the chosen route. Answer each one.</p>
        {contraindicationsFor(draft.route).map((item, i) => (
          <ContraindicationFieldset
            key={item.code}
            item={item}
            answer={draft.answers[item.code] ?? { present: null, judgement: '' }}
            onAnswer={(answer) => {
              change({ answers: { ...draft.answers, [item.code]: answer } });
            }}
            presentError={errors[`contraindications.${i}.present`]}
            judgementError={
              errors[`contraindications.${i}.judgement`] ?? errors[`contraindications.${i}.code`]
            }
          />
        ))}
      </fieldset>
      <fieldset className={errors.decision ? 'field-invalid' : undefined}>
        <legend>Decision</legend>
        {errors.decision ? <p className="field-error">{errors.decision}</p> : null}
        <div className="radio-row">
          {DECISION_OPTIONS.map((d) => (
            <label key={d.value} className="radio">
              <input
                type="radio"
                name={decisionName}
                checked={draft.decision === d.value}
                onChange={() => change({ decision: d.value })}
              />
              <span>{d.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <Field
        label="Note"
        multiline
        maxLength={2000}
        value={draft.note}
        onValue={(note) => change({ note })}
        error={errors.note}
      />
      <div className="actions">
        <button type="submit" disabled={form.busy}>
          Sign eligibility decision
        </button>
      </div>
    </form>
  );
}
