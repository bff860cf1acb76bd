// AssessmentHistoryTable: every saved assessment, newest first: proposal, decision, what changed, and replay.
import { DataTable, type Column } from '../ui/DataTable.tsx';
import { formatDateTime } from '../ui/format.ts';
import type { AssessmentEntry } from './harm-types.ts';
import { changesText } from './history-text.ts';
import { ReplayCell } from './ReplayCell.tsx';

/** The confirmed level with an "override" badge and the reason, or "Not decided". */
function Decision({ a }: { a: AssessmentEntry }) {
  if (!a.decision) return <span className="muted">Not decided</span>;
  return (
    <>
      {a.decision.confirmedLevel}
      {a.decision.overridden ? <span className="badge badge-danger badge-inline">override</span> : null}
      {a.decision.reason ? <p className="hint">{a.decision.reason}</p> : null}
    </>
  );
}

const COLUMNS: readonly Column<AssessmentEntry>[] = [
  {
    header: 'Date',
    className: 'nowrap',
    cell: (a) => (
      <>
        <time dateTime={a.assessedAt}>{formatDateTime(a.assessedAt)}</time>
        {a.corrects ? <span className="badge badge-inline">correction</span> : null}
      </>
    ),
  },
  { header: 'Proposed', cell: (a) => `${a.evaluation.level} (${a.evaluation.levelLabel})` },
  { header: 'Confirmed', cell: (a) => <Decision a={a} /> },
  { header: 'Changes', cell: (a) => changesText(a.comparison) },
  { header: 'Recorded by', cell: (a) => a.recordedBy.displayName },
  { header: 'Replay', cell: (a) => <ReplayCell assessmentId={a.id} /> },
];

/** Date, Proposed, Confirmed (with an "override" badge), Changes, Recorded by, Replay. */
export function AssessmentHistoryTable({ entries }: { entries: readonly AssessmentEntry[] }) {
  return (
    <DataTable
      columns={COLUMNS}
      rows={[...entries].reverse()}
      rowKey={(a) => a.id}
      rowClassName={(a) => (a.evaluation.level === 4 ? 'row-flagged' : undefined)}
      caption="Harm assessments, newest first"
      captionHidden
      className="data-table compact"
    />
  );
}
