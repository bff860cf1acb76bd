// VitalAlertList: the alerts one reading raised, announced at once: urgent ones in red, each with threshold,
// the protocol's suggested action, where an urgent alert was sent, and the source as a reference.
import { readerReference } from '../../../src/domain/core/source-text.ts';
import type { SessionAlertOutcome, VitalAlert } from './treatment-types.ts';

const SYMBOL: Readonly<Record<string, string>> = { '>': '>', '>=': '≥', '<': '<', '<=': '≤' };

/** "Threshold ≥ 180", or null for an alert that crosses no threshold (an incomplete reading). */
export function thresholdText(a: VitalAlert): string | null {
  if (a.threshold === null || a.comparator === null) return null;
  return `Threshold ${SYMBOL[a.comparator] ?? a.comparator} ${a.threshold}`;
}

/** Where an urgent alert went: new alerts reach the chart, the prescriber and the queue; repeats are counted. */
export function escalationText(r: SessionAlertOutcome['raised'][number]): string {
  return r.newAlert
    ? 'Sent to the chart banner, the prescriber’s tasks and the service queue.'
    : `Already on the chart banner and with the prescriber (${r.readings} readings in this session).`;
}

interface VitalAlertListProps {
  alerts: readonly VitalAlert[];
  /** What the server did with the urgent alerts, and the suggested action per alert (absent on older servers). */
  escalation?: SessionAlertOutcome | null;
}

/** role="alert": the reading's alerts, most urgent first (the server's order). */
export function VitalAlertList({ alerts, escalation }: VitalAlertListProps) {
  const urgent = alerts.some((a) => a.severity === 'urgent');
  return (
    <div role="alert" className={`vital-alerts${urgent ? ' vital-alerts-urgent' : ''}`}>
      <p className="vital-alerts-title">
        {alerts.length === 1
          ? 'This reading raised an alert:'
          : `This reading raised ${alerts.length} alerts:`}
      </p>
      <ul className="vital-alert-list">
        {alerts.map((a) => {
          const action = escalation?.suggestedActions.find((s) => s.alertCode === a.code);
          const raised = escalation?.raised.find((r) => r.code === a.code);
          return (
            <li key={a.code} className={`vital-alert vital-alert-${a.severity}`}>
              <span className="vital-alert-severity">{a.severity === 'urgent' ? 'Urgent' : 'Warning'}:</span>{' '}
              {a.text}
              {thresholdText(a) ? <span className="vital-alert-threshold"> ({thresholdText(a)})</span> : null}
              {action && a.severity === 'urgent' ? (
                <strong className="vital-alert-action"> Suggested: {action.text}</strong>
              ) : null}
              {raised ? <span className="vital-alert-sent"> {escalationText(raised)}</span> : null}
              <small className="rule-source">Source: {readerReference(a.source)}</small>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
