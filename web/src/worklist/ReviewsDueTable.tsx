// ReviewsDueTable: harm-pathway reviews due soon or overdue: patient, level of need, due date and key worker.
import { Link } from 'react-router';
import type { ReviewItem } from '../harm/harm-types.ts';
import { DataTable, type Column } from '../ui/DataTable.tsx';
import { formatDate, patientName } from '../ui/format.ts';

const COLUMNS: readonly Column<ReviewItem>[] = [
  { header: 'Patient', cell: (r) => <Link to={`/patients/${r.patientId}`}>{patientName(r)}</Link> },
  { header: 'Level', cell: (r) => <span className={`level-chip level-${r.level}`}>Level {r.level}</span> },
  {
    header: 'Review due',
    className: 'nowrap',
    cell: (r) => (
      <>
        {formatDate(r.reviewDue)}
        {r.overdue ? <span className="badge badge-danger badge-inline">Overdue</span> : null}
      </>
    ),
  },
  { header: 'Key worker', cell: (r) => r.keyWorker ?? 'Not assigned' },
];

/** Patient (link to the chart), Level, Review due (with "Overdue"), Key worker. */
export function ReviewsDueTable({ items }: { items: readonly ReviewItem[] }) {
  return (
    <DataTable
      columns={COLUMNS}
      rows={items}
      rowKey={(r) => r.patientId}
      rowClassName={(r) => (r.overdue ? 'row-severe' : undefined)}
      caption="Reviews due"
      captionHidden
    />
  );
}
