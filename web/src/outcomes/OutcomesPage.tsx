// OutcomesPage: the service outcome measures for a period and service, grouped by family, each with its definition.
import { useState } from 'react';
import { useApiData } from '../api/use-api-data.ts';
import { usePageTitle } from '../layout/use-page-title.ts';
import { useSignedIn } from '../session/session-context.ts';
import { formatDate } from '../ui/format.ts';
import { addDays, localDate } from '../ui/local-date.ts';
import { Notice } from '../ui/Notice.tsx';
import { MeasureCard } from './MeasureCard.tsx';
import { FAMILIES, type ServiceOutcomes } from './outcome-types.ts';
import { OutcomesFilter, type OutcomeQuery } from './OutcomesFilter.tsx';

const DEFAULT_DAYS = 90;

function pathOf(q: OutcomeQuery): string {
  const params = new URLSearchParams({ from: q.from, to: q.to });
  if (q.service) params.set('service', q.service);
  return `/reports/service-outcomes?${params.toString()}`;
}

/** /outcomes. */
export function OutcomesPage() {
  usePageTitle('Service outcomes');
  const { user } = useSignedIn();
  const [query, setQuery] = useState<OutcomeQuery>(() => {
    const to = localDate();
    return { from: addDays(to, -DEFAULT_DAYS), to, service: '' };
  });
  const report = useApiData<ServiceOutcomes>(pathOf(query));
  const data = report.data;
  return (
    <>
      <h1>Service outcomes</h1>
      <OutcomesFilter
        initial={query}
        services={user.services}
        errors={report.error?.fieldErrors ?? {}}
        onShow={setQuery}
      />
      {report.error ? <Notice kind="error">{report.error.detail ?? report.error.title}</Notice> : null}
      {report.loading ? <p role="status">Loading the outcome measures…</p> : null}
      {data ? (
        <>
          <p className="outcome-count">
            {data.episodes} {data.episodes === 1 ? 'episode' : 'episodes'} in the period{' '}
            <span className="muted">
              ({formatDate(data.period.from)} to {formatDate(data.period.to)})
            </span>
          </p>
          {data.notYetRecorded.length > 0 ? (
            <Notice kind="info">
              {data.notYetRecorded.map((line) => (
                <p key={line}>{line}</p>
              ))}
            </Notice>
          ) : null}
          {FAMILIES.map(({ family, heading }) => {
            const measures = data.measures.filter((m) => m.definition.family === family);
            if (measures.length === 0) return null;
            return (
              <section key={family} aria-labelledby={`family-${family}`} className="subsection">
                <h2 id={`family-${family}`}>{heading}</h2>
                {measures.map((m) => (
                  <MeasureCard key={m.id} measure={m} />
                ))}
              </section>
            );
          })}
        </>
      ) : null}
    </>
  );
}
