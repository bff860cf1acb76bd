// ResponseHistoryTable: every saved response to one instrument, newest first, with its change against baseline.
import { DataTable, type Column } from '../ui/DataTable.tsx';
import { formatDateTime } from '../ui/format.ts';
import type { ResponseEntry } from './questionnaire-types.ts';
import { baselineText } from './result-text.ts';

interface ResponseHistoryTableProps {
  shortTitle: string;
  responses: readonly ResponseEntry[];
}

function scoreCell(r: ResponseEntry): string {
  if (r.result.total !== null)
    return r.result.prorated
      ? `${r.result.total} (prorated: ${r.result.prorated.missingItems.length} missing)`
      : String(r.result.total);
  if (r.result.triage) return `Triage: ${r.result.triage}`;
  if (r.result.completeness === 'incomplete') return `Incomplete (${r.result.missingItems.length} missing)`;
  return '—';
}

const urgent = (r: ResponseEntry) => r.result.flags.some((f) => f.severity === 'urgent');

const COLUMNS: readonly Column<ResponseEntry>[] = [
  {
    header: 'Date',
    className: 'nowrap',
    cell: (r) => <time dateTime={r.completedAt}>{formatDateTime(r.completedAt)}</time>,
  },
  {
    header: 'Score',
    cell: (r) => (
      <>
        {scoreCell(r)}
        {urgent(r) ? <span className="badge badge-danger badge-inline">Flagged</span> : null}
      </>
    ),
  },
  { header: 'Band', cell: (r) => r.result.band?.label ?? '—' },
  { header: 'Source', cell: (r) => (r.source === 'self-report' ? 'Self-report' : 'Clinician') },
  { header: 'vs baseline', cell: (r) => baselineText(r) },
  {
    header: 'Recorded by',
    cell: (r) => r.recordedBy?.displayName ?? (r.source === 'self-report' ? 'Patient' : '—'),
  },
];

/** Date, Score, Band, Source, vs baseline, Recorded by. */
export function ResponseHistoryTable({ shortTitle, responses }: ResponseHistoryTableProps) {
  return (
    <DataTable
      columns={COLUMNS}
      rows={[...responses].reverse()}
      rowKey={(r) => r.id}
      rowClassName={(r) => (urgent(r) ? 'row-flagged' : undefined)}
      caption={`${shortTitle} history`}
      className="data-table compact"
    />
  );
}
