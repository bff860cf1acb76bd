// AppRoutes: the route table (routes.tsx) mapped onto the router: the standalone self-report page, the public pages
// and the signed-in pages, each behind the permission it needs.
import { Outlet, Route, Routes } from 'react-router';
import { HomeRedirect } from './layout/HomeRedirect.tsx';
import { NotFoundPage } from './layout/NotFoundPage.tsx';
import { PublicOnly } from './layout/PublicOnly.tsx';
import { RequirePermission } from './layout/RequirePermission.tsx';
import { RequireSession } from './layout/RequireSession.tsx';
import { StartupGate } from './layout/StartupGate.tsx';
import { lazyNamed, PageSuspense } from './layout/lazy-page.tsx';
import { PAGE_ROUTES, PUBLIC_ROUTES, type NestedRoute, type PageRoute } from './routes.tsx';

const SelfReportPage = lazyNamed(() => import('./self-report/SelfReportPage.tsx'), 'SelfReportPage');

/** The patient's standalone page, in its own chunk (it has no frame to keep while it loads). */
function SelfReport() {
  return (
    <PageSuspense resetKey="self-report">
      <SelfReportPage />
    </PageSuspense>
  );
}

/** A nested route (index or path) for a page's <Outlet>. */
function nestedRoute(r: NestedRoute, i: number) {
  return r.index ? (
    <Route key={`index-${i}`} index element={r.element} />
  ) : (
    <Route key={r.path} path={r.path} element={r.element} />
  );
}

/** A signed-in page: its element behind its permission, with its nested routes. */
function pageRoute({ path, permission, element, children }: PageRoute) {
  const guarded = permission ? (
    <RequirePermission permission={permission}>{element}</RequirePermission>
  ) : (
    element
  );
  return (
    <Route key={path} path={path} element={guarded}>
      {children?.map(nestedRoute)}
    </Route>
  );
}

/** Every web route of KASPR. */
export function AppRoutes() {
  return (
    <Routes>
      {/* Outside the startup gate: the patient's page never waits on (or asks for) a session. */}
      <Route path="/self-report/:token" element={<SelfReport />} />
      <Route
        element={
          <StartupGate>
            <Outlet />
          </StartupGate>
        }
      >
        {PUBLIC_ROUTES.map(({ path, page, element }) => (
          <Route key={path} path={path} element={<PublicOnly page={page}>{element}</PublicOnly>} />
        ))}
        <Route element={<RequireSession />}>
          <Route index element={<HomeRedirect />} />
          {PAGE_ROUTES.map(pageRoute)}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
