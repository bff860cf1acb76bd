// Chart records the demo writes as the patient, questionnaire, appointment and therapy-session routes do: each
// record with its chart line and audit entry, and the safety alerts and tasks the product's rules raise.
import { formatNhsNumber } from '../../domain/patient/nhs-number.ts';
import {
  canChangeStatus,
  missedNeedsFollowUp,
  type AppointmentStatus,
} from '../../domain/appointments/status.ts';
import { getInstrument } from '../../domain/instruments/registry.ts';
import { scoreAnswers } from '../../domain/instruments/engine.ts';
import { alertTaskRouting, responseAlerts } from '../../domain/instruments/safety-alerts.ts';
import type { CreatePatient } from '../../schemas/patient.ts';
import { insertAlert, insertTask } from '../../store/alerts.ts';
import { addAppointmentEvent, insertAppointment } from '../../store/appointments.ts';
import type { Queryable } from '../../store/db.ts';
import {
  contentOf,
  correctPatient,
  findPatient,
  insertPatient,
  recordContent,
} from '../../store/patients.ts';
import { insertResponse } from '../../store/responses.ts';
import { insertTherapySession } from '../../store/shared-care.ts';
import type { DemoInstrument } from './answers.ts';
import { recordDemoChange } from './record.ts';

/** "2026-03-02 14:05" (UTC), as the appointment routes write it. */
const when = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ');

export async function registerPatient(
  tx: Queryable,
  p: { serviceId: string; patient: Omit<CreatePatient, 'serviceId'>; by: string; at: Date },
): Promise<string> {
  const record = await insertPatient(tx, p.serviceId, contentOf(p.patient), p.by, p.at);
  const nhs = (p.patient.identifiers ?? []).find((i) => i.system === 'nhs');
  await recordDemoChange(tx, {
    action: 'patient.create',
    resource: { type: 'Patient', id: record.id },
    patientId: record.id,
    timeline: {
      kind: 'patient-registered',
      summary: `Registered${nhs ? ` (NHS ${formatNhsNumber(nhs.value)})` : ''}`,
      ref: { type: 'PatientVersion', id: '1' },
    },
    actorId: p.by,
    now: p.at,
  });
  return record.id;
}

/** A new weight on the chart (a new version of the record), as a correction through the patient route. */
export async function reweigh(
  tx: Queryable,
  p: { patientId: string; kg: number; measuredOn: string; by: string; at: Date },
): Promise<number> {
  const current = await findPatient(tx, p.patientId);
  if (!current) throw new Error('demo patient vanished');
  const next = contentOf(
    { ...recordContent(current), weight: { kg: p.kg, measuredOn: p.measuredOn } },
    current.allergyStatusRecorded,
  );
  const record = await correctPatient(
    tx,
    p.patientId,
    current.version + 1,
    next,
    p.by,
    p.at,
    'Weighed before dosing',
  );
  await recordDemoChange(tx, {
    action: 'patient.update',
    resource: { type: 'Patient', id: p.patientId },
    patientId: p.patientId,
    timeline: {
      kind: 'patient-corrected',
      summary: `Record corrected (version ${record.version}): weight`,
      ref: { type: 'PatientVersion', id: String(record.version) },
    },
    details: { fields: ['weight'] },
    actorId: p.by,
    now: p.at,
  });
  return record.version;
}

/** A scored questionnaire response; flags (PHQ-9 item 9, a urinary symptom) raise an alert and a task. */
export async function recordQuestionnaire(
  tx: Queryable,
  r: {
    patientId: string;
    serviceId: string;
    instrument: DemoInstrument;
    answers: Record<string, number>;
    completedAt: Date;
    by: string;
  },
): Promise<string> {
  const def = getInstrument(r.instrument);
  if (!def) throw new Error(`no instrument ${r.instrument}`);
  const scored = scoreAnswers(def, r.answers);
  if (!scored.ok) throw new Error(`demo answers refused: ${JSON.stringify(scored.problems)}`);
  const result = scored.value;
  const now = r.completedAt;
  const id = await insertResponse(tx, {
    patientId: r.patientId,
    result,
    answers: r.answers,
    completedAt: r.completedAt,
    source: 'clinician',
    recordedAt: now,
    recordedBy: r.by,
  });
  const band = result.band ? ` (${result.band.label})` : '';
  const score = result.total === null ? result.completeness : `score ${result.total}${band}`;
  await recordDemoChange(tx, {
    action: 'response.create',
    resource: { type: 'QuestionnaireResponse', id },
    patientId: r.patientId,
    timeline: {
      kind: 'questionnaire',
      summary: `${def.shortTitle} recorded: ${score}`,
      occurredAt: r.completedAt,
    },
    details: { instrument: def.id, source: 'clinician' },
    actorId: r.by,
    now,
  });
  const routing = alertTaskRouting({
    instrumentTitle: def.shortTitle,
    source: 'clinician',
    recordedBy: r.by,
  });
  for (const alert of responseAlerts(result, def.shortTitle)) {
    const alertId = await insertAlert(tx, {
      patientId: r.patientId,
      code: alert.code,
      severity: alert.severity,
      text: alert.text,
      sourceType: 'QuestionnaireResponse',
      sourceId: id,
      at: now,
    });
    const taskId = await insertTask(tx, {
      patientId: r.patientId,
      serviceId: r.serviceId,
      assignedTo: routing.assignedTo,
      title: alert.taskTitle,
      detail: routing.detail,
      priority: alert.taskPriority,
      sourceType: 'Alert',
      sourceId: alertId,
      at: now,
    });
    await recordDemoChange(tx, {
      action: 'alert.raise',
      resource: { type: 'Alert', id: alertId },
      patientId: r.patientId,
      timeline: { kind: 'safety-alert', summary: alert.text, byRules: true },
      details: { code: alert.code, taskId },
      actorId: r.by,
      now,
    });
  }
  return id;
}

