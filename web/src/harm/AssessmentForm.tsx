// AssessmentForm: the structured harm assessment, one form in sections, with the live proposal beside it.
import { useEffect, useMemo, useRef, useState, type SubmitEvent } from 'react';
import { riskCodes } from '../../../src/domain/harm/index.ts';
import { api } from '../api/client.ts';
import { useDraft } from '../forms/use-draft.ts';
import { CheckboxGroup } from '../ui/CheckboxGroup.tsx';
import { FormProblem } from '../ui/FormProblem.tsx';
import { localDate } from '../ui/local-date.ts';
import { useFormSubmit } from '../ui/use-form-submit.ts';
import { assessmentOf, contextOf, EMPTY_DRAFT, errorAt, type AssessmentDraft } from './assessment-draft.ts';
import { applyPrefill } from './assessment-prefill.ts';
import { RISK_LABELS, optionsOf } from './harm-labels.ts';
import type { ContentPack, SavedAssessment } from './harm-types.ts';
import { LabsFieldset } from './LabsFieldset.tsx';
import { MeasuresFieldset } from './MeasuresFieldset.tsx';
import { PersonFieldset } from './PersonFieldset.tsx';
import { ProposalPanel } from './ProposalPanel.tsx';
import { SymptomsFieldset } from './SymptomsFieldset.tsx';
import { UsePatternFieldset } from './UsePatternFieldset.tsx';
import { useChartPrefill } from './use-chart-prefill.ts';
import { useHarmProposal } from './use-harm-proposal.ts';

const DAYS_PATH = 'assessment.use.daysUsedLast28';

interface AssessmentFormProps {
  patientId: string;
  onSaved: (saved: SavedAssessment) => void;
  /** The pack in force, so the proposal names domains, settings and rules in its words. */
  pack?: ContentPack | null;
}

/** Use pattern, Symptoms, Risks, Linked measures, Labs and The person; "Save assessment". */
export function AssessmentForm({ patientId, onSaved, pack = null }: AssessmentFormProps) {
  const form = useFormSubmit();
  const [draft, setDraft, clearDraft] = useDraft<AssessmentDraft>('harm-assessment', EMPTY_DRAFT);
  const [today] = useState(() => localDate());
  const prefill = useChartPrefill(patientId);
  // The chart's PHQ-9, SDS and item-9 answer go into empty fields once, when they arrive; all stay editable.
  const prefilled = useRef(false);
  useEffect(() => {
    if (!prefill || prefilled.current) return;
    prefilled.current = true;
    setDraft((d) => applyPrefill(d, prefill));
  }, [prefill, setDraft]);
  const daysGiven = draft.days.trim() !== '';
  const assessment = useMemo(() => (daysGiven ? assessmentOf(draft) : null), [draft, daysGiven]);
  const proposal = useHarmProposal(assessment);
  // The live check names bad fields as they are typed; a refused save adds (and wins over) its own messages.
  const errors = { ...(proposal.error?.fieldErrors ?? {}), ...form.errors };

  const onChange = (patch: Partial<AssessmentDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    if (form.problem || form.localErrorCount > 0) form.reset();
  };

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    const localErrors: Record<string, string> = {};
    if (!daysGiven) localErrors[DAYS_PATH] = 'Enter the number of days used in the last 28 (0 to 28)';
    void form.submit(async () => {
      const context = contextOf(draft);
      const saved = await api.post<SavedAssessment>(
        `/patients/${encodeURIComponent(patientId)}/harm-assessments`,
        { assessment: assessmentOf(draft), ...(context ? { context } : {}) },
      );
      clearDraft();
      onSaved(saved);
    }, localErrors);
  };

  const section = { draft, onChange, errors, prefill };
  return (
    <div className="harm-assess-layout">
      <form onSubmit={onSubmit} noValidate className="stack" aria-label="Structured assessment">
        <FormProblem problem={form.problem} localErrors={form.localErrorCount} />
        <UsePatternFieldset {...section} today={today} />
        <SymptomsFieldset {...section} today={today} />
        <CheckboxGroup
          legend="Risks"
          className="form-section"
          options={optionsOf(riskCodes, RISK_LABELS)}
          values={draft.risks}
          onValues={(risks) => onChange({ risks })}
          error={errorAt(errors, 'assessment.risks')}
          columns
        />
        <MeasuresFieldset {...section} />
        <LabsFieldset {...section} />
        <PersonFieldset {...section} />
        <div className="actions">
          <button type="submit" disabled={form.busy}>
            Save assessment
          </button>
        </div>
      </form>
      <ProposalPanel
        proposal={proposal}
        pack={pack}
        waiting={daysGiven ? null : 'Enter the days used in the last 28 to see the proposal.'}
      />
    </div>
  );
}
