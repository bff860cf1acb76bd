// PatientsPage: find a patient by name, date of birth, NHS number or MRN; register one; or request emergency access.
import { Link } from 'react-router';
import { usePageTitle } from '../layout/use-page-title.ts';
import { useSession } from '../session/session-context.ts';
import { Notice } from '../ui/Notice.tsx';
import { PatientResultsTable } from './PatientResultsTable.tsx';
import { usePatientSearch } from './use-patient-search.ts';

/** The patient list with search-as-you-type. */
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
        {search.loading
          ? 'Searching…'
          : search.results
            ? resultText(search.results.length, search.searched)
            : ''}
      </p>
      {search.results && search.results.length > 0 ? <PatientResultsTable patients={search.results} /> : null}
      <p className="emergency-link">
        <Link to="/emergency-access">Emergency access</Link> to a patient of another service (audited).
      </p>
    </>
  );
}

function resultText(count: number, query: string): string {
  if (count === 0) return query ? `No patients match “${query}”.` : 'No patients registered yet.';
  const noun = count === 1 ? 'patient' : 'patients';
  const verb = count === 1 ? 'matches' : 'match';
  const more = count >= 50 ? ' Showing the first 50; search to narrow the list.' : '';
  return (query ? `${count} ${noun} ${verb} “${query}”.` : `${count} ${noun}, by family name.`) + more;
}
