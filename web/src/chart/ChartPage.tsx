// ChartPage: one patient's chart: banner, next appointment and alerts, then the record's areas as link tabs.
import { Link, Outlet, useLocation, useMatch, useParams } from 'react-router';
import type { PatientRecord } from '../../../src/schemas/patient.ts';
import type { PatientAlertList } from '../alerts/alert-types.ts';
import { ChartAlertsReload } from '../alerts/chart-alerts-reload.ts';
import { PatientAlerts } from '../alerts/PatientAlerts.tsx';
import type { PatientAppointments } from '../appointments/appointment-types.ts';
import { NextAppointment } from '../appointments/NextAppointment.tsx';
import { useApiData } from '../api/use-api-data.ts';
import { PageSuspense } from '../layout/lazy-page.tsx';
import { usePageTitle } from '../layout/use-page-title.ts';
import { useSession } from '../session/session-context.ts';
import { formatDateTime } from '../ui/format.ts';
import { Notice } from '../ui/Notice.tsx';
import { LinkTabs } from '../ui/Tabs.tsx';
import { CHART_AREAS } from './chart-areas.tsx';
import { chartPath, type ChartContext } from './chart-context.ts';
import { PatientBanner } from './PatientBanner.tsx';

export type ChartRecord = PatientRecord & { accessViaBreakGlass: boolean };

/** The chart for /patients/:id/*: the area its URL names is shown in the tab panel's <Outlet>. */
export function ChartPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const { can } = useSession();
  const record = useApiData<ChartRecord>(`/patients/${encodeURIComponent(id)}`);
  const alerts = useApiData<PatientAlertList>(
    record.data ? `/patients/${encodeURIComponent(record.data.id)}/alerts` : null,
  );
  const appointments = useApiData<PatientAppointments>(
    record.data ? `/patients/${encodeURIComponent(record.data.id)}/appointments` : null,
  );
  // The tab of the area in the URL: /patients/:id/treatment/sessions/:sessionId is under "Treatment".
  const area = useMatch('/patients/:id/:area/*')?.params.area ?? '';
  // A dosing session's page is the nurse's screen at the chair: a one-line banner, and the chart's alerts pinned
  // by the session itself (under its vitals), so that its vitals form is in view without scrolling.
  const sessionScreen = useMatch('/patients/:id/treatment/sessions/:sessionId') !== null;
  usePageTitle(record.data ? `${record.data.familyName.toUpperCase()}, ${record.data.givenName}` : 'Patient');
  const flash = (location.state as { flash?: string } | null)?.flash;

  // The alerts and the next appointment sit above the tabs: the chart is shown once they are in, so no alert appears
  // after the reader has started, and nothing moves under a click as they arrive.
  const arriving = (d: { data: unknown; error: unknown }) => d.data === null && d.error === null;
  if ((record.loading && !record.data) || (record.data && (arriving(alerts) || arriving(appointments))))
    return <p role="status">Loading the record…</p>;
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
  const tabs = CHART_AREAS.map((a) => ({ id: a.path, label: a.label, to: chartPath(patient.id, a.path) }));
  const context: ChartContext = {
    patient,
    canWrite: can('patient:write'),
    canPrescribe: can('treatment:prescribe'),
    reloadAlerts: alerts.reload,
    alerts: alerts.data?.alerts ?? [],
    appointments,
  };
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
      <PatientBanner patient={patient} compact={sessionScreen} />
      {sessionScreen ? null : (
        <>
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
              Version {patient.version}, last changed {formatDateTime(patient.updatedAt)}
            </span>
          </div>
        </>
      )}
      <LinkTabs label="Patient record" tabs={tabs} active={area}>
        <ChartAlertsReload.Provider value={alerts.reload}>
          <PageSuspense resetKey={location.pathname}>
            <Outlet context={context} />
          </PageSuspense>
        </ChartAlertsReload.Provider>
      </LinkTabs>
    </>
  );
}
