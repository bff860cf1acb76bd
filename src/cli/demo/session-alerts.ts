// Urgent vital-sign alerts of a demo dosing session leave the session panel as the vitals route makes them: once
// per session and code, a chart alert, a task for the prescriber and one in the service queue, and a chart line.
import { sessionAlertCode, suggestedAction } from '../../domain/treatment/alert-actions.ts';
import type { Protocol, VitalAlert } from '../../domain/treatment/index.ts';
import { insertAlert, insertTask } from '../../store/alerts.ts';
import type { Queryable } from '../../store/db.ts';
import { recordDemoChange } from './record.ts';

export async function raiseUrgentAlerts(
  tx: Queryable,
  r: {
    alerts: readonly VitalAlert[];
    /** Codes already raised in this session. */
    raised: Set<string>;
    protocol: Protocol;
    person: { patientId: string; serviceId: string };
    sessionId: string;
    prescriberId: string;
    by: string;
    at: Date;
  },
): Promise<void> {
  const { person, sessionId, at } = r;
  for (const alert of r.alerts.filter((a) => a.severity === 'urgent' && !r.raised.has(a.code))) {
    r.raised.add(alert.code);
    const action = suggestedAction(alert, r.protocol.duration === null ? 'single-dose' : 'infusion');
    const text = `Urgent during a dosing session: ${alert.text} Suggested: ${action.text}`;
    const key = {
      patientId: person.patientId,
      code: sessionAlertCode(alert.code),
      sourceType: 'TreatmentSession',
      sourceId: sessionId,
    };
    const alertId = await insertAlert(tx, { ...key, severity: 'urgent', text, at });
    const task = {
      patientId: person.patientId,
      serviceId: person.serviceId,
      title: 'Review urgent vital signs in a dosing session',
      detail: `${alert.text} Suggested: ${action.text} Record what was done.`,
      priority: 'urgent' as const,
      sourceType: 'Alert',
      sourceId: alertId,
      at,
    };
    const taskIds = [
      await insertTask(tx, { ...task, assignedTo: r.prescriberId }),
      await insertTask(tx, { ...task, assignedTo: null }),
    ];
    await recordDemoChange(tx, {
      action: 'alert.raise',
      resource: { type: 'Alert', id: alertId },
      patientId: person.patientId,
      timeline: { kind: 'safety-alert', summary: text, occurredAt: at, byRules: true },
      details: { code: key.code, sessionId, taskIds },
      actorId: r.by,
      now: at,
    });
  }
}
