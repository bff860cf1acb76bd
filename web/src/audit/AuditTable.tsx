// AuditTable: audit entries as a table: when, who, what, on which resource, the outcome and whether flagged.
import { Link } from 'react-router';
import { useSession } from '../session/session-context.ts';
import { formatDateTime } from '../ui/format.ts';

export interface AuditEntry {
  seq: number;
  at: string;
  actor: { id: string; displayName: string | null } | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  patientId: string | null;
  outcome: string;
  ip: string | null;
  flagged: boolean;
}

/** Newest first, as the API returns them. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { can } = useSession();
  return (
    <div className="table-wrap">
      <table className="data-table compact">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">Resource</th>
            <th scope="col">Patient</th>
            <th scope="col">Outcome</th>
            <th scope="col">IP address</th>
            <th scope="col">Flagged</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.seq} className={e.flagged ? 'row-flagged' : undefined}>
              <td>{e.seq}</td>
              <td className="nowrap">{formatDateTime(e.at)}</td>
              <td>{e.actor ? (e.actor.displayName ?? 'Unknown user') : 'Anonymous'}</td>
              <td>{e.action}</td>
              <td>
                {e.resourceType}
                {e.resourceId ? <span className="muted"> {e.resourceId.slice(0, 8)}</span> : null}
              </td>
              <td>
                {e.patientId ? (
                  can('patient:read') ? (
                    <Link to={`/patients/${e.patientId}`}>{e.patientId.slice(0, 8)}</Link>
                  ) : (
                    e.patientId.slice(0, 8)
                  )
                ) : (
                  '—'
                )}
              </td>
              <td className={e.outcome === 'success' ? undefined : 'outcome-problem'}>{e.outcome}</td>
              <td>{e.ip ?? '—'}</td>
              <td>{e.flagged ? <span className="badge badge-danger">Flagged</span> : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
