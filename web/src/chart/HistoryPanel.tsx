// HistoryPanel: every version of the record, newest first: who changed it, when, why, and which parts.
import type { PatientVersion } from '../../../src/schemas/patient.ts';
import { useApiData } from '../api/use-api-data.ts';
import { Notice } from '../ui/Notice.tsx';
import { formatDateTime } from '../ui/format.ts';
import { RECORD_FIELD_LABELS as FIELD_LABELS } from './record-field-labels.ts';

/** The parts of the record that differ between two versions. */
function changedParts(before: PatientVersion['record'], after: PatientVersion['record']): string[] {
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  return Object.keys(FIELD_LABELS)
    .filter((k) => JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null))
    .map((k) => FIELD_LABELS[k] ?? k);
}

/** The "History" tab. */
export function HistoryPanel({ patientId }: { patientId: string }) {
  const history = useApiData<{ versions: PatientVersion[] }>(`/patients/${patientId}/versions`);
  if (history.loading) return <p role="status">Loading the history…</p>;
  if (history.error) return <Notice kind="error">{history.error.detail ?? history.error.title}</Notice>;
  const versions = [...(history.data?.versions ?? [])].sort((x, y) => x.version - y.version);
  const rows = versions.map((v, i) => {
    const previous = versions[i - 1];
    return { ...v, changed: previous ? changedParts(previous.record, v.record) : [] };
  });
  return (
    <>
      <h2>History</h2>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Why</th>
            <th scope="col">What changed</th>
          </tr>
        </thead>
        <tbody>
          {rows.reverse().map((v) => (
            <tr key={v.version}>
              <td>{v.version}</td>
              <td className="nowrap">{formatDateTime(v.recordedAt)}</td>
              <td>{v.recordedBy.displayName}</td>
              <td>{v.reason ?? (v.version === 1 ? 'Registered' : '—')}</td>
              <td>{v.version === 1 ? 'First version' : v.changed.join(', ') || 'No change to content'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
