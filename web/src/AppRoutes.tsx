// The route table: the standalone self-report page, public pages (setup, sign-in, invitation) and signed-in pages.
import { Outlet, Route, Routes } from 'react-router';
import { AccountPage } from './account/AccountPage.tsx';
import { AdminPage } from './admin/AdminPage.tsx';
import { AuditPage } from './audit/AuditPage.tsx';
import { CdRegisterPage } from './cd-register/CdRegisterPage.tsx';
import { ProductRegisterPage } from './cd-register/ProductRegisterPage.tsx';
import { InvitePage } from './auth/InvitePage.tsx';
import { LoginPage } from './auth/LoginPage.tsx';
import { SetupPage } from './auth/SetupPage.tsx';
import { CalibrationPage } from './calibration/CalibrationPage.tsx';
import { BreakGlassPage } from './chart/BreakGlassPage.tsx';
import { ChartPage } from './chart/ChartPage.tsx';
import { CorrectPatientPage } from './chart/CorrectPatientPage.tsx';
import { HomeRedirect } from './layout/HomeRedirect.tsx';
import { NotFoundPage } from './layout/NotFoundPage.tsx';
import { PublicOnly } from './layout/PublicOnly.tsx';
import { RequirePermission } from './layout/RequirePermission.tsx';
import { RequireSession } from './layout/RequireSession.tsx';
import { StartupGate } from './layout/StartupGate.tsx';
import { OutcomesPage } from './outcomes/OutcomesPage.tsx';
import { PilotPage } from './outcomes/PilotPage.tsx';
import { PatientsPage } from './patients/PatientsPage.tsx';
import { RegisterPatientPage } from './patients/RegisterPatientPage.tsx';
import { SelfReportPage } from './self-report/SelfReportPage.tsx';
import { SupervisionPage } from './supervision/SupervisionPage.tsx';
import { TasksPage } from './tasks/TasksPage.tsx';
import { WorklistPage } from './worklist/WorklistPage.tsx';

/** Every web route of KASPR. */
export function AppRoutes() {
  return (
    <Routes>
      {/* Outside the startup gate: the patient's page never waits on (or asks for) a session. */}
      <Route path="/self-report/:token" element={<SelfReportPage />} />
      <Route
        element={
          <StartupGate>
            <Outlet />
          </StartupGate>
        }
      >
        <Route
          path="/setup"
          element={
            <PublicOnly page="setup">
              <SetupPage />
            </PublicOnly>
          }
        />
        <Route
          path="/login"
          element={
            <PublicOnly page="login">
              <LoginPage />
            </PublicOnly>
          }
        />
        <Route
          path="/invite/:token"
          element={
            <PublicOnly page="invite">
              <InvitePage />
            </PublicOnly>
          }
        />
        <Route element={<RequireSession />}>
          <Route index element={<HomeRedirect />} />
          <Route
            path="patients"
            element={
              <RequirePermission permission="patient:read">
                <PatientsPage />
              </RequirePermission>
            }
          />
          <Route
            path="patients/new"
            element={
              <RequirePermission permission="patient:write">
                <RegisterPatientPage />
              </RequirePermission>
            }
          />
          <Route
            path="patients/:id"
            element={
              <RequirePermission permission="patient:read">
                <ChartPage />
              </RequirePermission>
            }
          />
          <Route
            path="patients/:id/correct"
            element={
              <RequirePermission permission="patient:write">
                <CorrectPatientPage />
              </RequirePermission>
            }
          />
          <Route
            path="tasks"
            element={
              <RequirePermission permission="patient:read">
                <TasksPage />
              </RequirePermission>
            }
          />
          <Route
            path="worklist"
            element={
              <RequirePermission permission="patient:read">
                <WorklistPage />
              </RequirePermission>
            }
          />
          <Route
            path="supervision"
            element={
              <RequirePermission permission="supervision">
                <SupervisionPage />
              </RequirePermission>
            }
          />
          <Route
            path="calibration"
            element={
              <RequirePermission permission="patient:read">
                <CalibrationPage />
              </RequirePermission>
            }
          />
          <Route
            path="outcomes"
            element={
              <RequirePermission permission="reports:read">
                <OutcomesPage />
              </RequirePermission>
            }
          />
          <Route
            path="outcomes/pilot"
            element={
              <RequirePermission permission="reports:read">
                <PilotPage />
              </RequirePermission>
            }
          />
          <Route
            path="emergency-access"
            element={
              <RequirePermission permission="patient:read">
                <BreakGlassPage />
              </RequirePermission>
            }
          />
          <Route path="admin" element={<AdminPage />} />
          <Route
            path="audit"
            element={
              <RequirePermission permission="audit:read">
                <AuditPage />
              </RequirePermission>
            }
          />
          <Route
            path="cd-register"
            element={
              <RequirePermission permission="cd:read">
                <CdRegisterPage />
              </RequirePermission>
            }
          />
          <Route
            path="cd-register/:productId/:locationId"
            element={
              <RequirePermission permission="cd:read">
                <ProductRegisterPage />
              </RequirePermission>
            }
          />
          <Route path="account" element={<AccountPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
