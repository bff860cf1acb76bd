// LossDeadlines: the steps for reporting a loss or theft, each with its last day (or none known) and "Overdue".
import { formatDate } from '../ui/format.ts';
import type { LossReportStep } from './cd-types.ts';

interface LossDeadlinesProps {
  deadlines: readonly LossReportStep[];
  overdue?: readonly LossReportStep['code'][];
}

/** A list: the step, "by 09 Mar 2026" (or "no deadline known"), and its note. */
export function LossDeadlines({ deadlines, overdue = [] }: LossDeadlinesProps) {
  if (deadlines.length === 0) return <p className="muted">No report steps known.</p>;
  return (
    <ul className="plain-list cd-deadlines">
      {deadlines.map((d) => (
        <li key={d.code}>
          <strong>{d.title}</strong>
          {' — '}
          {d.dueBy ? `by ${formatDate(d.dueBy)}` : 'no deadline known'}
          {overdue.includes(d.code) ? <span className="badge badge-danger badge-inline">Overdue</span> : null}
          <span className="hint cd-block">{d.note}</span>
        </li>
      ))}
    </ul>
  );
}
