// HarmPathwayPanel: the chart's "Harm pathway" tab: decide, assess, history, care plan and formulation.
import { useState } from 'react';
import { useApiData } from '../api/use-api-data.ts';
import { Notice } from '../ui/Notice.tsx';
import { AssessmentForm } from './AssessmentForm.tsx';
import { AssessmentHistoryTable } from './AssessmentHistoryTable.tsx';
import { CarePlanSection } from './CarePlanSection.tsx';
import { DecisionSection } from './DecisionSection.tsx';
import { FormulationSection } from './FormulationSection.tsx';
import type {
  AssessmentEntry,
  CarePlanList,
  ContentPack,
  DecisionResult,
  SavedAssessment,
} from './harm-types.ts';

interface HarmPathwayPanelProps {
  patientId: string;
  canWrite: boolean;
  /** Called when a saved assessment raised re-assessment alerts, so the chart shows them. */
  onAlertsRaised: () => void;
}

/** The "Harm pathway" tab. */
export function HarmPathwayPanel({ patientId, canWrite, onAlertsRaised }: HarmPathwayPanelProps) {
  const base = `/patients/${encodeURIComponent(patientId)}`;
  const pack = useApiData<ContentPack>('/harm/content-pack');
  const list = useApiData<{ assessments: AssessmentEntry[] }>(`${base}/harm-assessments`);
  const plan = useApiData<CarePlanList>(`${base}/care-plan`);
  const [saved, setSaved] = useState<SavedAssessment | null>(null);
  const [decided, setDecided] = useState<DecisionResult | null>(null);
  const [round, setRound] = useState(0);

  const assessments = list.data?.assessments ?? [];
  const latest = assessments.at(-1) ?? null;
  // The saved assessment stands in for the list until it reloads; a decided one is not offered again.
  const candidate =
    saved && !assessments.some((a) => a.id === saved.id) ? saved : latest && !latest.decision ? latest : null;
  const pending = candidate && candidate.id !== decided?.assessmentId ? candidate : null;
  const error = pack.error ?? list.error ?? plan.error;

  return (
    <>
      <h2>Harm pathway</h2>
      {error ? <Notice kind="error">{error.detail ?? error.title}</Notice> : null}
      {pack.loading && !pack.data ? <p role="status">Loading the harm pathway…</p> : null}
      <DecisionSection
        pending={pending}
        saved={saved}
        decided={decided}
        levels={pack.data?.levels ?? []}
        canWrite={canWrite}
        onDecided={(result) => {
          setDecided(result);
          list.reload();
        }}
      />
      {canWrite ? (
        <section className="q-section" aria-labelledby="harm-assess-heading">
          <h3 id="harm-assess-heading">Structured assessment</h3>
          <AssessmentForm
            key={round}
            patientId={patientId}
            pack={pack.data}
            onSaved={(result) => {
              setSaved(result);
              setDecided(null);
              setRound((r) => r + 1);
              list.reload();
              if (result.alertIds.length > 0) onAlertsRaised();
            }}
          />
        </section>
      ) : null}
      <section className="q-section" aria-labelledby="harm-history-heading">
        <h3 id="harm-history-heading">Assessment history</h3>
        {list.loading && !list.data ? <p role="status">Loading assessments…</p> : null}
        {list.data && assessments.length === 0 ? <p>No harm assessments recorded yet.</p> : null}
        {assessments.length > 0 ? <AssessmentHistoryTable entries={assessments} /> : null}
      </section>
      {pack.data && plan.data ? (
        <CarePlanSection
          patientId={patientId}
          current={plan.data.current}
          latest={latest}
          pack={pack.data}
          canWrite={canWrite}
          onSaved={plan.reload}
        />
      ) : null}
      <FormulationSection patientId={patientId} canWrite={canWrite} />
    </>
  );
}
