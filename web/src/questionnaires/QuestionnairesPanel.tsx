// QuestionnairesPanel: the chart's "Questionnaires" tab: administer, history, trend and self-report links.
import { useApiData } from '../api/use-api-data.ts';
import { Notice } from '../ui/Notice.tsx';
import { AdministerSection } from './AdministerSection.tsx';
import type { InstrumentSummary, ResponseEntry } from './questionnaire-types.ts';
import { ResponseHistoryTable } from './ResponseHistoryTable.tsx';
import { SelfReportLinkForm } from './SelfReportLinkForm.tsx';
import { TrendSection } from './TrendSection.tsx';

interface QuestionnairesPanelProps {
  patientId: string;
  canWrite: boolean;
  /** Called when a saved response raised safety alerts, so the chart shows them. */
  onAlertsRaised: () => void;
}

/** The "Questionnaires" tab. */
export function QuestionnairesPanel({ patientId, canWrite, onAlertsRaised }: QuestionnairesPanelProps) {
  const list = useApiData<{ instruments: InstrumentSummary[] }>('/instruments');
  const saved = useApiData<{ responses: ResponseEntry[] }>(
    `/patients/${encodeURIComponent(patientId)}/responses`,
  );
  const instruments = list.data?.instruments ?? [];
  const responses = saved.data?.responses ?? [];
  // Instruments the patient has answered, in the catalogue's order, each with its responses in time order.
  const answered = instruments
    .map((instrument) => ({ instrument, responses: responses.filter((r) => r.instrument === instrument.id) }))
    .filter((g) => g.responses.length > 0);
  const error = list.error ?? saved.error;

  return (
    <>
      <h2>Questionnaires</h2>
      {error ? <Notice kind="error">{error.detail ?? error.title}</Notice> : null}
      {list.loading && !list.data ? <p role="status">Loading questionnaires…</p> : null}
      {canWrite && list.data ? (
        <AdministerSection
          patientId={patientId}
          instruments={instruments}
          onSaved={(raisedAlerts) => {
            saved.reload();
            if (raisedAlerts) onAlertsRaised();
          }}
        />
      ) : null}
      <section className="q-section" aria-labelledby="q-history-heading">
        <h3 id="q-history-heading">History</h3>
        {saved.loading && !saved.data ? <p role="status">Loading responses…</p> : null}
        {saved.data && answered.length === 0 ? <p>No questionnaires recorded yet.</p> : null}
        {answered.map((g) => (
          <ResponseHistoryTable
            key={g.instrument.id}
            shortTitle={g.instrument.shortTitle}
            responses={g.responses}
          />
        ))}
      </section>
      {answered.some((g) => g.instrument.hasTotal) ? (
        <section className="q-section" aria-labelledby="q-trend-heading">
          <h3 id="q-trend-heading">Trend</h3>
          {answered
            .filter((g) => g.instrument.hasTotal)
            .map((g) => (
              <TrendSection key={g.instrument.id} instrument={g.instrument} responses={g.responses} />
            ))}
        </section>
      ) : null}
      {canWrite && list.data ? <SelfReportLinkForm patientId={patientId} instruments={instruments} /> : null}
    </>
  );
}