export interface DemoAppointment {
  id: string;
  patientId: string;
  serviceId: string;
  practitionerId: string;
  startsAt: Date;
  status: AppointmentStatus;
}

export async function bookAppointment(
  tx: Queryable,
  a: Omit<DemoAppointment, 'id' | 'status'> & { contactType: 'face-to-face' | 'phone' | 'video'; at: Date },
): Promise<DemoAppointment> {
  const id = await insertAppointment(tx, {
    patientId: a.patientId,
    serviceId: a.serviceId,
    practitionerId: a.practitionerId,
    contactType: a.contactType,
    durationMinutes: a.contactType === 'face-to-face' ? 45 : 30,
    note: null,
    startsAt: a.startsAt,
    at: a.at,
    by: a.practitionerId,
  });
  await recordDemoChange(tx, {
    action: 'appointment.create',
    resource: { type: 'Appointment', id },
    patientId: a.patientId,
    timeline: {
      kind: 'appointment',
      summary: `Appointment booked for ${when(a.startsAt)} (${a.contactType})`,
    },
    actorId: a.practitionerId,
    now: a.at,
  });
  return {
    id,
    patientId: a.patientId,
    serviceId: a.serviceId,
    practitionerId: a.practitionerId,
    startsAt: a.startsAt,
    status: 'booked',
  };
}

/** Attended, did not attend or cancelled; a missed appointment at level 3–4 raises a follow-up task. */
export async function appointmentOutcome(
  tx: Queryable,
  appt: DemoAppointment,
  to: Exclude<AppointmentStatus, 'booked' | 'rescheduled'>,
  level: number | null,
  reason: string | null,
  at: Date,
): Promise<void> {
  if (!canChangeStatus(appt.status, to)) throw new Error(`demo appointment cannot go ${appt.status} → ${to}`);
  await addAppointmentEvent(tx, {
    appointmentId: appt.id,
    status: to,
    startsAt: appt.startsAt,
    reason,
    at,
    by: appt.practitionerId,
  });
  if (missedNeedsFollowUp(to, level)) {
    await insertTask(tx, {
      patientId: appt.patientId,
      serviceId: appt.serviceId,
      assignedTo: appt.practitionerId,
      title: `Follow up missed appointment (level ${level ?? ''})`,
      detail: `Did not attend on ${when(appt.startsAt)}. Contact the person and review risk.`,
      priority: 'high',
      sourceType: 'Appointment',
      sourceId: appt.id,
      at,
    });
  }
  await recordDemoChange(tx, {
    action: 'appointment.update',
    resource: { type: 'Appointment', id: appt.id },
    patientId: appt.patientId,
    timeline: { kind: 'appointment', summary: `Appointment of ${when(appt.startsAt)}: ${to}` },
    details: { status: to },
    actorId: appt.practitionerId,
    now: at,
  });
  appt.status = to;
}

export async function recordTherapySession(
  tx: Queryable,
  t: {
    patientId: string;
    kind: 'preparation' | 'integration';
    dosingSessionId: string | null;
    heldAt: Date;
    minutes: number;
    notes: string;
    by: string;
  },
): Promise<void> {
  const recordedAt = new Date(t.heldAt.getTime() + t.minutes * 60_000);
  const id = await insertTherapySession(tx, {
    patientId: t.patientId,
    kind: t.kind,
    dosingSessionId: t.dosingSessionId,
    heldAt: t.heldAt,
    durationMinutes: t.minutes,
    notes: t.notes,
    recordedAt,
    recordedBy: t.by,
  });
  await recordDemoChange(tx, {
    action: 'therapy-session.create',
    resource: { type: 'TherapySession', id },
    patientId: t.patientId,
    timeline: {
      kind: 'therapy-session',
      summary: `${t.kind === 'preparation' ? 'Preparation' : 'Integration'} session (${t.minutes} min)`,
      occurredAt: t.heldAt,
    },
    actorId: t.by,
    now: recordedAt,
  });
}
