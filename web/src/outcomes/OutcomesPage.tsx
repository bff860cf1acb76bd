// OutcomesPage: the service outcomes dashboard for a period, team and practitioner, with the filters in the address.
import { Link, useSearchParams } from 'react-router';
import { useApiData } from '../api/use-api-data.ts';
import { usePageTitle } from '../layout/use-page-title.ts';
import { useSignedIn } from '../session/session-context.ts';
import { formatDate } from '../ui/format.ts';
import { Notice } from '../ui/Notice.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { MeasureCard } from './MeasureCard.tsx';
import { queryFromParams, queryParams, reportPath } from './outcome-query.ts';
import { FAMILIES, type ServiceOutcomes } from './outcome-types.ts';
import { OutcomesFilter } from './OutcomesFilter.tsx';
import { OutcomesOverview } from './OutcomesOverview.tsx';
import { practitionerName, teamName } from './scope-names.ts';
import './outcomes.css';

/** "North, Alex Smith's caseload" or "All teams (organisation)". */
function scopeTitle(data: ServiceOutcomes, service: string): string {
  const team = service ? teamName(data.names, service) : 'All teams (organisation)';
  return data.practitionerId
    ? `${team}, ${practitionerName(data.names, data.practitionerId)}'s caseload`
    : team;
}

/** /outcomes. */
export function OutcomesPage() {
  usePageTitle('Service outcomes');
  const { user } = useSignedIn();
  const [params, setParams] = useSearchParams();
  const query = queryFromParams(params);
  const key = queryParams(query).toString();
  const report = useApiData<ServiceOutcomes>(reportPath(query));
  const data = report.data;
  return (
    <>
      <h1>Service outcomes</h1>
      <p className="outcome-caution">
        KASPR supports clinicians; it does not replace their judgement. These measures are definitions written
        by KASPR and must be reviewed and agreed by your service before they are used to judge care.
      </p>
      <OutcomesFilter
        key={key}
        initial={query}
        teams={user.services}
        practitioners={data?.names.practitioners ?? []}
        errors={report.error?.fieldErrors ?? {}}
        onShow={(q) => setParams(queryParams(q))}
      />
      <p>
        <Link
          to={`/outcomes/pilot${query.service ? `?firstService=${query.service}&secondService=${query.service}` : ''}`}
        >
          Compare two periods or two teams (pilot evaluation)
        </Link>
      </p>
      {report.error ? <Notice kind="error">{report.error.detail ?? report.error.title}</Notice> : null}
      {report.loading ? <p role="status">Loading the outcome measures…</p> : null}
      {data ? (
        <>
          <p className="outcome-count">
            {scopeTitle(data, query.service)}: {data.episodes} {data.episodes === 1 ? 'person' : 'people'} in
            the period{' '}
            <span className="muted">
              ({formatDate(data.period.from)} to {formatDate(data.period.to)})
            </span>
          </p>
          <OutcomesOverview series={data.series} />
          <ExportPanel query={query} />
          {FAMILIES.map(({ family, heading }) => {
            const measures = data.measures.filter((m) => m.definition.family === family);
            if (measures.length === 0) return null;
            return (
              <section key={family} aria-labelledby={`family-${family}`} className="subsection">
                <h2 id={`family-${family}`}>{heading}</h2>
                {measures.map((m) => (
                  <MeasureCard key={m.id} measure={m} names={data.names} />
                ))}
              </section>
            );
          })}
        </>
      ) : null}
    </>
  );
}
