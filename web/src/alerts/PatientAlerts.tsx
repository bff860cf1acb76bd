// PatientAlerts: safety alerts under the patient banner; open ones stand out until a clinician acknowledges them.
import type { Alert } from './alert-types.ts';
import { formatDateTime } from '../ui/format.ts';
import { NoteActionForm } from '../ui/NoteActionForm.tsx';

interface PatientAlertsProps {
  alerts: readonly Alert[];
  canAcknowledge: boolean;
  onChanged: () => void;
}

const SEVERITY_LABELS: Record<string, string> = { urgent: 'Urgent', warning: 'Warning', info: 'Information' };

/** Open alerts as a role="alert" list, acknowledged ones folded into "Earlier alerts". */
export function PatientAlerts({ alerts, canAcknowledge, onChanged }: PatientAlertsProps) {
  const open = alerts.filter((a) => a.acknowledged === null);
  const earlier = alerts.filter((a) => a.acknowledged !== null);
  if (alerts.length === 0) return null;
  return (
    <section className="patient-alerts" aria-label="Alerts">
      <div role="alert">
        {open.length > 0 ? (
          <ul className="alert-list">
            {open.map((a) => (
              <li key={a.id} className={`alert-item alert-${a.severity}`}>
                <p className="alert-text">
                  <span className="alert-severity">{SEVERITY_LABELS[a.severity] ?? a.severity}:</span>{' '}
                  {a.text}
                </p>
                <p className="alert-meta">Raised {formatDateTime(a.createdAt)}</p>
                {canAcknowledge ? (
                  <NoteActionForm
                    path={`/alerts/${encodeURIComponent(a.id)}/acknowledge`}
                    button="Acknowledge"
                    label={`Acknowledge alert: ${a.text}`}
                    onDone={onChanged}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {earlier.length > 0 ? (
        <details className="earlier-alerts">
          <summary>Earlier alerts ({earlier.length})</summary>
          <ul className="plain-list">
            {earlier.map((a) => (
              <li key={a.id}>
                <span className="alert-severity">{SEVERITY_LABELS[a.severity] ?? a.severity}:</span> {a.text}{' '}
                <span className="muted">
                  Raised {formatDateTime(a.createdAt)}; acknowledged by {a.acknowledged?.by} on{' '}
                  {formatDateTime(a.acknowledged?.at)}
                  {a.acknowledged?.note ? ` — “${a.acknowledged.note}”` : ''}
                </span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
