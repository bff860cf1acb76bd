// NoAccessPage: shown in place of a page the user's roles do not open.
import { usePageTitle } from './use-page-title.ts';

/** A plain "No access" page. */
export function NoAccessPage() {
  usePageTitle('No access');
  return (
    <>
      <h1>No access</h1>
      <p>Your role does not give access to this page. Ask an administrator if you need it.</p>
    </>
  );
}
