// AssessmentHistoryTable: every saved assessment, newest first: proposal, decision, what changed, and replay.
import { formatDateTime } from '../ui/format.ts';
import type { AssessmentEntry } from './harm-types.ts';
import { changesText } from './history-text.ts';
import { ReplayCell } from './ReplayCell.tsx';

/** Date, Proposed, Confirmed (with an "override" badge), Changes, Recorded by, Replay. */
export function AssessmentHistoryTable({ entries }: { entries: readonly AssessmentEntry[] }) {
  const rows = [...entries].reverse();
  return (
    <div className="table-wrap">
      <table className="data-table compact">
        <caption className="visually-hidden">Harm assessments, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Proposed</th>
            <th scope="col">Confirmed</th>
            <th scope="col">Changes</th>
            <th scope="col">Recorded by</th>
            <th scope="col">Replay</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.id} className={a.evaluation.level === 4 ? 'row-flagged' : undefined}>
              <td className="nowrap">
                <time dateTime={a.assessedAt}>{formatDateTime(a.assessedAt)}</time>
                {a.corrects ? <span className="badge badge-inline">correction</span> : null}
              </td>
              <td>
                {a.evaluation.level} ({a.evaluation.levelLabel})
              </td>
              <td>
                {a.decision ? (
                  <>
                    {a.decision.confirmedLevel}
                    {a.decision.overridden ? (
                      <span className="badge badge-danger badge-inline">override</span>
                    ) : null}
                    {a.decision.reason ? <p className="hint">{a.decision.reason}</p> : null}
                  </>
                ) : (
                  <span className="muted">Not decided</span>
                )}
              </td>
              <td>{changesText(a.comparison)}</td>
              <td>{a.recordedBy.displayName}</td>
              <td>
                <ReplayCell assessmentId={a.id} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
