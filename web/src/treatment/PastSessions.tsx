// PastSessions: earlier dosing sessions: when (linking the session's page), protocol, setting, dose, discharge and
// its summary PDF.
import { Link } from 'react-router';
import { sessionPath } from '../chart/chart-context.ts';
import { formatDateTime } from '../ui/format.ts';
import { doseLine } from './dose-text.ts';
import { SETTING_LABELS, protocolName } from './treatment-labels.ts';
import type { ProtocolSummary, SessionSummary } from './treatment-types.ts';

interface PastSessionsProps {
  patientId: string;
  sessions: readonly SessionSummary[];
  protocols: readonly ProtocolSummary[];
}

/**
 * A table, newest first; each session links its own page, and a discharged one its summary (the server's
 * discharge-summary route).
 */
export function PastSessions({ patientId, sessions, protocols }: PastSessionsProps) {
  const title = (ref: string) => protocolName(ref, protocols);
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
              <td className="nowrap">
                <Link to={sessionPath(patientId, s.id)}>{formatDateTime(s.startedAt)}</Link>
              </td>
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
