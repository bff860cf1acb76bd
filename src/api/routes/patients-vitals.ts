// Vital signs on a patient's chart outside a dosing session: a clinic reading, or one received from another system
// (the FHIR API's create and Bundle import record through `recordPatientVitals`). A reading the sending system
// already sent (the same source identifier) is found, not recorded twice.
import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../../store/db.ts';
import { recordVitalsSchema, type RecordVitals } from '../../schemas/patient-vitals.ts';
import { createdReply } from '../../schemas/replies/common.ts';
import { patientVitalsReply } from '../../schemas/replies/patients.ts';
import {
  findPatientVitalsBySource,
  findSameReading,
  insertPatientVitals,
  listPatientVitals,
} from '../../store/patient-vitals.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { patientAccess, patientRead, type PatientAccess } from '../patient-access.ts';
import { recordChange } from '../record-change.ts';
import { chartRead, chartWrite } from '../route.ts';

/** How a reading reads on the chart: `BP 120/80, HR 72, SpO2 98%, RR 14`. */
export function describeVitals(v: RecordVitals): string {
  return [
    v.systolic !== undefined && v.diastolic !== undefined ? `BP ${v.systolic}/${v.diastolic}` : undefined,
    v.heartRate !== undefined ? `HR ${v.heartRate}` : undefined,
    v.spo2 !== undefined ? `SpO2 ${v.spo2}%` : undefined,
    v.respiratoryRate !== undefined ? `RR ${v.respiratoryRate}` : undefined,
  ]
    .filter((x) => x !== undefined)
    .join(', ');
}

/**
 * Records a reading in the caller's transaction, with its chart line and audit entry; a reading the chart already
 * holds (by its source, or with no source by the same values at the same instant) is not recorded again. Gives the reading's id and whether it is new.
 */
export async function recordPatientVitals(
  tx: Queryable,
  req: FastifyRequest,
  access: PatientAccess,
  v: RecordVitals,
  now: Date,
): Promise<{ id: string; created: boolean }> {
  // The same source, or (with none) the same values at the same instant, is a reading sent again.
  const held = v.source
    ? await findPatientVitalsBySource(tx, access.patientId, v.source)
    : await findSameReading(tx, access.patientId, v);
  if (held) return { id: held.id, created: false };
  const id = await insertPatientVitals(tx, access.patientId, v, authOf(req).user.id, now);
  await recordChange(req, tx, {
    action: 'vitals.create',
    resource: { type: 'PatientVitals', id },
    patientId: access.patientId,
    timeline: {
      kind: 'vitals',
      summary: `Vital signs${v.source ? ' received' : ' recorded'}: ${describeVitals(v)}`,
      occurredAt: new Date(v.takenAt),
    },
    flagged: access.breakGlass,
    now,
  });
  return { id, created: true };
}

export function patientVitalsRoutes(api: ZodApp, ctx: AppContext): void {
  api.post(
    '/patients/:id/vitals',
    chartWrite({ body: recordVitalsSchema, 201: createdReply, 200: createdReply }),
    async (req, reply) => {
      const access = await patientAccess(ctx, req, req.params.id, 'vitals.create');
      const now = ctx.now();
      const saved = await ctx.db.transaction((tx) => recordPatientVitals(tx, req, access, req.body, now));
      return reply.status(saved.created ? 201 : 200).send({ id: saved.id });
    },
  );

  api.get('/patients/:id/vitals', chartRead({ 200: patientVitalsReply }), async (req) => {
    const access = await patientRead(ctx, req, req.params.id, 'vitals.list');
    const rows = await listPatientVitals(ctx.db, access.patientId);
    return {
      vitals: rows.map((r) => ({
        id: r.id,
        takenAt: r.taken_at.toISOString(),
        systolic: r.systolic,
        diastolic: r.diastolic,
        heartRate: r.heart_rate,
        spo2: r.spo2,
        respiratoryRate: r.respiratory_rate,
        source:
          r.source_system !== null && r.source_value !== null
            ? { system: r.source_system, value: r.source_value }
            : null,
        recordedAt: r.recorded_at.toISOString(),
      })),
    };
  });
}
