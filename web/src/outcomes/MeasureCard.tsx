// MeasureCard: one service outcome measure: its number (or why there is none) beside its written definition.
import { MonthlyChart } from './MonthlyChart.tsx';
import { MonthlyNumbers } from './MonthlyNumbers.tsx';
import { firstLevelTable, levelFourTable, type MonthlyTable } from './monthly-rows.ts';
import { headlineOf } from './outcome-text.ts';
import type { OutcomeMeasure } from './outcome-types.ts';

function monthlyOf(m: OutcomeMeasure): MonthlyTable | null {
  if (m.id === 'first-level-by-month') return firstLevelTable(m.value);
  if (m.id === 'level-4-per-month') return levelFourTable(m.value);
  return null;
}

/** Title, headline, Wilson interval and details; the definition beside; the source in a disclosure. */
export function MeasureCard({ measure }: { measure: OutcomeMeasure }) {
  const { definition } = measure;
  const head = headlineOf(measure);
  const monthly = monthlyOf(measure);
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
        </div>
        <div className="outcome-definition">
          <p>{definition.definition}</p>
          <p className="muted">Unit: {definition.unit}</p>
          <details className="trend-sources">
            <summary>Source and counting</summary>
            <p>Counts: {definition.numerator}</p>
            <p>Out of: {definition.denominator}</p>
            <p>Source: {definition.source}</p>
          </details>
        </div>
      </div>
      {monthly ? (
        <>
          <MonthlyChart {...monthly} />
          <MonthlyNumbers table={monthly} caption={definition.title} />
        </>
      ) : null}
    </article>
  );
}
