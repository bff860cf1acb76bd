// useChart: what the open chart hands to the area its URL shows (the patient, the user's rights, shared loads).
import { useOutletContext } from 'react-router';
import type { PatientRecord } from '../../../src/schemas/patient.ts';
import type { Alert } from '../alerts/alert-types.ts';
import type { ApiData } from '../api/use-api-data.ts';
import type { PatientAppointments } from '../appointments/appointment-types.ts';

/** The chart around an area: loaded once by the chart layout, kept while the user moves between areas. */
export interface ChartContext {
  patient: PatientRecord;
  /** The user may record on this chart (patient:write). */
  canWrite: boolean;
  /** The user may sign eligibility decisions (treatment:prescribe). */
  canPrescribe: boolean;
  /** Reloads the alert banner after a write that may have raised an alert. */
  reloadAlerts: () => void;
  /**
   * The chart's alerts. A dosing session's page pins them under its vitals instead of the banner's place above the
   * tabs, so that the vitals form stays in view (the other areas leave this to the chart).
   */
  alerts: readonly Alert[];
  /** Loaded by the chart, which also shows the next appointment under the banner. */
  appointments: ApiData<PatientAppointments>;
}

/** The chart's context, for a component rendered in the chart layout's <Outlet>. */
export function useChart(): ChartContext {
  return useOutletContext<ChartContext>();
}

/** The URL of a chart area, e.g. chartPath(id, 'treatment') = "/patients/<id>/treatment". */
export function chartPath(patientId: string, area: string): string {
  return `/patients/${encodeURIComponent(patientId)}/${area}`;
}

/** The URL of one dosing session of a patient. */
export function sessionPath(patientId: string, sessionId: string): string {
  return chartPath(patientId, `treatment/sessions/${encodeURIComponent(sessionId)}`);
}
