// AdminPage: staff, services, organisation settings and emergency-access reviews, each shown to those allowed.
import { Link } from 'react-router';
import { useApiData } from '../api/use-api-data.ts';
import { NoAccessPage } from '../layout/NoAccessPage.tsx';
import { usePageTitle } from '../layout/use-page-title.ts';
import { useSession } from '../session/session-context.ts';
import { BreakGlassReviews } from './BreakGlassReviews.tsx';
import { ProtocolSettingsSection } from './ProtocolSettingsSection.tsx';
import { ServicesSection } from './ServicesSection.tsx';
import { SettingsSection } from './SettingsSection.tsx';
import { StaffSection } from './StaffSection.tsx';
import type { Service } from './admin-types.ts';

/** /admin: the sections the user's permissions open, in order of daily use. */
export function AdminPage() {
  usePageTitle('Admin');
  const { can } = useSession();
  const services = useApiData<{ services: Service[] }>('/services');
  const any =
    can('user:manage') || can('service:manage') || can('settings:manage') || can('break-glass:review');
  if (!any) return <NoAccessPage />;
  const list = services.data?.services ?? [];
  return (
    <>
      <h1>Admin</h1>
      <nav aria-label="Admin sections" className="section-links">
        <ul>
          {can('user:manage') ? (
            <li>
              <a href="#staff">Staff</a>
            </li>
          ) : null}
          {can('user:manage') ? (
            <li>
              <Link to="/admin/system-clients">System clients</Link>
            </li>
          ) : null}
          {can('service:manage') ? (
            <li>
              <a href="#services">Services</a>
            </li>
          ) : null}
          {can('settings:manage') ? (
            <li>
              <a href="#settings">Settings</a>
            </li>
          ) : null}
          {can('settings:manage') ? (
            <li>
              <a href="#protocol-settings">Protocol settings</a>
            </li>
          ) : null}
          {can('break-glass:review') ? (
            <li>
              <a href="#reviews">Emergency access reviews</a>
            </li>
          ) : null}
        </ul>
      </nav>
      {can('user:manage') ? <StaffSection services={list} /> : null}
      {can('service:manage') ? (
        <ServicesSection services={list} error={services.error} onAdded={services.reload} />
      ) : null}
      {can('settings:manage') ? <SettingsSection /> : null}
      {can('settings:manage') ? <ProtocolSettingsSection services={list} /> : null}
      {can('break-glass:review') ? <BreakGlassReviews /> : null}
    </>
  );
}
