// DosingSessionPage: one dosing session at its own address (/patients/:id/treatment/sessions/:sessionId), in progress
// or past, with the way back to the treatment area.
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useApiData } from '../api/use-api-data.ts';
import { chartPath, useChart } from '../chart/chart-context.ts';
import { Notice } from '../ui/Notice.tsx';
import { DischargeDone } from './DischargeDone.tsx';
import { RuleList } from './RuleList.tsx';
import { startedWith } from './session-start-state.ts';
import { SessionInProgress } from './SessionInProgress.tsx';
import type { Discharged, ProtocolSummary } from './treatment-types.ts';

/** The session the URL names; a session of another patient, or none, is "not found" (SessionInProgress). */
export function DosingSessionPage() {
  const { patient, canWrite } = useChart();
  const { sessionId = '' } = useParams();
  const startNotes = startedWith(useLocation().state);
  const protocols = useApiData<{ protocols: ProtocolSummary[] }>('/protocols');
  const [discharged, setDischarged] = useState<Discharged | null>(null);

  return (
    <>
      <h2>Treatment</h2>
      <p className="breadcrumb">
        <Link to={chartPath(patient.id, 'treatment')}>Back to treatment</Link>
      </p>
      <section className="q-section" aria-labelledby="dosing-heading">
        <h3 id="dosing-heading">Dosing session</h3>
        {protocols.error ? (
          <Notice kind="error">{protocols.error.detail ?? protocols.error.title}</Notice>
        ) : null}
        {discharged ? <DischargeDone result={discharged} /> : null}
        {startNotes && startNotes.length > 0 && !discharged ? (
          <div role="status" className="notice notice-warning">
            <p>Cautions at the start of this session:</p>
            <RuleList items={startNotes} label="Cautions at session start" />
          </div>
        ) : null}
        <SessionInProgress
          key={sessionId}
          patientId={patient.id}
          sessionId={sessionId}
          protocols={protocols.data?.protocols ?? []}
          canWrite={canWrite}
          focusOnOpen={startNotes !== null}
          onDischarged={setDischarged}
        />
      </section>
    </>
  );
}
