// The route table as data: every page's address, the permission it needs and what it shows (AppRoutes maps it).
import type { ReactNode } from 'react';
import type { Permission } from '../../src/domain/access/roles.ts';
import { LoginPage } from './auth/LoginPage.tsx';
import { CHART_ROUTES } from './chart/chart-areas.tsx';
import { lazyNamed } from './layout/lazy-page.tsx';

// Each page area is its own chunk, fetched on first visit (the sign-in page is in the entry: it is the first page
// most visits show). Pages of one area share their chunk through the imports they share.
const AccountPage = lazyNamed(() => import('./account/AccountPage.tsx'), 'AccountPage');
const AdminPage = lazyNamed(() => import('./admin/AdminPage.tsx'), 'AdminPage');
const SystemClientsPage = lazyNamed(
  () => import('./admin/system-clients/SystemClientsPage.tsx'),
  'SystemClientsPage',
);
const AuditPage = lazyNamed(() => import('./audit/AuditPage.tsx'), 'AuditPage');
const InvitePage = lazyNamed(() => import('./auth/InvitePage.tsx'), 'InvitePage');
const SetupPage = lazyNamed(() => import('./auth/SetupPage.tsx'), 'SetupPage');
const CalibrationPage = lazyNamed(() => import('./calibration/CalibrationPage.tsx'), 'CalibrationPage');
const CdRegisterPage = lazyNamed(() => import('./cd-register/CdRegisterPage.tsx'), 'CdRegisterPage');
const ProductRegisterPage = lazyNamed(
  () => import('./cd-register/ProductRegisterPage.tsx'),
  'ProductRegisterPage',
);
const BreakGlassPage = lazyNamed(() => import('./chart/BreakGlassPage.tsx'), 'BreakGlassPage');
const ChartPage = lazyNamed(() => import('./chart/ChartPage.tsx'), 'ChartPage');
const CorrectPatientPage = lazyNamed(() => import('./chart/CorrectPatientPage.tsx'), 'CorrectPatientPage');
const OutcomesPage = lazyNamed(() => import('./outcomes/OutcomesPage.tsx'), 'OutcomesPage');
const PilotPage = lazyNamed(() => import('./outcomes/PilotPage.tsx'), 'PilotPage');
const GettingStartedPage = lazyNamed(
  () => import('./getting-started/GettingStartedPage.tsx'),
  'GettingStartedPage',
);
const PatientsPage = lazyNamed(() => import('./patients/PatientsPage.tsx'), 'PatientsPage');

/**
 * Starts fetching the page chunk an address opened directly will need (a bookmark, a link from elsewhere), while the
 * session is asked for, instead of after: the outcomes page and a patient's chart, the pages most often opened so.
 */
export function preloadPageFor(pathname: string): void {
  const page = /^\/outcomes\/?$/.test(pathname)
    ? OutcomesPage
    : /^\/patients\/[0-9a-f-]{36}(\/|$)/.test(pathname)
      ? ChartPage
      : null;
  page?.preload();
}
const RegisterPatientPage = lazyNamed(
  () => import('./patients/RegisterPatientPage.tsx'),
  'RegisterPatientPage',
);
const SupervisionPage = lazyNamed(() => import('./supervision/SupervisionPage.tsx'), 'SupervisionPage');
const TasksPage = lazyNamed(() => import('./tasks/TasksPage.tsx'), 'TasksPage');
const WorklistPage = lazyNamed(() => import('./worklist/WorklistPage.tsx'), 'WorklistPage');

/** A route inside a page's <Outlet>: an address relative to the page's, or its index. */
export interface NestedRoute {
  path?: string;
  index?: true;
  element: ReactNode;
}

/** A signed-in page: its address, the permission it needs (none: any signed-in user) and what it shows. */
export interface PageRoute {
  path: string;
  permission?: Permission;
  element: ReactNode;
  /** Routes shown in the page's <Outlet> (the chart's areas). */
  children?: readonly NestedRoute[];
}

/** A page for visitors who are not signed in; `page` says when it applies (see PublicOnly). */
export interface PublicRoute {
  path: string;
  page: 'setup' | 'login' | 'invite';
  element: ReactNode;
}

/** Setting up the first administrator, signing in, and accepting an invitation. */
export const PUBLIC_ROUTES: readonly PublicRoute[] = [
  { path: '/setup', page: 'setup', element: <SetupPage /> },
  { path: '/login', page: 'login', element: <LoginPage /> },
  { path: '/invite/:token', page: 'invite', element: <InvitePage /> },
];

/** Every signed-in page; "/" (the start page for the user's roles) and unknown addresses are AppRoutes' frame. */
export const PAGE_ROUTES: readonly PageRoute[] = [
  { path: 'patients', permission: 'patient:read', element: <PatientsPage /> },
  { path: 'patients/new', permission: 'patient:write', element: <RegisterPatientPage /> },
  { path: 'patients/:id', permission: 'patient:read', element: <ChartPage />, children: CHART_ROUTES },
  { path: 'patients/:id/correct', permission: 'patient:write', element: <CorrectPatientPage /> },
  { path: 'tasks', permission: 'patient:read', element: <TasksPage /> },
  { path: 'worklist', permission: 'patient:read', element: <WorklistPage /> },
  { path: 'supervision', permission: 'supervision', element: <SupervisionPage /> },
  { path: 'calibration', permission: 'patient:read', element: <CalibrationPage /> },
  { path: 'outcomes', permission: 'reports:read', element: <OutcomesPage /> },
  { path: 'outcomes/pilot', permission: 'reports:read', element: <PilotPage /> },
  { path: 'emergency-access', permission: 'patient:read', element: <BreakGlassPage /> },
  // The admin page shows each of its sections by the user's own permissions.
  { path: 'admin', element: <AdminPage /> },
  { path: 'admin/system-clients', permission: 'user:manage', element: <SystemClientsPage /> },
  { path: 'getting-started', permission: 'content:manage', element: <GettingStartedPage /> },
  { path: 'audit', permission: 'audit:read', element: <AuditPage /> },
  { path: 'cd-register', permission: 'cd:read', element: <CdRegisterPage /> },
  { path: 'cd-register/:productId/:locationId', permission: 'cd:read', element: <ProductRegisterPage /> },
  { path: 'account', element: <AccountPage /> },
];
