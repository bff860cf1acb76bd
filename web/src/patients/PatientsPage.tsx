// PatientsPage: find a patient by name, date of birth, NHS number or MRN; register one; or request emergency access.
import { Link } from 'react-router';
import { usePageTitle } from '../layout/use-page-title.ts';
import { useSession } from '../session/session-context.ts';
import { Notice } from '../ui/Notice.tsx';
import { PatientResultsTable } from './PatientResultsTable.tsx';
import { PAGE_SIZE, usePatientSearch, type PatientListPage } from './use-patient-search.ts';

/** The patient list with search-as-you-type, a page of 50 at a time. */
export function PatientsPage() {
  usePageTitle('Patients');
  const { can } = useSession();
  const search = usePatientSearch();

  return (
    <>
      <div className="page-head">
        <h1>Patients</h1>
        {can('patient:write') ? (
          <Link to="/patients/new" className="button">
            Register patient
          </Link>
        ) : null}
      </div>
      <form
        role="search"
        className="search-form"
        onSubmit={(e) => {
          e.preventDefault();
          search.searchNow();
        }}
      >
        <label htmlFor="patient-search">Search patients</label>
        <div className="search-row">
          <input
            id="patient-search"
            type="search"
            value={search.query}
            onChange={(e) => search.setQuery(e.target.value)}
            placeholder="Name, date of birth, NHS number or MRN"
            autoComplete="off"
            spellCheck={false}
          />
          <button type="submit">Search</button>
        </div>
      </form>
      {search.error ? <Notice kind="error">{search.error.detail ?? search.error.title}</Notice> : null}
      <p role="status" aria-live="polite" className="result-count">
        {search.loading ? 'Searching…' : search.results ? resultText(search.results, search.searched) : ''}
      </p>
      {search.results && search.results.patients.length > 0 ? (
        <PatientResultsTable patients={search.results.patients} />
      ) : null}
      {search.results ? (
        <PatientPager results={search.results} page={search.page} href={search.pageHref} />
      ) : null}
      <p className="emergency-link">
        <Link to="/emergency-access">Emergency access</Link> to a patient of another service (audited).
      </p>
    </>
  );
}

/** "Showing 1–50 of 200 patients" (and the search they match), or why the page is empty. */
function resultText(results: PatientListPage, query: string): string {
  const { patients, total, offset } = results;
  const noun = total === 1 ? 'patient' : 'patients';
  const matching = query ? ` matching “${query}”` : '';
  if (total === 0) return query ? `No patients match “${query}”.` : 'No patients registered yet.';
  if (patients.length === 0) return `No patients on this page: ${total} ${noun}${matching} in all.`;
  const order = query ? '' : ', by family name';
  return `Showing ${offset + 1}–${offset + patients.length} of ${total} ${noun}${matching}${order}.`;
}

/** Previous and Next as links (the page number is in the address, so Back returns), and which page this is. */
function PatientPager({
  results,
  page,
  href,
}: {
  results: PatientListPage;
  page: number;
  href: (page: number) => string;
}) {
  const pages = Math.ceil(results.total / PAGE_SIZE);
  if (pages <= 1 && page === 1) return null;
  const previous = Math.min(page - 1, pages);
  return (
    <nav aria-label="Patient list pages" className="actions patient-pager">
      {previous >= 1 ? (
        <Link to={{ search: href(previous) }} rel="prev">
          Previous
        </Link>
      ) : null}
      <span>
        Page {page} of {Math.max(pages, 1)}
      </span>
      {page < pages ? (
        <Link to={{ search: href(page + 1) }} rel="next">
          Next
        </Link>
      ) : null}
    </nav>
  );
}
