// Replies of the alert and task routes: a patient's alerts, the clinicians' task list, acknowledging and completing.
import { z } from 'zod';
import { instant, orNull } from './common.ts';

/** Who closed an alert or a task (display name), when, and their note. */
const closing = z.object({ by: z.string(), at: instant, note: orNull(z.string()) });

export const alertReply = z.object({
  id: z.string(),
  patientId: z.string(),
  code: z.string(),
  severity: z.string().describe('"urgent", "warning" or "info"'),
  text: z.string(),
  sourceType: z.string(),
  sourceId: z.string(),
  createdAt: instant,
  acknowledged: orNull(closing),
});
export type Alert = z.output<typeof alertReply>;

/** GET /patients/:id/alerts: open alerts first, newest first. */
export const patientAlertsReply = z.object({ alerts: z.array(alertReply) });

/** POST /alerts/:id/acknowledge. */
export const acknowledgedReply = z.object({ acknowledged: z.literal(true) });

export const taskReply = z.object({
  id: z.string(),
  patientId: z.string(),
  patientName: z.string().describe('"FAMILY, Given" from the current version of the record'),
  serviceId: z.string(),
  assignedTo: orNull(z.object({ id: z.string(), displayName: z.string() })),
  title: z.string(),
  detail: z.string(),
  priority: z.string().describe('"urgent", "high" or "normal"'),
  sourceType: z.string(),
  sourceId: z.string(),
  createdAt: instant,
  completed: orNull(closing),
});
export type Task = z.output<typeof taskReply>;

/** GET /tasks: open tasks (most pressing first), then those completed in the last week. */
export const tasksReply = z.object({ tasks: z.array(taskReply) });

/** POST /tasks/:id/complete. */
export const completedReply = z.object({ completed: z.literal(true) });
