// NumbersToggle: "Show the numbers" under a chart, a button (aria-expanded) that reveals the table behind it.
import { useId, useState } from 'react';
import type { NumberTable } from './number-table.ts';

/** A closed-by-default table of the chart's numbers; the button names the chart it belongs to. */
export function NumbersToggle({ table }: { table: NumberTable }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="outcome-numbers">
      <button
        type="button"
        className="button-link"
        aria-expanded={open}
        aria-controls={id}
        // The visible words start the name (WCAG 2.5.3); the caption tells one chart's button from another's.
        aria-label={`${open ? 'Hide' : 'Show'} the numbers: ${table.caption}`}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? 'Hide the numbers' : 'Show the numbers'}
      </button>
      <div id={id} className="table-wrap" hidden={!open}>
        {open ? (
          <table className="data-table compact">
            <caption>{table.caption}</caption>
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r, i) => (
                <tr key={`${i}:${r.label}`}>
                  <th scope="row">{r.label}</th>
                  {r.cells.map((c, i) => (
                    <td key={table.columns[i + 1] ?? i}>{c}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </div>
  );
}
