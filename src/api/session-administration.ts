// The administration record of a dosing session: start (product, concentration, lot, expiry, dose), rate changes, stop.
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { administrationSchema } from '../schemas/treatment.ts';
import { addTimelineEvent } from '../store/timeline.ts';
import { addSessionEvent, sessionEvents, type SessionRow } from '../store/treatment.ts';
import { authOf, auditFrom, type AppContext } from './context.ts';
import type { PatientAccess } from './patient-access.ts';
import { ruleRefusal } from './problem.ts';

type Administration = z.infer<typeof administrationSchema>;

/** Records one administration event; start must come first and only once, stop after start. */
export async function recordAdministration(
  ctx: AppContext,
  req: FastifyRequest,
  session: SessionRow,
  access: PatientAccess,
  body: Administration,
): Promise<{ id: number; event: string; at: string }> {
  const auth = authOf(req);
  const now = ctx.now();
  const at = body.at ? new Date(body.at) : now;
  const events = await sessionEvents(ctx.db, session.id);
  const started = events.find((e) => e.kind === 'administration-start');
  const stopped = events.find((e) => e.kind === 'administration-stop');
  if (body.event === 'start' && started)
    throw ruleRefusal(
      'blocked',
      'administration-already-started',
      'Administration was already started in this session.',
    );
  if (body.event !== 'start' && !started)
    throw ruleRefusal('blocked', 'administration-not-started', 'Record the start of administration first.');
  if (stopped)
    throw ruleRefusal(
      'blocked',
      'administration-already-stopped',
      'Administration has already been stopped.',
    );
  if (started && at.getTime() < started.at.getTime()) {
    throw ruleRefusal(
      'out-of-bounds',
      'administration-time-invalid',
      'The time is before the start of administration.',
      undefined,
      [{ path: 'body.at', message: 'Before the start' }],
    );
  }
  const plannedDose = typeof session.dose.doseMg === 'number' ? session.dose.doseMg : null;
  const data = {
    product: body.product ?? null,
    concentrationMgPerMl: body.concentrationMgPerMl ?? null,
    lot: body.lot ?? null,
    expiry: body.expiry ?? null,
    doseMg: body.doseMg ?? (body.event === 'start' ? plannedDose : null),
    rateMgPerHour:
      body.rateMgPerHour ?? (body.event === 'start' ? (session.dose.rateMgPerHour ?? null) : null),
  };
  const kind = `administration-${body.event}`;
  const id = await ctx.db.transaction(async (tx) => {
    const eventId = await addSessionEvent(tx, {
      sessionId: session.id,
      kind,
      data,
      at,
      recordedAt: now,
      by: auth.user.id,
    });
    if (body.event !== 'rate-change') {
      await addTimelineEvent(tx, {
        patientId: session.patient_id,
        occurredAt: at,
        kind: 'treatment-session',
        summary:
          body.event === 'start'
            ? `Administration started${data.doseMg !== null ? ` (${String(data.doseMg)} mg)` : ''}`
            : 'Administration stopped',
        refType: 'TreatmentSession',
        refId: session.id,
        actorId: auth.user.id,
      });
    }
    await auditFrom(
      req,
      tx,
      {
        action: `treatment-session.${kind}`,
        resourceType: 'TreatmentSession',
        resourceId: session.id,
        patientId: session.patient_id,
        outcome: 'success',
        flagged: access.breakGlass,
      },
      now,
    );
    return eventId;
  });
  return { id, event: kind, at: at.toISOString() };
}
