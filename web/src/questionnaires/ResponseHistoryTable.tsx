// ResponseHistoryTable: every saved response to one instrument, newest first, with its change against baseline.
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

/** Date, Score, Band, Source, vs baseline, Recorded by. */
export function ResponseHistoryTable({ shortTitle, responses }: ResponseHistoryTableProps) {
  const rows = [...responses].reverse();
  return (
    <div className="table-wrap">
      <table className="data-table compact">
        <caption>{shortTitle} history</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Score</th>
            <th scope="col">Band</th>
            <th scope="col">Source</th>
            <th scope="col">vs baseline</th>
            <th scope="col">Recorded by</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const urgent = r.result.flags.some((f) => f.severity === 'urgent');
            return (
              <tr key={r.id} className={urgent ? 'row-flagged' : undefined}>
                <td className="nowrap">
                  <time dateTime={r.completedAt}>{formatDateTime(r.completedAt)}</time>
                </td>
                <td>
                  {scoreCell(r)}
                  {urgent ? <span className="badge badge-danger badge-inline">Flagged</span> : null}
                </td>
                <td>{r.result.band?.label ?? '—'}</td>
                <td>{r.source === 'self-report' ? 'Self-report' : 'Clinician'}</td>
                <td>{baselineText(r)}</td>
                <td>{r.recordedBy?.displayName ?? (r.source === 'self-report' ? 'Patient' : '—')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
