// PastSessions: earlier dosing sessions: when, protocol, setting, dose, discharge and its summary PDF.
import { formatDateTime } from '../ui/format.ts';
import { doseLine } from './dose-text.ts';
import { SETTING_LABELS, protocolIdOf } from './treatment-labels.ts';
import type { ProtocolSummary, SessionSummary } from './treatment-types.ts';

interface PastSessionsProps {
  sessions: readonly SessionSummary[];
  protocols: readonly ProtocolSummary[];
}

/** A table, newest first; a discharged session links its summary (the server's discharge-summary route). */
export function PastSessions({ sessions, protocols }: PastSessionsProps) {
  const title = (ref: string) =>
    protocols.find((p) => p.ref === ref || p.id === protocolIdOf(ref))?.title ?? ref;
  return (
    <div className="table-wrap">
      <table className="data-table compact">
        <caption className="visually-hidden">Past sessions</caption>
        <thead>
          <tr>
            <th scope="col">Started</th>
            <th scope="col">Protocol</th>
            <th scope="col">Setting</th>
            <th scope="col">Dose</th>
            <th scope="col">Discharged</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id}>
              <td className="nowrap">{formatDateTime(s.startedAt)}</td>
              <td>{title(s.protocol)}</td>
              <td>{SETTING_LABELS[s.setting]}</td>
              <td>{doseLine(s.dose)}</td>
              <td>
                {s.dischargedAt ? (
                  <>
                    <span className="nowrap">{formatDateTime(s.dischargedAt)}</span>{' '}
                    <a
                      href={`/api/v1/treatment-sessions/${encodeURIComponent(s.id)}/discharge-summary.pdf`}
                      target="_blank"
                      rel="noreferrer"
                    >
                      Summary (PDF)
                    </a>
                  </>
                ) : (
                  'Not discharged'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
