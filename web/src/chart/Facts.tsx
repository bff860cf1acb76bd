// Facts: one titled group of label–value pairs in the chart's details; empty values are left out.
import { useId, type ReactNode } from 'react';

/** A heading and a definition list, or "Not recorded". */
export function Facts({ title, rows }: { title: string; rows: [string, ReactNode][] }) {
  const id = useId();
  const shown = rows.filter(([, v]) => v !== undefined && v !== null && v !== '');
  return (
    <section className="details-group" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {shown.length === 0 ? (
        <p className="muted">Not recorded</p>
      ) : (
        <dl className="facts">
          {shown.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
