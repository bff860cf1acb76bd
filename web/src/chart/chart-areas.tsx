// The chart's areas: one URL each under /patients/:id (its tab's label and what it shows), and the dosing session's.
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { lazyNamed } from '../layout/lazy-page.tsx';
import type { NestedRoute } from '../routes.tsx';
import { useChart } from './chart-context.ts';

// Each area is its own chunk, fetched when its tab is first opened (ChartPage holds the loading state).
const AppointmentsPanel = lazyNamed(
  () => import('../appointments/AppointmentsPanel.tsx'),
  'AppointmentsPanel',
);
const HarmPathwayPanel = lazyNamed(() => import('../harm/HarmPathwayPanel.tsx'), 'HarmPathwayPanel');
const QuestionnairesPanel = lazyNamed(
  () => import('../questionnaires/QuestionnairesPanel.tsx'),
  'QuestionnairesPanel',
);
const DosingSessionPage = lazyNamed(() => import('../treatment/DosingSessionPage.tsx'), 'DosingSessionPage');
const TreatmentPanel = lazyNamed(() => import('../treatment/TreatmentPanel.tsx'), 'TreatmentPanel');
const DetailsPanel = lazyNamed(() => import('./DetailsPanel.tsx'), 'DetailsPanel');
const HistoryPanel = lazyNamed(() => import('./HistoryPanel.tsx'), 'HistoryPanel');
const OutcomeRecordsPanel = lazyNamed(() => import('./OutcomeRecordsPanel.tsx'), 'OutcomeRecordsPanel');
const TimelinePanel = lazyNamed(() => import('./TimelinePanel.tsx'), 'TimelinePanel');

/** One area of the chart: its URL segment (also its tab's id), its tab's label and what it shows. */
export interface ChartArea {
  path: string;
  label: string;
  element: ReactNode;
}

function TimelineArea() {
  return <TimelinePanel patientId={useChart().patient.id} />;
}

function HarmArea() {
  const { patient, canWrite, reloadAlerts } = useChart();
  return <HarmPathwayPanel patientId={patient.id} canWrite={canWrite} onAlertsRaised={reloadAlerts} />;
}

function AppointmentsArea() {
  const { patient, canWrite, appointments } = useChart();
  return <AppointmentsPanel patientId={patient.id} canWrite={canWrite} appointments={appointments} />;
}

function ReferralsArea() {
  const { patient, canWrite } = useChart();
  return <OutcomeRecordsPanel patientId={patient.id} canWrite={canWrite} />;
}

function QuestionnairesArea() {
  const { patient, canWrite, reloadAlerts } = useChart();
  return <QuestionnairesPanel patientId={patient.id} canWrite={canWrite} onAlertsRaised={reloadAlerts} />;
}

function TreatmentArea() {
  const { patient, canWrite, canPrescribe } = useChart();
  return <TreatmentPanel patientId={patient.id} canWrite={canWrite} canPrescribe={canPrescribe} />;
}

function DetailsArea() {
  return <DetailsPanel patient={useChart().patient} />;
}

function HistoryArea() {
  return <HistoryPanel patientId={useChart().patient.id} />;
}

/** The chart's tabs, in the order they are shown. */
export const CHART_AREAS: readonly ChartArea[] = [
  { path: 'timeline', label: 'Timeline', element: <TimelineArea /> },
  { path: 'harm', label: 'Harm pathway', element: <HarmArea /> },
  { path: 'appointments', label: 'Appointments', element: <AppointmentsArea /> },
  { path: 'referrals', label: 'Referrals and crisis events', element: <ReferralsArea /> },
  { path: 'questionnaires', label: 'Questionnaires', element: <QuestionnairesArea /> },
  { path: 'treatment', label: 'Treatment', element: <TreatmentArea /> },
  { path: 'details', label: 'Details', element: <DetailsArea /> },
  { path: 'history', label: 'History', element: <HistoryArea /> },
];

/** The area /patients/:id opens. */
export const DEFAULT_CHART_AREA = 'timeline';

/** /patients/:id: the default area, in place of the bare address (keeping a flash message sent with it). */
function ChartHome() {
  const location = useLocation();
  return <Navigate to={DEFAULT_CHART_AREA} replace state={location.state as unknown} />;
}

/** The routes under /patients/:id: the bare address, each area, and one dosing session (under "Treatment"). */
export const CHART_ROUTES: readonly NestedRoute[] = [
  { index: true, element: <ChartHome /> },
  ...CHART_AREAS.map(({ path, element }) => ({ path, element })),
  { path: 'treatment/sessions/:sessionId', element: <DosingSessionPage /> },
];
