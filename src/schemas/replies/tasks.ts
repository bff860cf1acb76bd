// Replies of the alert and task routes: a patient's alerts, the clinicians' task list, acknowledging and completing.
import { z } from 'zod';
import { confirmedReply, instant, orNull } from './common.ts';

/** Who closed an alert or a task (display name), when, and their note. */
const closing = z.object({ by: z.string(), at: instant, note: orNull(z.string()) });

/** What raised an alert or a task (the kind and id of the record behind it), and when. */
const raised = { sourceType: z.string(), sourceId: z.string(), createdAt: instant };

export const alertReply = z.object({
  id: z.string(),
  patientId: z.string(),
  code: z.string(),
  severity: z.string().describe('"urgent", "warning" or "info"'),
  text: z.string(),
  ...raised,
  acknowledged: orNull(closing),
});
export type Alert = z.output<typeof alertReply>;

/** GET /patients/:id/alerts: open alerts first, newest first. */
export const patientAlertsReply = z.object({ alerts: z.array(alertReply) });

/** POST /alerts/:id/acknowledge. */
export const acknowledgedReply = confirmedReply('acknowledged');

export const taskReply = z.object({
  id: z.string(),
  patientId: z.string(),
  patientName: z.string().describe('"FAMILY, Given" from the current version of the record'),
  serviceId: z.string(),
  assignedTo: orNull(z.object({ id: z.string(), displayName: z.string() })),
  title: z.string(),
  detail: z.string(),
  priority: z.string().describe('"urgent", "high" or "normal"'),
  ...raised,
  completed: orNull(closing),
});
export type Task = z.output<typeof taskReply>;

/** GET /tasks: open tasks (most pressing first), then those completed in the last week. */
export const tasksReply = z.object({ tasks: z.array(taskReply) });

/** POST /tasks/:id/complete. */
export const completedReply = confirmedReply('completed');
