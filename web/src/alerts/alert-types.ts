// Chart alert shapes, taken from the server's reply schemas.
import type { z } from 'zod';
import type { alertReply, patientAlertsReply } from '../../../src/schemas/replies/tasks.ts';

/** One alert on a patient's chart. */
export type Alert = z.output<typeof alertReply>;

/** GET /patients/:id/alerts. */
export type PatientAlertList = z.output<typeof patientAlertsReply>;
