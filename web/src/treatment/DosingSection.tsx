// DosingSection: "Dosing session": start a session, or run the one in progress; then the past sessions.
import { useState } from 'react';
import { useApiData } from '../api/use-api-data.ts';
import { Notice } from '../ui/Notice.tsx';
import { DischargeDone } from './DischargeDone.tsx';
import { PastSessions } from './PastSessions.tsx';
import { RuleList } from './RuleList.tsx';
import { SessionInProgress } from './SessionInProgress.tsx';
import { StartSessionForm } from './StartSessionForm.tsx';
import type { Discharged, ProtocolSummary, SessionSummary, StartNote } from './treatment-types.ts';

interface DosingSectionProps {
  patientId: string;
  canWrite: boolean;
}

/** The open session is the newest one not yet discharged; while it is open no other can start. */
export function DosingSection({ patientId, canWrite }: DosingSectionProps) {
  const protocols = useApiData<{ protocols: ProtocolSummary[] }>('/protocols');
  const sessions = useApiData<{ sessions: SessionSummary[] }>(
    `/patients/${encodeURIComponent(patientId)}/treatment-sessions`,
  );
  const [discharged, setDischarged] = useState<Discharged | null>(null);
  const [startedId, setStartedId] = useState<string | null>(null);
  const [startNotes, setStartNotes] = useState<StartNote[]>([]);
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
      {open && open.id === startedId && startNotes.length > 0 ? (
        <div role="status" className="notice notice-warning">
          <p>Cautions at the start of this session:</p>
          <RuleList items={startNotes} label="Cautions at session start" />
        </div>
      ) : null}
      {open ? (
        <SessionInProgress
          key={open.id}
          sessionId={open.id}
          protocols={summaries}
          canWrite={canWrite}
          focusOnOpen={open.id === startedId}
          onDischarged={(result) => {
            setDischarged(result);
            sessions.reload();
          }}
        />
      ) : null}
      {!open && sessions.data && canWrite ? (
        <div className="treatment-part">
          <h4>Start a session</h4>
          {protocols.data ? (
            <StartSessionForm
              patientId={patientId}
              protocols={summaries}
              onStarted={(started) => {
                setStartedId(started.id);
                setStartNotes([...(started.prechecks?.cautions ?? []), ...(started.warnings ?? [])]);
                setDischarged(null);
                sessions.reload();
              }}
            />
          ) : null}
        </div>
      ) : null}
      {!open && sessions.data && !canWrite ? <p>No session in progress.</p> : null}
      {past.length > 0 ? (
        <div className="treatment-part">
          <h4>Past sessions</h4>
          <PastSessions sessions={past} protocols={summaries} />
        </div>
      ) : null}
    </section>
  );
}
