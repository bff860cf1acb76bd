// PilotPage: /outcomes/pilot, two periods or two teams side by side with counts, intervals and every caveat shown.
import { Link, useSearchParams } from 'react-router';
import { useApiData } from '../api/use-api-data.ts';
import { usePageTitle } from '../layout/use-page-title.ts';
import { useSignedIn } from '../session/session-context.ts';
import { formatDate } from '../ui/format.ts';
import { Notice } from '../ui/Notice.tsx';
import { ChartView } from './ChartView.tsx';
import type { PilotComparison, PilotGroupView, PilotRow } from './outcome-types.ts';
import { differenceChart } from './pilot-chart.ts';
import { pilotFromParams, pilotParams, pilotPath } from './pilot-query.ts';
import { PilotForm } from './PilotForm.tsx';
import { PilotMeanTable, PilotShareTable } from './PilotTables.tsx';
import './outcomes.css';

function GroupLine({ which, group }: { which: string; group: PilotGroupView }) {
  return (
    <li>
      {which}: <strong>{group.label}</strong>{' '}
      <span className="muted">
        ({formatDate(group.from)} to {formatDate(group.to)})
      </span>
    </li>
  );
}

/** /outcomes/pilot. */
export function PilotPage() {
  usePageTitle('Pilot evaluation');
  const { user } = useSignedIn();
  const [params, setParams] = useSearchParams();
  const query = pilotFromParams(params);
  const comparison = useApiData<PilotComparison>(pilotPath(query));
  const data = comparison.data;
  const shares =
    data?.rows.filter((r): r is Extract<PilotRow, { kind: 'share' }> => r.kind === 'share') ?? [];
  const means = data?.rows.filter((r): r is Extract<PilotRow, { kind: 'mean' }> => r.kind === 'mean') ?? [];
  const labels: [string, string] = [data?.first.label ?? 'First', data?.second.label ?? 'Second'];
  return (
    <>
      <h1>Pilot evaluation</h1>
      <p>
        <Link to="/outcomes">Back to service outcomes</Link>
      </p>
      <p className="outcome-caution">
        Compare two periods (before and after a change) or two teams. Every count, interval and caveat is
        shown, however small: with small numbers a difference may be chance. KASPR supports clinicians; read
        these figures with your service&apos;s own review.
      </p>
      <PilotForm
        key={pilotParams(query).toString()}
        initial={query}
        teams={user.services}
        errors={comparison.error?.fieldErrors ?? {}}
        onCompare={(q) => setParams(pilotParams(q))}
      />
      {comparison.error ? (
        <Notice kind="error">{comparison.error.detail ?? comparison.error.title}</Notice>
      ) : null}
      {comparison.loading ? <p role="status">Comparing the groups…</p> : null}
      {data ? (
        <>
          <ul>
            <GroupLine which="First group" group={data.first} />
            <GroupLine which="Second group" group={data.second} />
          </ul>
          <p className="muted">{data.note}</p>
          <section aria-labelledby="pilot-shares" className="subsection">
            <h2 id="pilot-shares">Shares</h2>
            <PilotShareTable rows={shares} labels={labels} />
            <h3>Differences at a glance</h3>
            <ChartView {...differenceChart(shares)} />
          </section>
          <section aria-labelledby="pilot-means" className="subsection">
            <h2 id="pilot-means">Per-person values</h2>
            <PilotMeanTable rows={means} labels={labels} />
          </section>
        </>
      ) : null}
    </>
  );
}
