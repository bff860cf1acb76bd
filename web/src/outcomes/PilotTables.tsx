// PilotTables: every compared measure as a row: both groups' counts and shares with intervals, the difference, caveats.
import type { MeanComparison, PilotRow, ProportionComparison } from './outcome-types.ts';
import {
  countText,
  groupShareText,
  meanDifferenceText,
  shareDifferenceText,
  summaryText,
} from './pilot-text.ts';

type Caveats = ProportionComparison['caveats'];

/** Caveats in full, in the row; "None" only when there are none. */
function CaveatCell({ caveats }: { caveats: Caveats }) {
  return (
    <td>
      {caveats.length === 0 ? (
        <span className="muted">None</span>
      ) : (
        <ul className="pilot-caveats">
          {caveats.map((c) => (
            <li key={c.code}>{c.text}</li>
          ))}
        </ul>
      )}
    </td>
  );
}

function MeasureCell({ row }: { row: PilotRow }) {
  return (
    <th scope="row">
      {row.definition.title}
      <details className="trend-sources">
        <summary>Definition</summary>
        <p>{row.definition.definition}</p>
        <p className="muted">Counts: {row.definition.numerator}</p>
        <p className="muted">Out of: {row.definition.denominator}</p>
      </details>
    </th>
  );
}

type ShareRow = Extract<PilotRow, { kind: 'share' }>;
type MeanRow = Extract<PilotRow, { kind: 'mean' }>;

/** Shares: count of total, share with its Wilson interval, the Newcombe difference, caveats. */
export function PilotShareTable({ rows, labels }: { rows: readonly ShareRow[]; labels: [string, string] }) {
  return (
    <div className="table-wrap">
      <table className="data-table pilot-table">
        <caption>Shares in each group, first minus second</caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col">{labels[0]}</th>
            <th scope="col">{labels[1]}</th>
            <th scope="col">Difference (first − second)</th>
            <th scope="col">Caveats</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const c = row.comparison;
            return (
              <tr key={row.id}>
                <MeasureCell row={row} />
                {[c.first, c.second].map((g, i) => (
                  <td key={i === 0 ? 'first' : 'second'}>
                    <strong>{countText(g)}</strong>
                    <br />
                    {groupShareText(g)}
                  </td>
                ))}
                <td>{shareDifferenceText(c.difference)}</td>
                <CaveatCell caveats={c.caveats} />
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Per-person values: n, mean and median in each group, the difference of means with its interval, caveats. */
export function PilotMeanTable({ rows, labels }: { rows: readonly MeanRow[]; labels: [string, string] }) {
  return (
    <div className="table-wrap">
      <table className="data-table pilot-table">
        <caption>Per-person values in each group, first minus second</caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col">{labels[0]}</th>
            <th scope="col">{labels[1]}</th>
            <th scope="col">Difference of means (first − second)</th>
            <th scope="col">Caveats</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const c: MeanComparison = row.comparison;
            return (
              <tr key={row.id}>
                <MeasureCell row={row} />
                <td>{summaryText(c.first)}</td>
                <td>{summaryText(c.second)}</td>
                <td>{meanDifferenceText(c.meanDifference)}</td>
                <CaveatCell caveats={c.caveats} />
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
