// GettingStartedLink: the main navigation's "Getting started" link, shown to those who manage the clinical content
// (administrators, supervisors) until every step of the first-run checklist is done.
import { useEffect, useRef } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useApiData } from '../api/use-api-data.ts';
import { useSession } from '../session/session-context.ts';

/** The list item, or nothing once the checklist is complete (re-read on each page change). */
export function GettingStartedLink() {
  const { can } = useSession();
  const allowed = can('content:manage');
  const checklist = useApiData<{ complete: boolean }>(allowed ? '/setup/checklist' : null);
  const { pathname } = useLocation();
  const { reload } = checklist;
  const shownAt = useRef(pathname);
  useEffect(() => {
    // The first read is useApiData's own; after that, each page change may have completed a step.
    if (shownAt.current === pathname) return;
    shownAt.current = pathname;
    if (allowed) reload();
  }, [pathname, allowed, reload]);
  if (!allowed || !checklist.data || checklist.data.complete) return null;
  return (
    <li>
      <NavLink to="/getting-started">Getting started</NavLink>
    </li>
  );
}
