// DosingSessionPage: one dosing session at its own address (/patients/:id/treatment/sessions/:sessionId): the nurse's
// screen at the chair. In order: where the session stands and its timers, the vitals form (the first form, in view
// without scrolling) and chart, the chart's alerts pinned with their actions, administration, observations and
// discharge; the completed referral, eligibility and consent as one-line links; the way back to the treatment area.
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { PatientAlerts } from '../alerts/PatientAlerts.tsx';
import { useApiData } from '../api/use-api-data.ts';
import { chartPath, useChart } from '../chart/chart-context.ts';
import { Notice } from '../ui/Notice.tsx';
import { DischargeDone } from './DischargeDone.tsx';
import { RecordSummaries } from './RecordSummaries.tsx';
import { RuleList } from './RuleList.tsx';
import { startedWith } from './session-start-state.ts';
import { SessionInProgress } from './SessionInProgress.tsx';
import type { Discharged, ProtocolSummary } from './treatment-types.ts';

/** The chart's alerts, pinned on the session's page (the chart leaves its banner's alerts to this page here). */
function PinnedAlerts() {
  const { alerts, canWrite, reloadAlerts } = useChart();
  const open = alerts.filter((a) => a.acknowledged === null).length;
  return (
    <section
      className="session-part pinned-alerts"
      aria-labelledby="pinned-alerts-heading"
      id="session-alerts"
    >
      <h3 id="pinned-alerts-heading">Alerts on this chart{open > 0 ? ` (${open} open)` : ''}</h3>
      {alerts.length === 0 ? <p>No alerts on this chart.</p> : null}
      <PatientAlerts alerts={alerts} canAcknowledge={canWrite} onChanged={reloadAlerts} />
    </section>
  );
}

/** The session the URL names; a session of another patient, or none, is "not found" (SessionInProgress). */
export function DosingSessionPage() {
  const { patient, canWrite, alerts } = useChart();
  const { sessionId = '' } = useParams();
  const startNotes = startedWith(useLocation().state);
  const protocols = useApiData<{ protocols: ProtocolSummary[] }>('/protocols');
  const [discharged, setDischarged] = useState<Discharged | null>(null);
  const openAlerts = alerts.filter((a) => a.acknowledged === null);
  const urgent = openAlerts.some((a) => a.severity === 'urgent');

  return (
    <div className="session-page">
      <p className="breadcrumb session-page-nav">
        <Link to={chartPath(patient.id, 'treatment')}>Back to treatment</Link>
        {openAlerts.length > 0 ? (
          <a href="#session-alerts" className={`alerts-jump${urgent ? ' alerts-jump-urgent' : ''}`}>
            {openAlerts.length === 1 ? '1 open alert' : `${openAlerts.length} open alerts`}
            {urgent ? ' (urgent)' : ''} — pinned under the vitals
          </a>
        ) : null}
      </p>
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
        serviceId={patient.serviceId}
        sessionId={sessionId}
        protocols={protocols.data?.protocols ?? []}
        canWrite={canWrite}
        focusOnOpen={startNotes !== null}
        onDischarged={setDischarged}
        level={2}
        pinned={<PinnedAlerts />}
        footer={<RecordSummaries patientId={patient.id} level={3} />}
      />
    </div>
  );
}
