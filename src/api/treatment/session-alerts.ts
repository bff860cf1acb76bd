// Urgent vital-sign alerts leave the session panel: chart alert, tasks for the prescriber and the queue, timeline.
import type { FastifyRequest } from 'fastify';
import {
  sessionAlertCode,
  suggestedAction,
  type DoseDelivery,
  type SuggestedAction,
} from '../../domain/treatment/alert-actions.ts';
import type { Protocol, VitalAlert } from '../../domain/treatment/index.ts';
import { findOpenAlert, insertAlert, insertTask } from '../../store/alerts.ts';
import type { Queryable } from '../../store/db.ts';
import { latestEligibility, urgentReadingCount, type SessionRow } from '../../store/treatment.ts';
import { recordChange } from '../record-change.ts';

/** What one urgent alert of a reading led to: a new chart alert with tasks, or a count on the open one. */
export interface RaisedSessionAlert {
  code: VitalAlert['code'];
  alertId: string;
  /** False when an open alert for this session and code already existed: this reading is counted on it. */
  newAlert: boolean;
  /** Readings in this session with this urgent alert, this one included. */
  readings: number;
  taskIds: string[];
  suggestedAction: SuggestedAction;
}

export interface SessionAlertOutcome {
  raised: RaisedSessionAlert[];
  /** The protocol's suggested response to every alert of the reading, most urgent first. */
  suggestedActions: SuggestedAction[];
}

const SOURCE_TYPE = 'TreatmentSession';

/**
 * In the reading's transaction: each urgent alert raises (once per session and code while unacknowledged) a chart
 * alert, a task for the session's prescriber (eligibility signer, else the session's starter), a task in the
 * service queue and a timeline entry, all audited. Warnings stay in the session panel.
 */
export async function raiseSessionAlerts(
  tx: Queryable,
  req: FastifyRequest,
  r: { session: SessionRow; protocol: Protocol; alerts: readonly VitalAlert[]; takenAt: Date; now: Date },
): Promise<SessionAlertOutcome> {
  const delivery: DoseDelivery = r.protocol.duration === null ? 'single-dose' : 'infusion';
  const suggestedActions = r.alerts.map((a) => suggestedAction(a, delivery));
  const raised: RaisedSessionAlert[] = [];
  const urgent = r.alerts.filter((a) => a.severity === 'urgent');
  if (urgent.length === 0) return { raised, suggestedActions };
  const eligibility = await latestEligibility(tx, r.session.patient_id, r.protocol.route);
  const prescriberId = eligibility?.signed_by ?? r.session.created_by;
  for (const alert of urgent) {
    const action = suggestedAction(alert, delivery);
    const code = sessionAlertCode(alert.code);
    const key = { patientId: r.session.patient_id, code, sourceType: SOURCE_TYPE, sourceId: r.session.id };
    const readings = await urgentReadingCount(tx, r.session.id, alert.code);
    const open = await findOpenAlert(tx, key);
    if (open) {
      raised.push({
        code: alert.code,
        alertId: open.id,
        newAlert: false,
        readings,
        taskIds: [],
        suggestedAction: action,
      });
      continue;
    }
    const text = `Urgent during a dosing session: ${alert.text} Suggested: ${action.text}`;
    const alertId = await insertAlert(tx, { ...key, severity: 'urgent', text, at: r.now });
    const task = {
      patientId: r.session.patient_id,
      serviceId: r.session.service_id,
      title: 'Review urgent vital signs in a dosing session',
      detail: `${alert.text} Suggested: ${action.text} Record what was done.`,
      priority: 'urgent' as const,
      sourceType: 'Alert',
      sourceId: alertId,
      at: r.now,
    };
    const taskIds = [
      await insertTask(tx, { ...task, assignedTo: prescriberId }),
      await insertTask(tx, { ...task, assignedTo: null }),
    ];
    await recordChange(req, tx, {
      action: 'alert.raise',
      resource: { type: 'Alert', id: alertId },
      patientId: r.session.patient_id,
      timeline: { kind: 'safety-alert', summary: text, occurredAt: r.takenAt, byRules: true },
      details: { code, sessionId: r.session.id, taskIds },
      now: r.now,
    });
    raised.push({ code: alert.code, alertId, newAlert: true, readings, taskIds, suggestedAction: action });
  }
  return { raised, suggestedActions };
}
