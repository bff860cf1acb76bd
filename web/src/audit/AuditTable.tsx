// AuditTable: audit entries as a table: when, who, what, on which resource, the outcome and whether flagged.
import { Link } from 'react-router';
import type { AuditEntry } from '../admin/admin-types.ts';
import { useSession } from '../session/session-context.ts';
import { DataTable, type Column } from '../ui/DataTable.tsx';
import { formatDateTime } from '../ui/format.ts';

export type { AuditEntry };

/** The patient's id, shortened, linking to the chart for those who may read it. */
function PatientCell({ id }: { id: string | null }) {
  const { can } = useSession();
  if (!id) return '—';
  return can('patient:read') ? <Link to={`/patients/${id}`}>{id.slice(0, 8)}</Link> : id.slice(0, 8);
}

const COLUMNS: readonly Column<AuditEntry>[] = [
  { header: '#', cell: (e) => e.seq },
  { header: 'When', className: 'nowrap', cell: (e) => formatDateTime(e.at) },
  { header: 'Who', cell: (e) => (e.actor ? (e.actor.displayName ?? 'Unknown user') : 'Anonymous') },
  { header: 'Action', cell: (e) => e.action },
  {
    header: 'Resource',
    cell: (e) => (
      <>
        {e.resourceType}
        {e.resourceId ? <span className="muted"> {e.resourceId.slice(0, 8)}</span> : null}
      </>
    ),
  },
  { header: 'Patient', cell: (e) => <PatientCell id={e.patientId} /> },
  {
    header: 'Outcome',
    cell: (e) => <span className={e.outcome === 'success' ? undefined : 'outcome-problem'}>{e.outcome}</span>,
  },
  { header: 'IP address', cell: (e) => e.ip ?? '—' },
  { header: 'Flagged', cell: (e) => (e.flagged ? <span className="badge badge-danger">Flagged</span> : '') },
];

/** Newest first, as the API returns them. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <DataTable
      columns={COLUMNS}
      rows={entries}
      rowKey={(e) => e.seq}
      rowClassName={(e) => (e.flagged ? 'row-flagged' : undefined)}
      className="data-table compact"
    />
  );
}
