// OutcomesPage: the service outcomes dashboard for a period, team and practitioner, with the filters in the address.
// The charts come from the fast series endpoint; the full report is asked for once they are in, and the measure cards
// follow when it arrives.
import { Link, useSearchParams } from 'react-router';
import { useApiData } from '../api/use-api-data.ts';
import { usePageTitle } from '../layout/use-page-title.ts';
import { useSignedIn } from '../session/session-context.ts';
import { formatDate } from '../ui/format.ts';
import { Notice } from '../ui/Notice.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { OutcomeMeasures } from './OutcomeMeasures.tsx';
import { queryFromParams, queryParams, reportPath, seriesPath } from './outcome-query.ts';
import type { OutcomeSeriesReport, ServiceOutcomes } from './outcome-types.ts';
import { OutcomesFilter } from './OutcomesFilter.tsx';
import { OutcomesOverview } from './OutcomesOverview.tsx';
import { practitionerName, teamName } from './scope-names.ts';
import './outcomes.css';

/** "North, Alex Smith's caseload" or "All teams (organisation)". */
function scopeTitle(data: Pick<OutcomeSeriesReport, 'names' | 'practitionerId'>, service: string): string {
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
  // The series first, then the full report: the series answers in moments, the report can take seconds for an
  // organisation, and asked together the report's statements take the database from the series, so the charts would
  // wait for the report's work.
  const charts = useApiData<OutcomeSeriesReport>(seriesPath(query));
  const report = useApiData<ServiceOutcomes>(charts.loading ? null : reportPath(query));
  // After a change of filters an earlier full report would not match the charts: the cards wait for the new one.
  const full = report.loading || report.error ? null : report.data;
  // The full report carries the same series, so the charts still show if only the series request failed; the
  // earlier filters' charts stay on screen while the new ones load, unless the full report is there first.
  const earlier = charts.error ? null : charts.data;
  const data = (charts.loading ? null : earlier) ?? full ?? earlier;
  const problem = charts.error ?? (data ? null : report.error);
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
        practitioners={data?.names.clinicians ?? []}
        errors={charts.error?.fieldErrors ?? report.error?.fieldErrors ?? {}}
        onShow={(q) => setParams(queryParams(q))}
      />
      <p>
        <Link
          to={`/outcomes/pilot${query.service ? `?firstService=${query.service}&secondService=${query.service}` : ''}`}
        >
          Compare two periods or two teams (pilot evaluation)
        </Link>
      </p>
      {problem ? <Notice kind="error">{problem.detail ?? problem.title}</Notice> : null}
      {charts.loading ? <p role="status">Loading the outcome charts…</p> : null}
      {data ? (
        <>
          <p className="outcome-count">
            {scopeTitle(data, query.service)}
            {full ? `: ${full.episodes} ${full.episodes === 1 ? 'person' : 'people'} in the period` : ''}{' '}
            <span className="muted">
              ({formatDate(data.period.from)} to {formatDate(data.period.to)})
            </span>
          </p>
          <OutcomesOverview series={data.series} />
          <ExportPanel query={query} />
          <OutcomeMeasures report={full} error={report.loading || charts.error ? null : report.error} />
        </>
      ) : null}
    </>
  );
}
