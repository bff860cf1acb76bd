// ReviewsDueTable: harm-pathway reviews due soon or overdue: patient, level of need, due date and key worker.
import { Link } from 'react-router';
import type { ReviewItem } from '../harm/harm-types.ts';
import { formatDate, patientName } from '../ui/format.ts';

/** Patient (link to the chart), Level, Review due (with "Overdue"), Key worker. */
export function ReviewsDueTable({ items }: { items: readonly ReviewItem[] }) {
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">Reviews due</caption>
        <thead>
          <tr>
            <th scope="col">Patient</th>
            <th scope="col">Level</th>
            <th scope="col">Review due</th>
            <th scope="col">Key worker</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.patientId} className={r.overdue ? 'row-severe' : undefined}>
              <td>
                <Link to={`/patients/${r.patientId}`}>{patientName(r)}</Link>
              </td>
              <td>
                <span className={`level-chip level-${r.level}`}>Level {r.level}</span>
              </td>
              <td className="nowrap">
                {formatDate(r.reviewDue)}
                {r.overdue ? <span className="badge badge-danger badge-inline">Overdue</span> : null}
              </td>
              <td>{r.keyWorker ?? 'Not assigned'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
