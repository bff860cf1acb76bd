// Alerts on a patient and tasks for clinicians, raised by rules (e.g. questionnaire safety flags).
import type { Alert, Task } from '../schemas/replies/tasks.ts';
import { insertReturningId, type Queryable } from './db.ts';

export interface NewAlert {
  patientId: string;
  code: string;
  severity: string;
  text: string;
  sourceType: string;
  sourceId: string;
  at: Date;
}

export function insertAlert(tx: Queryable, a: NewAlert): Promise<string> {
  return insertReturningId(
    tx,
    `INSERT INTO alerts (patient_id, code, severity, text, source_type, source_id, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
    [a.patientId, a.code, a.severity, a.text, a.sourceType, a.sourceId, a.at],
  );
}

/** An alert as the chart shows it (the reply shape of GET /patients/:id/alerts). */
export type AlertView = Alert;

export async function listAlerts(db: Queryable, patientId: string): Promise<AlertView[]> {
  const rows = await db.query<{
    id: string;
    patient_id: string;
    code: string;
    severity: string;
    text: string;
    source_type: string;
    source_id: string;
    created_at: Date;
    acknowledged_at: Date | null;
    ack_name: string | null;
    note: string | null;
  }>(
    `SELECT a.*, k.acknowledged_at, u.display_name AS ack_name, k.note FROM alerts a
     LEFT JOIN alert_acknowledgements k ON k.alert_id = a.id LEFT JOIN users u ON u.id = k.acknowledged_by
     WHERE a.patient_id = $1 ORDER BY (k.acknowledged_at IS NULL) DESC, a.created_at DESC`,
    [patientId],
  );
  return rows.map((r) => ({
    id: r.id,
    patientId: r.patient_id,
    code: r.code,
    severity: r.severity,
    text: r.text,
    sourceType: r.source_type,
    sourceId: r.source_id,
    createdAt: r.created_at.toISOString(),
    acknowledged: r.acknowledged_at
      ? { by: r.ack_name ?? '', at: r.acknowledged_at.toISOString(), note: r.note }
      : null,
  }));
}

export async function findAlertPatient(db: Queryable, alertId: string): Promise<string | undefined> {
  const rows = await db.query<{ patient_id: string }>('SELECT patient_id FROM alerts WHERE id = $1', [
    alertId,
  ]);
  return rows[0]?.patient_id;
}

/** What closes an alert or a task: who, when, and an optional note. */
export interface Closing {
  by: string;
  at: Date;
  note: string | null;
}

/** Writes a closing row unless one exists (one per alert or task: the table's key); true when it was written. */
async function closeOnce(tx: Queryable, sql: string, id: string, c: Closing): Promise<boolean> {
  return (await tx.query(sql, [id, c.by, c.at, c.note])).length === 1;
}

const ACKNOWLEDGE = `INSERT INTO alert_acknowledgements (alert_id, acknowledged_by, acknowledged_at, note)
  VALUES ($1,$2,$3,$4) ON CONFLICT (alert_id) DO NOTHING RETURNING alert_id`;

/** Records that a clinician acknowledged an alert; false when it already was. */
export const acknowledgeAlert = (tx: Queryable, alertId: string, c: Closing) =>
  closeOnce(tx, ACKNOWLEDGE, alertId, c);

export interface NewTask {
  patientId: string;
  serviceId: string;
  assignedTo: string | null;
  title: string;
  detail: string;
  priority: 'urgent' | 'high' | 'normal';
  sourceType: string;
  sourceId: string;
  at: Date;
}

export function insertTask(tx: Queryable, t: NewTask): Promise<string> {
  return insertReturningId(
    tx,
    `INSERT INTO tasks (patient_id, service_id, assigned_to, title, detail, priority, source_type, source_id, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
    [t.patientId, t.serviceId, t.assignedTo, t.title, t.detail, t.priority, t.sourceType, t.sourceId, t.at],
  );
}

/** A task as the task list shows it, with the patient's name (the reply shape of GET /tasks). */
export type TaskView = Task;

/** Open tasks (and those completed in the last week) for a user, or for their services' shared queue. */
export async function listTasks(
  db: Queryable,
  filter: { assignedTo?: string; serviceIds?: string[]; patientId?: string },
): Promise<TaskView[]> {
  const rows = await db.query<{
    id: string;
    patient_id: string;
    service_id: string;
    assigned_to: string | null;
    assignee: string | null;
    given_name: string;
    family_name: string;
    title: string;
    detail: string;
    priority: string;
    source_type: string;
    source_id: string;
    created_at: Date;
    completed_at: Date | null;
    completer: string | null;
    note: string | null;
  }>(
    `SELECT t.*, a.display_name AS assignee, v.given_name, v.family_name, c.completed_at,
            cu.display_name AS completer, c.note
     FROM tasks t JOIN patients p ON p.id = t.patient_id
     JOIN patient_versions v ON v.patient_id = p.id AND v.version = p.current_version
     LEFT JOIN users a ON a.id = t.assigned_to
     LEFT JOIN task_completions c ON c.task_id = t.id LEFT JOIN users cu ON cu.id = c.completed_by
     WHERE ($1::uuid IS NULL OR t.assigned_to = $1)
       AND ($2::uuid[] IS NULL OR t.service_id = ANY($2::uuid[]))
       AND ($3::uuid IS NULL OR t.patient_id = $3)
       AND (c.completed_at IS NULL OR c.completed_at > now() - interval '7 days')
     ORDER BY (c.completed_at IS NULL) DESC, CASE t.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 ELSE 2 END, t.created_at`,
    [filter.assignedTo ?? null, filter.serviceIds ?? null, filter.patientId ?? null],
  );
  return rows.map((r) => ({
    id: r.id,
    patientId: r.patient_id,
    patientName: `${r.family_name.toUpperCase()}, ${r.given_name}`,
    serviceId: r.service_id,
    assignedTo: r.assigned_to ? { id: r.assigned_to, displayName: r.assignee ?? '' } : null,
    title: r.title,
    detail: r.detail,
    priority: r.priority,
    sourceType: r.source_type,
    sourceId: r.source_id,
    createdAt: r.created_at.toISOString(),
    completed: r.completed_at
      ? { by: r.completer ?? '', at: r.completed_at.toISOString(), note: r.note }
      : null,
  }));
}

export async function findTask(db: Queryable, id: string): Promise<{ patient_id: string } | undefined> {
  const rows = await db.query<{ patient_id: string }>('SELECT patient_id FROM tasks WHERE id = $1', [id]);
  return rows[0];
}

const COMPLETE = `INSERT INTO task_completions (task_id, completed_by, completed_at, note)
  VALUES ($1,$2,$3,$4) ON CONFLICT (task_id) DO NOTHING RETURNING task_id`;

/** Records that a task was done; false when it already was. */
export const completeTask = (tx: Queryable, taskId: string, c: Closing) => closeOnce(tx, COMPLETE, taskId, c);

/** The newest unacknowledged alert with this code raised by one source (e.g. one dosing session), if any. */
export async function findOpenAlert(
  db: Queryable,
  q: { patientId: string; code: string; sourceType: string; sourceId: string },
): Promise<{ id: string; created_at: Date } | undefined> {
  const rows = await db.query<{ id: string; created_at: Date }>(
    `SELECT a.id, a.created_at FROM alerts a LEFT JOIN alert_acknowledgements k ON k.alert_id = a.id
     WHERE a.patient_id = $1 AND a.code = $2 AND a.source_type = $3 AND a.source_id = $4 AND k.alert_id IS NULL
     ORDER BY a.created_at DESC LIMIT 1`,
    [q.patientId, q.code, q.sourceType, q.sourceId],
  );
  return rows[0];
}
