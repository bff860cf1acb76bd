// MainNav: the links to the areas the user's roles open (Patients, Worklist, Tasks, Supervision, Calibration, Outcomes, Admin, Audit, Account), and Getting started until the service is set up.
import { NavLink } from 'react-router';
import { GettingStartedLink } from '../getting-started/GettingStartedLink.tsx';
import { useSession } from '../session/session-context.ts';

/** Primary navigation; NavLink marks the current area with aria-current="page". */
export function MainNav() {
  const { can } = useSession();
  const links = [
    { to: '/patients', label: 'Patients', show: can('patient:read') },
    { to: '/worklist', label: 'Worklist', show: can('patient:read') },
    { to: '/tasks', label: 'Tasks', show: can('patient:read') },
    { to: '/supervision', label: 'Supervision', show: can('supervision') },
    { to: '/calibration', label: 'Calibration', show: can('patient:read') },
    { to: '/outcomes', label: 'Outcomes', show: can('reports:read') },
    {
      to: '/admin',
      label: 'Admin',
      show:
        can('user:manage') || can('service:manage') || can('settings:manage') || can('break-glass:review'),
    },
    { to: '/cd-register', label: 'CD register', show: can('cd:read') },
    { to: '/audit', label: 'Audit', show: can('audit:read') },
    { to: '/account', label: 'Account', show: true },
  ];
  return (
    <nav aria-label="Main" className="main-nav">
      <ul>
        {links
          .filter((l) => l.show)
          .map((l) => (
            <li key={l.to}>
              <NavLink to={l.to}>{l.label}</NavLink>
            </li>
          ))}
        <GettingStartedLink />
      </ul>
    </nav>
  );
}
