// The route table as data: every page's address, the permission it needs and what it shows (AppRoutes maps it).
import type { ReactNode } from 'react';
import type { Permission } from '../../src/domain/access/roles.ts';
import { AccountPage } from './account/AccountPage.tsx';
import { AdminPage } from './admin/AdminPage.tsx';
import { SystemClientsPage } from './admin/system-clients/SystemClientsPage.tsx';
import { AuditPage } from './audit/AuditPage.tsx';
import { InvitePage } from './auth/InvitePage.tsx';
import { LoginPage } from './auth/LoginPage.tsx';
import { SetupPage } from './auth/SetupPage.tsx';
import { CalibrationPage } from './calibration/CalibrationPage.tsx';
import { CdRegisterPage } from './cd-register/CdRegisterPage.tsx';
import { ProductRegisterPage } from './cd-register/ProductRegisterPage.tsx';
import { BreakGlassPage } from './chart/BreakGlassPage.tsx';
import { CHART_ROUTES } from './chart/chart-areas.tsx';
import { ChartPage } from './chart/ChartPage.tsx';
import { CorrectPatientPage } from './chart/CorrectPatientPage.tsx';
import { OutcomesPage } from './outcomes/OutcomesPage.tsx';
import { PilotPage } from './outcomes/PilotPage.tsx';
import { PatientsPage } from './patients/PatientsPage.tsx';
import { RegisterPatientPage } from './patients/RegisterPatientPage.tsx';
import { SupervisionPage } from './supervision/SupervisionPage.tsx';
import { TasksPage } from './tasks/TasksPage.tsx';
import { WorklistPage } from './worklist/WorklistPage.tsx';

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
  { path: 'audit', permission: 'audit:read', element: <AuditPage /> },
  { path: 'cd-register', permission: 'cd:read', element: <CdRegisterPage /> },
  { path: 'cd-register/:productId/:locationId', permission: 'cd:read', element: <ProductRegisterPage /> },
  { path: 'account', element: <AccountPage /> },
];
