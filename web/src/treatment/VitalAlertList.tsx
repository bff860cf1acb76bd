// VitalAlertList: the alerts one reading raised, announced at once: urgent ones in red, each with threshold and source.
import type { VitalAlert } from './treatment-types.ts';

const SYMBOL: Readonly<Record<string, string>> = { '>': '>', '>=': '≥', '<': '<', '<=': '≤' };

/** "Threshold ≥ 180", or null for an alert that crosses no threshold (an incomplete reading). */
export function thresholdText(a: VitalAlert): string | null {
  if (a.threshold === null || a.comparator === null) return null;
  return `Threshold ${SYMBOL[a.comparator] ?? a.comparator} ${a.threshold}`;
}

/** role="alert": the reading's alerts, most urgent first (the server's order). */
export function VitalAlertList({ alerts }: { alerts: readonly VitalAlert[] }) {
  const urgent = alerts.some((a) => a.severity === 'urgent');
  return (
    <div role="alert" className={`vital-alerts${urgent ? ' vital-alerts-urgent' : ''}`}>
      <p className="vital-alerts-title">
        {alerts.length === 1
          ? 'This reading raised an alert:'
          : `This reading raised ${alerts.length} alerts:`}
      </p>
      <ul className="vital-alert-list">
        {alerts.map((a) => (
          <li key={a.code} className={`vital-alert vital-alert-${a.severity}`}>
            <span className="vital-alert-severity">{a.severity === 'urgent' ? 'Urgent' : 'Warning'}:</span>{' '}
            {a.text}
            {thresholdText(a) ? <span className="vital-alert-threshold"> ({thresholdText(a)})</span> : null}
            <small className="rule-source">Source: {a.source}</small>
          </li>
        ))}
      </ul>
    </div>
  );
}
