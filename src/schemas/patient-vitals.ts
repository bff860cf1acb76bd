// Vital signs recorded on a patient's chart outside a dosing session (a clinic reading, or one received from another
// system). The same ranges as a session's readings; blood pressure is both values or neither.
import { z } from 'zod';
import { vitalsSchema } from './treatment.ts';
import { shortText } from './common.ts';

const { takenAt, systolic, diastolic, heartRate, spo2, respiratoryRate } = vitalsSchema.shape;

export const recordVitalsSchema = z
  .object({
    takenAt,
    systolic: systolic.optional(),
    diastolic: diastolic.optional(),
    heartRate: heartRate.optional(),
    spo2: spo2.optional(),
    respiratoryRate,
    source: z
      .object({ system: shortText(200), value: shortText(200) })
      .strict()
      .optional()
      .describe('The identifier the sending system gave the reading: the same source is recorded once'),
  })
  .strict()
  .refine((v) => (v.systolic === undefined) === (v.diastolic === undefined), {
    message: 'Blood pressure needs both systolic and diastolic',
    path: ['diastolic'],
  })
  .refine(
    (v) => [v.systolic, v.heartRate, v.spo2, v.respiratoryRate].some((x) => x !== undefined),
    'Record at least one vital sign',
  );
export type RecordVitals = z.output<typeof recordVitalsSchema>;
