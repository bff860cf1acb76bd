// MonthlyNumbers: the counts behind a monthly chart, as a table in a "Show the numbers" disclosure.
import { monthLabel, type MonthlyTable } from './monthly-rows.ts';

/** A closed <details> holding one row per month and one column per series. */
export function MonthlyNumbers({ table, caption }: { table: MonthlyTable; caption: string }) {
  return (
    <details className="outcome-numbers">
      <summary>Show the numbers</summary>
      <div className="table-wrap">
        <table className="data-table compact">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              {table.series.map((s) => (
                <th key={s} scope="col">
                  {s}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r) => (
              <tr key={r.month}>
                <th scope="row">{monthLabel(r.month)}</th>
                {r.counts.map((c, i) => (
                  <td key={table.series[i] ?? i}>{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
