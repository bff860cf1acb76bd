// VignetteForm: a supervisor writes an anonymised vignette: narrative, the harm assessment inputs and a reference level.
import { useState, type SubmitEvent } from 'react';
import { riskCodes } from '../../../src/domain/harm/index.ts';
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
import { FormProblem } from '../ui/FormProblem.tsx';
import { localDate } from '../ui/local-date.ts';
import { SelectField } from '../ui/SelectField.tsx';
import { useFormSubmit } from '../ui/use-form-submit.ts';
import { LevelRadios } from './LevelRadios.tsx';

interface VignetteFormProps {
  levels: readonly LevelDefinition[];
  services: readonly { id: string; name: string }[];
  onSaved: (title: string) => void;
}

/** Title, Narrative, the assessment fieldsets and "Reference level"; "Save vignette". */
export function VignetteForm({ levels, services, onSaved }: VignetteFormProps) {
  const form = useFormSubmit();
  const [title, setTitle] = useState('');
  const [narrative, setNarrative] = useState('');
  const [draft, setDraft] = useState<AssessmentDraft>(EMPTY_DRAFT);
  const [referenceLevel, setReferenceLevel] = useState<number | null>(null);
  const [serviceId, setServiceId] = useState('');
  const [today] = useState(() => localDate());
  const chooseService = services.length > 1;

  const onChange = (patch: Partial<AssessmentDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    const localErrors: Record<string, string> = {};
    if (title.trim() === '') localErrors.title = 'Give the vignette a title';
    if (narrative.trim() === '') localErrors.narrative = 'Write the case narrative';
    if (draft.days.trim() === '')
      localErrors['assessment.use.daysUsedLast28'] = 'Enter the number of days used in the last 28 (0 to 28)';
    if (referenceLevel === null) localErrors.referenceLevel = 'Choose the reference level';
    if (chooseService && serviceId === '') localErrors.serviceId = 'Choose the service this vignette is for';
    void form.submit(async () => {
      await api.post('/calibration/vignettes', {
        title: title.trim(),
        narrative: narrative.trim(),
        assessment: assessmentOf(draft),
        referenceLevel,
        ...(serviceId ? { serviceId } : {}),
      });
      onSaved(title.trim());
      setTitle('');
      setNarrative('');
      setDraft(EMPTY_DRAFT);
      setReferenceLevel(null);
    }, localErrors);
  };

  const section = { draft, onChange, errors: form.errors };
  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-label="Write a vignette">
      <FormProblem problem={form.problem} localErrors={form.localErrorCount} />
      <Field
        label="Title"
        required
        maxLength={200}
        value={title}
        onValue={setTitle}
        error={form.errors.title}
      />
      <Field
        label="Narrative"
        multiline
        required
        maxLength={10000}
        value={narrative}
        onValue={setNarrative}
        hint="Anonymised: no names, dates of birth, addresses or other details that could identify a person."
        error={form.errors.narrative}
      />
      {chooseService ? (
        <SelectField
          label="Service"
          value={serviceId}
          onValue={setServiceId}
          placeholder="Choose a service"
          options={services.map((s) => ({ value: s.id, label: s.name }))}
          error={form.errors.serviceId}
          required
        />
      ) : null}
      <UsePatternFieldset {...section} today={today} />
      <SymptomsFieldset {...section} today={today} />
      <CheckboxGroup
        legend="Risks"
        className="form-section"
        options={optionsOf(riskCodes, RISK_LABELS)}
        values={draft.risks}
        onValues={(risks) => onChange({ risks })}
        error={errorAt(form.errors, 'assessment.risks')}
        columns
      />
      <MeasuresFieldset {...section} />
      <LabsFieldset {...section} />
      <LevelRadios
        legend="Reference level"
        name="vignette-reference-level"
        levels={levels}
        value={referenceLevel}
        onValue={setReferenceLevel}
        error={form.errors.referenceLevel}
      />
      <div className="actions">
        <button type="submit" disabled={form.busy}>
          Save vignette
        </button>
      </div>
    </form>
  );
}
