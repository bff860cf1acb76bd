// VitalsTable: the flowsheet of readings in time order, the baseline marked, each reading's alerts beside it.
import { DataTable, type Column } from '../ui/DataTable.tsx';
import { formatTime } from '../ui/format.ts';
import type { VitalsData } from './treatment-types.ts';

type Reading = { id: number; at: string; data: VitalsData };

interface VitalsTableProps {
  readings: readonly Reading[];
}

const COLUMNS: readonly Column<Reading>[] = [
  {
    header: 'Time',
    className: 'nowrap',
    cell: ({ at, data }) => (
      <>
        <time dateTime={at}>{formatTime(at)}</time>
        {data.baseline ? <span className="muted"> (baseline)</span> : null}
      </>
    ),
  },
  { header: 'BP', className: 'nowrap', cell: ({ data }) => `${data.systolic}/${data.diastolic}` },
  { header: 'HR', cell: ({ data }) => data.heartRate },
  { header: 'SpO2', cell: ({ data }) => `${data.spo2}%` },
  { header: 'RR', cell: ({ data }) => data.respiratoryRate ?? '—' },
  {
    header: 'Alerts',
    cell: ({ data }) =>
      data.alerts.length === 0
        ? '—'
        : data.alerts.map((a) => (
            <span key={a.code} className={`vital-alert-inline vital-alert-${a.severity}`}>
              {a.text}
            </span>
          )),
  },
];

/** A row with an urgent alert is shaded severe, one with any alert flagged. */
function rowClass({ data }: Reading): string | undefined {
  if (data.alerts.some((a) => a.severity === 'urgent')) return 'row-severe';
  return data.alerts.length > 0 ? 'row-flagged' : undefined;
}

/** Time, BP, HR, SpO2, RR and Alerts; a row with an urgent alert is shaded. */
export function VitalsTable({ readings }: VitalsTableProps) {
  return (
    <DataTable
      columns={COLUMNS}
      rows={readings}
      rowKey={(r) => r.id}
      rowClassName={rowClass}
      caption="Vitals"
      className="data-table compact vitals-table"
    />
  );
}
