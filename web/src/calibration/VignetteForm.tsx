// VignetteForm: a supervisor writes an anonymised vignette: narrative, the harm assessment inputs and a reference level.
import { useState } from 'react';
import { riskCodes } from '../../../src/domain/harm/index.ts';
import { createVignetteSchema } from '../../../src/schemas/vignettes.ts';
import { api } from '../api/client.ts';
import { assessmentOf, EMPTY_DRAFT, errorAt, type AssessmentDraft } from '../harm/assessment-draft.ts';
import { RISK_LABELS, optionsOf } from '../harm/harm-labels.ts';
import type { LevelDefinition } from '../harm/harm-types.ts';
import { LabsFieldset } from '../harm/LabsFieldset.tsx';
import { MeasuresFieldset } from '../harm/MeasuresFieldset.tsx';
import { SymptomsFieldset } from '../harm/SymptomsFieldset.tsx';
import { UsePatternFieldset } from '../harm/UsePatternFieldset.tsx';
import { CheckboxGroup } from '../ui/CheckboxGroup.tsx';
import { Field } from '../ui/Field.tsx';
import { Form } from '../ui/Form.tsx';
import { localDate } from '../ui/local-date.ts';
import { SelectField } from '../ui/SelectField.tsx';
import { useForm } from '../ui/use-form.ts';
import { LevelRadios } from './LevelRadios.tsx';

interface VignetteFormProps {
  levels: readonly LevelDefinition[];
  services: readonly { id: string; name: string }[];
  onSaved: (title: string) => void;
}

type Values = {
  title: string;
  narrative: string;
  serviceId: string;
  referenceLevel: number | null;
  draft: AssessmentDraft;
};

const EMPTY: Values = { title: '', narrative: '', serviceId: '', referenceLevel: null, draft: EMPTY_DRAFT };

const toBody = (v: Values) => ({
  title: v.title.trim(),
  narrative: v.narrative.trim(),
  assessment: assessmentOf(v.draft),
  referenceLevel: v.referenceLevel,
  ...(v.serviceId ? { serviceId: v.serviceId } : {}),
});

/** The form's own messages, in the supervisor's words. */
function ownErrors(v: Values, chooseService: boolean): Record<string, string> {
  const own: Record<string, string> = {};
  if (v.title.trim() === '') own.title = 'Give the vignette a title';
  if (v.narrative.trim() === '') own.narrative = 'Write the case narrative';
  if (v.draft.days.trim() === '')
    own['assessment.use.daysUsedLast28'] = 'Enter the number of days used in the last 28 (0 to 28)';
  if (v.referenceLevel === null) own.referenceLevel = 'Choose the reference level';
  if (chooseService && v.serviceId === '') own.serviceId = 'Choose the service this vignette is for';
  return own;
}

/** Title, Narrative, the assessment fieldsets and "Reference level"; "Save vignette". */
export function VignetteForm({ levels, services, onSaved }: VignetteFormProps) {
  const form = useForm(createVignetteSchema, EMPTY, { toBody });
  const { values, errors } = form;
  const [today] = useState(() => localDate());
  const chooseService = services.length > 1;
  const onChange = (patch: Partial<AssessmentDraft>) =>
    form.setValues((v) => ({ ...v, draft: { ...v.draft, ...patch } }));

  const onSubmit = () =>
    void form.send(
      async (body) => {
        await api.post('/calibration/vignettes', body);
        onSaved(body.title);
        form.clear('serviceId');
      },
      ownErrors(values, chooseService),
    );

  const section = { draft: values.draft, onChange, errors };
  return (
    <Form form={form} onSubmit={onSubmit} submit="Save vignette" label="Write a vignette">
      <Field label="Title" required maxLength={200} {...form.field('title')} />
      <Field
        label="Narrative"
        multiline
        required
        maxLength={10000}
        {...form.field('narrative')}
        hint="Anonymised: no names, dates of birth, addresses or other details that could identify a person."
      />
      {chooseService ? (
        <SelectField
          label="Service"
          {...form.field('serviceId')}
          placeholder="Choose a service"
          options={services.map((s) => ({ value: s.id, label: s.name }))}
          required
        />
      ) : null}
      <UsePatternFieldset {...section} today={today} />
      <SymptomsFieldset {...section} today={today} />
      <CheckboxGroup
        legend="Risks"
        className="form-section"
        options={optionsOf(riskCodes, RISK_LABELS)}
        values={values.draft.risks}
        onValues={(risks) => onChange({ risks })}
        error={errorAt(errors, 'assessment.risks')}
        columns
      />
      <MeasuresFieldset {...section} />
      <LabsFieldset {...section} />
      <LevelRadios
        legend="Reference level"
        name="vignette-reference-level"
        levels={levels}
        value={values.referenceLevel}
        onValue={form.set('referenceLevel')}
        error={errors.referenceLevel}
      />
    </Form>
  );
}
