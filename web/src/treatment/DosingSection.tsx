// DosingSection: "Dosing session": start a session (then open it at its own address), or run the one in progress;
// then the past sessions, each linking its own page.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useApiData, type ApiData } from '../api/use-api-data.ts';
import { useChart } from '../chart/chart-context.ts';
import { sessionPath } from '../chart/chart-context.ts';
import { Notice } from '../ui/Notice.tsx';
import { DischargeDone } from './DischargeDone.tsx';
import { PastSessions } from './PastSessions.tsx';
import { sessionStartState } from './session-start-state.ts';
import { SessionInProgress } from './SessionInProgress.tsx';
import { StartSessionForm } from './StartSessionForm.tsx';
import type { Discharged, ProtocolSummary, SessionSummary } from './treatment-types.ts';

interface DosingSectionProps {
  patientId: string;
  canWrite: boolean;
  /** The patient's sessions, loaded by the treatment area (which also links the one in progress at its top). */
  sessions: ApiData<{ sessions: SessionSummary[] }>;
}

/** The open session is the newest one not yet discharged; while it is open no other can start. */
export function DosingSection({ patientId, canWrite, sessions }: DosingSectionProps) {
  const navigate = useNavigate();
  const { patient } = useChart();
  const protocols = useApiData<{ protocols: ProtocolSummary[] }>('/protocols');
  const [discharged, setDischarged] = useState<Discharged | null>(null);
  const list = sessions.data?.sessions ?? [];
  const open = list.find((s) => s.dischargedAt === null) ?? null;
  const past = list.filter((s) => s !== open);
  const summaries = protocols.data?.protocols ?? [];
  const error = protocols.error ?? sessions.error;

  return (
    <section className="q-section" aria-labelledby="dosing-heading">
      <h3 id="dosing-heading">Dosing session</h3>
      {error ? <Notice kind="error">{error.detail ?? error.title}</Notice> : null}
      {sessions.loading && !sessions.data ? <p role="status">Loading sessions…</p> : null}
      {discharged ? <DischargeDone result={discharged} /> : null}
      {open ? (
        <>
          <p>
            <Link to={sessionPath(patientId, open.id)}>Open this session on its own page</Link>
          </p>
          <SessionInProgress
            key={open.id}
            patientId={patientId}
            serviceId={patient.serviceId}
            sessionId={open.id}
            protocols={summaries}
            canWrite={canWrite}
            focusOnOpen={false}
            onDischarged={(result) => {
              setDischarged(result);
              sessions.reload();
            }}
          />
        </>
      ) : null}
      {!open && sessions.data && canWrite ? (
        <div className="treatment-part">
          <h4>Start a session</h4>
          {protocols.data ? (
            <StartSessionForm
              patientId={patientId}
              protocols={summaries}
              onStarted={(started) => {
                const notes = [...(started.prechecks.cautions ?? []), ...started.warnings];
                void navigate(sessionPath(patientId, started.id), { state: sessionStartState(notes) });
              }}
            />
          ) : null}
        </div>
      ) : null}
      {!open && sessions.data && !canWrite ? <p>No session in progress.</p> : null}
      {past.length > 0 ? (
        <div className="treatment-part">
          <h4>Past sessions</h4>
          <PastSessions patientId={patientId} sessions={past} protocols={summaries} />
        </div>
      ) : null}
    </section>
  );
}
