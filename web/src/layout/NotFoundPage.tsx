// NotFoundPage: an unknown address inside the signed-in app.
import { Link } from 'react-router';
import { usePageTitle } from './use-page-title.ts';

/** A plain "page not found" with a way home. */
export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is no page at this address. <Link to="/">Go to the start page</Link>.
      </p>
    </>
  );
}
