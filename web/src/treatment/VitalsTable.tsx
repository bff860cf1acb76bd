// VitalsTable: the flowsheet of readings in time order, the baseline marked, each reading's alerts beside it.
import { formatTime } from '../ui/format.ts';
import type { VitalsData } from './treatment-types.ts';

interface VitalsTableProps {
  readings: readonly { id: number; at: string; data: VitalsData }[];
}

/** Time, BP, HR, SpO2, RR and Alerts; a row with an urgent alert is shaded. */
export function VitalsTable({ readings }: VitalsTableProps) {
  return (
    <div className="table-wrap">
      <table className="data-table compact vitals-table">
        <caption>Vitals</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">BP</th>
            <th scope="col">HR</th>
            <th scope="col">SpO2</th>
            <th scope="col">RR</th>
            <th scope="col">Alerts</th>
          </tr>
        </thead>
        <tbody>
          {readings.map(({ id, at, data }) => {
            const urgent = data.alerts.some((a) => a.severity === 'urgent');
            return (
              <tr
                key={id}
                className={urgent ? 'row-severe' : data.alerts.length > 0 ? 'row-flagged' : undefined}
              >
                <td className="nowrap">
                  <time dateTime={at}>{formatTime(at)}</time>
                  {data.baseline ? <span className="muted"> (baseline)</span> : null}
                </td>
                <td className="nowrap">
                  {data.systolic}/{data.diastolic}
                </td>
                <td>{data.heartRate}</td>
                <td>{data.spo2}%</td>
                <td>{data.respiratoryRate ?? '—'}</td>
                <td>
                  {data.alerts.length === 0
                    ? '—'
                    : data.alerts.map((a) => (
                        <span key={a.code} className={`vital-alert-inline vital-alert-${a.severity}`}>
                          {a.text}
                        </span>
                      ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
