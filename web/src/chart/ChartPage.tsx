// ChartPage: one patient's chart: banner, next appointment and alerts, then the record's tabs.
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { PatientRecord } from '../../../src/schemas/patient.ts';
import type { AlertView } from '../../../src/store/alerts.ts';
import { ChartAlertsReload } from '../alerts/chart-alerts-reload.ts';
import { PatientAlerts } from '../alerts/PatientAlerts.tsx';
import type { PatientAppointments } from '../appointments/appointment-types.ts';
import { AppointmentsPanel } from '../appointments/AppointmentsPanel.tsx';
import { NextAppointment } from '../appointments/NextAppointment.tsx';
import { useApiData } from '../api/use-api-data.ts';
import { HarmPathwayPanel } from '../harm/HarmPathwayPanel.tsx';
import { usePageTitle } from '../layout/use-page-title.ts';
import { useSession } from '../session/session-context.ts';
import { QuestionnairesPanel } from '../questionnaires/QuestionnairesPanel.tsx';
import { Notice } from '../ui/Notice.tsx';
import { TreatmentPanel } from '../treatment/TreatmentPanel.tsx';
import { Tabs } from '../ui/Tabs.tsx';
import { DetailsPanel } from './DetailsPanel.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import { OutcomeRecordsPanel } from './OutcomeRecordsPanel.tsx';
import { PatientBanner } from './PatientBanner.tsx';
import { TimelinePanel } from './TimelinePanel.tsx';

export type ChartRecord = PatientRecord & { accessViaBreakGlass: boolean };

const TABS = [
  { id: 'timeline', label: 'Timeline' },
  { id: 'harm', label: 'Harm pathway' },
  { id: 'appointments', label: 'Appointments' },
  { id: 'outcome-records', label: 'Referrals and crisis events' },
  { id: 'questionnaires', label: 'Questionnaires' },
  { id: 'treatment', label: 'Treatment' },
  { id: 'details', label: 'Details' },
  { id: 'history', label: 'History' },
] as const;

/** The chart for /patients/:id. */
export function ChartPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const { can } = useSession();
  const record = useApiData<ChartRecord>(`/patients/${encodeURIComponent(id)}`);
  const alerts = useApiData<{ alerts: AlertView[] }>(
    record.data ? `/patients/${encodeURIComponent(record.data.id)}/alerts` : null,
  );
  const appointments = useApiData<PatientAppointments>(
    record.data ? `/patients/${encodeURIComponent(record.data.id)}/appointments` : null,
  );
  const [tab, setTab] = useState<string>('timeline');
  usePageTitle(record.data ? `${record.data.familyName.toUpperCase()}, ${record.data.givenName}` : 'Patient');
  const flash = (location.state as { flash?: string } | null)?.flash;

  if (record.loading && !record.data) return <p role="status">Loading the record…</p>;
  if (record.error || !record.data) {
    const notFound = record.error?.status === 404 || record.error?.status === 422;
    return (
      <>
        <h1>{notFound ? 'Patient not found' : 'The record could not be opened'}</h1>
        <Notice kind="error">
          {notFound
            ? 'There is no patient with this address in your services. If you need a patient of another service, use emergency access.'
            : (record.error?.detail ?? record.error?.title ?? 'Try again.')}
        </Notice>
        <p>
          <Link to="/patients">Back to patients</Link>
        </p>
      </>
    );
  }
  const patient = record.data;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/patients">Back to patients</Link>
      </p>
      {patient.accessViaBreakGlass ? (
        <div className="emergency-banner" role="alert">
          Emergency access — audited and reviewed
        </div>
      ) : null}
      {flash ? <Notice kind="success">{flash}</Notice> : null}
      <PatientBanner patient={patient} />
      <NextAppointment data={appointments.data} />
      <PatientAlerts
        alerts={alerts.data?.alerts ?? []}
        canAcknowledge={can('patient:write')}
        onChanged={alerts.reload}
      />
      <div className="chart-actions">
        {can('patient:write') ? (
          <Link to={`/patients/${patient.id}/correct`} className="button button-secondary">
            Correct record
          </Link>
        ) : null}
        <span className="hint">
          Version {patient.version}, last changed {patient.updatedAt.slice(0, 10)}
        </span>
      </div>
      <Tabs label="Patient record" tabs={TABS} active={tab} onChange={setTab}>
        {tab === 'timeline' ? <TimelinePanel patientId={patient.id} /> : null}
        {tab === 'harm' ? (
          <HarmPathwayPanel
            patientId={patient.id}
            canWrite={can('patient:write')}
            onAlertsRaised={alerts.reload}
          />
        ) : null}
        {tab === 'appointments' ? (
          <AppointmentsPanel
            patientId={patient.id}
            canWrite={can('patient:write')}
            appointments={appointments}
          />
        ) : null}
        {tab === 'outcome-records' ? (
          <OutcomeRecordsPanel patientId={patient.id} canWrite={can('patient:write')} />
        ) : null}
        {tab === 'questionnaires' ? (
          <QuestionnairesPanel
            patientId={patient.id}
            canWrite={can('patient:write')}
            onAlertsRaised={alerts.reload}
          />
        ) : null}
        {tab === 'treatment' ? (
          <ChartAlertsReload.Provider value={alerts.reload}>
            <TreatmentPanel
              patientId={patient.id}
              canWrite={can('patient:write')}
              canPrescribe={can('treatment:prescribe')}
            />
          </ChartAlertsReload.Provider>
        ) : null}
        {tab === 'details' ? <DetailsPanel patient={patient} /> : null}
        {tab === 'history' ? <HistoryPanel patientId={patient.id} /> : null}
      </Tabs>
    </>
  );
}
