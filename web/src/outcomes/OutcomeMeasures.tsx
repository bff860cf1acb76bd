// OutcomeMeasures: the measure cards by family, or a progress note while the per-person measures are computed.
import type { ApiError } from '../api/api-error.ts';
import { Notice } from '../ui/Notice.tsx';
import { MeasureCard } from './MeasureCard.tsx';
import { FAMILIES, type ServiceOutcomes } from './outcome-types.ts';

interface OutcomeMeasuresProps {
  /** The full report for the filters shown, or null while it is computed or after it failed. */
  report: ServiceOutcomes | null;
  error: ApiError | null;
}

const COMPUTING = 'Computing the per-person measures… this can take a while for a whole organisation.';

/** The charts above come from the fast series; these cards wait for the full report, which can take a while. */
export function OutcomeMeasures({ report, error }: OutcomeMeasuresProps) {
  const computing = report === null && error === null;
  return (
    <div className="outcome-measures" aria-busy={computing}>
      {error ? (
        <section aria-labelledby="outcome-measures-failed" className="subsection">
          <h2 id="outcome-measures-failed">Measures</h2>
          <Notice kind="error">The measures could not be computed: {error.detail ?? error.title}</Notice>
        </section>
      ) : null}
      {computing ? (
        <div role="status" className="outcome-computing">
          <p>{COMPUTING}</p>
          <progress aria-label="Computing the per-person measures" />
        </div>
      ) : null}
      {report
        ? FAMILIES.map(({ family, heading }) => {
            const measures = report.measures.filter((m) => m.definition.family === family);
            if (measures.length === 0) return null;
            return (
              <section key={family} aria-labelledby={`family-${family}`} className="subsection">
                <h2 id={`family-${family}`}>{heading}</h2>
                {measures.map((m) => (
                  <MeasureCard key={m.id} measure={m} names={report.names} />
                ))}
              </section>
            );
          })
        : null}
    </div>
  );
}
