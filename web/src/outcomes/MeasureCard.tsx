// MeasureCard: one service outcome measure: its number (or why there is none) and chart beside its written definition.
import { Link } from 'react-router';
import { ChartView } from './ChartView.tsx';
import { chartOf } from './measure-charts.ts';
import { headlineOf } from './outcome-text.ts';
import type { OutcomeMeasure, ScopeNames } from './outcome-types.ts';

const CALIBRATION = new Set([
  'calibration-fleiss-kappa',
  'calibration-cohen-kappa',
  'calibration-split-vignettes',
]);

/** Title, headline, interval and details; the definition with numerator, denominator, unit and source; the chart. */
export function MeasureCard({ measure, names }: { measure: OutcomeMeasure; names: ScopeNames }) {
  const { definition } = measure;
  const head = headlineOf(measure);
  const chart = chartOf(measure, names);
  const headingId = `measure-${measure.id}`;
  return (
    <article className="outcome-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{definition.title}</h3>
      <div className="outcome-body">
        <div className="outcome-number">
          {head.main !== null ? (
            <p className="outcome-headline">{head.main}</p>
          ) : (
            <p className="outcome-missing">Not computed: {head.reason ?? 'no data in the period.'}</p>
          )}
          {head.interval ? <p className="muted">{head.interval}</p> : null}
          {head.details.map((d) => (
            <p key={d} className="outcome-detail">
              {d}
            </p>
          ))}
          {CALIBRATION.has(measure.id) ? (
            <p className="outcome-detail">
              <Link to="/calibration">Calibration vignettes</Link> (all periods)
            </p>
          ) : null}
        </div>
        <dl className="outcome-definition">
          <dt className="visually-hidden">Definition</dt>
          <dd>{definition.definition}</dd>
          <dt>Counts</dt>
          <dd>{definition.numerator}</dd>
          <dt>Out of</dt>
          <dd>{definition.denominator}</dd>
          <dt>Unit</dt>
          <dd>{definition.unit}</dd>
          <dt>Source</dt>
          <dd className="muted">{definition.source}</dd>
        </dl>
      </div>
      {chart ? <ChartView {...chart} /> : null}
    </article>
  );
}
