// EligibilityForm: the prescriber's signed eligibility decision: checklist, baseline BP, contraindications, decision.
import { useId } from 'react';
import { api } from '../api/client.ts';
import { useDraft } from '../forms/use-draft.ts';
import { Field } from '../ui/Field.tsx';
import { Form } from '../ui/Form.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import { useForm } from '../ui/use-form.ts';
import { ContraindicationFieldset } from './ContraindicationFieldset.tsx';
import { EligibilityChecklist } from './EligibilityChecklist.tsx';
import {
  EMPTY_ELIGIBILITY,
  NO_ANSWER,
  contraindicationsFor,
  eligibilityRequest,
  type EligibilityDraft,
} from './eligibility-draft.ts';
import { DECISIONS, DECISION_LABELS, ROUTE_OPTIONS, asRoute } from './treatment-labels.ts';
import type { Route, SignedEligibility } from './treatment-types.ts';

const DECISION_OPTIONS = DECISIONS.map((value) => ({ value, label: DECISION_LABELS[value] }));

interface EligibilityFormProps {
  patientId: string;
  onSigned: (result: SignedEligibility, route: Route) => void;
}

/** Every field of the decision and "Sign eligibility decision"; nothing is sent until each is answered. */
export function EligibilityForm({ patientId, onSigned }: EligibilityFormProps) {
  const decisionName = useId();
  const draft = useDraft<EligibilityDraft>('eligibility', EMPTY_ELIGIBILITY);
  const form = useForm(null, EMPTY_ELIGIBILITY, { state: draft });
  const { values, set, errors } = form;

  const onSubmit = () => {
    const request = eligibilityRequest(values);
    if (!request.ok) {
      void form.submit(async () => undefined, request.errors);
      return;
    }
    void form.submit(async () => {
      const result = await api.post<SignedEligibility>(
        `/patients/${encodeURIComponent(patientId)}/eligibility`,
        request.body,
      );
      draft[2]();
      onSigned(result, request.body.route);
    });
  };

  return (
    <Form form={form} onSubmit={onSubmit} submit="Sign eligibility decision" label="Eligibility decision">
      <SelectField
        label="Route"
        value={values.route}
        onValue={(v) => {
          const route = asRoute(v);
          if (route) set('route')(route);
        }}
        options={ROUTE_OPTIONS}
        error={errors.route}
      />
      <EligibilityChecklist form={form} />
      <fieldset className="form-section">
        <legend>Contraindications</legend>
        <p className="hint">Those the sources cite for the chosen route. Answer each one.</p>
        {contraindicationsFor(values.route).map((item, i) => (
          <ContraindicationFieldset
            key={item.code}
            item={item}
            answer={values.answers[item.code] ?? NO_ANSWER}
            onAnswer={(answer) => set('answers')({ ...values.answers, [item.code]: answer })}
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
                checked={values.decision === d.value}
                onChange={() => set('decision')(d.value)}
              />
              <span>{d.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <Field label="Note" multiline maxLength={2000} {...form.field('note')} />
    </Form>
  );
}
