// The administration record of a dosing session: start (product, concentration, lot, expiry, dose), rate changes,
// stop with the amount actually given. The rules are the domain's; this gathers their inputs and stores.
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { checkGivenDose, type PlannedDose } from '../domain/treatment/administration-dose.ts';
import { administrationStepRefusal } from '../domain/treatment/administration-state.ts';
import { stopAmount, type StopAmount } from '../domain/treatment/administration-stop.ts';
import { kilograms } from '../domain/treatment/index.ts';
import type { SessionStateRefusal } from '../domain/treatment/session-state.ts';
import type { administrationSchema } from '../schemas/treatment.ts';
import { findPatient } from '../store/patients.ts';
import { addSessionEvent, latestEligibility, sessionEvents, type SessionRow } from '../store/treatment.ts';
import { authOf, type AppContext } from './context.ts';
import { recordChange } from './record-change.ts';
import type { PatientAccess } from './patient-access.ts';
import { ruleRefusal } from './problem.ts';
import { sessionProtocol } from './session-vitals.ts';
import { drawSessionDose, refundUnusedDose, type WasteDue } from './session-stock.ts';
import { witnessSignatures } from './routes/cd-register-witness.ts';

type Administration = z.infer<typeof administrationSchema>;

/** What the route answers: the event, and on a stop what was given and any witnessed waste now due. */
export interface AdministrationReply {
  id: number;
  event: string;
  at: string;
  given?: { doseMg: number | null; plannedMg: number | null; leftOverMg: number; stoppedEarly: boolean };
  wasteDue?: WasteDue | null;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The session's checked dose plan. */
export function plannedDose(session: SessionRow): PlannedDose {
  const d = session.dose;
  return {
    doseMg: num(d.doseMg) ?? 0,
    rateMgPerHour: num(d.rateMgPerHour),
    durationMin: num(d.durationMin),
    ...(typeof d.prescriberReason === 'string' ? { prescriberReason: d.prescriberReason } : {}),
  };
}

/** A state rule's refusal as a problem: times and amounts are 422, order and discharge 409. */
export function refuseState(refusal: SessionStateRefusal): never {
  const field = refusal.code === 'administration-time-invalid' || refusal.code.includes('amount');
  throw ruleRefusal(
    field ? 'out-of-bounds' : 'blocked',
    refusal.code,
    refusal.text,
    undefined,
    refusal.path ? [{ path: `body.${refusal.path}`, message: refusal.text }] : undefined,
  );
}

/** Records one administration event after the domain's order, time, dose and amount rules allow it. */
export async function recordAdministration(
  ctx: AppContext,
  req: FastifyRequest,
  session: SessionRow,
  access: PatientAccess,
  body: Administration,
): Promise<AdministrationReply> {
  const auth = authOf(req);
  const now = ctx.now();
  const at = body.at ? new Date(body.at) : now;
  const events = await sessionEvents(ctx.db, session.id);
  const start = events.find((e) => e.kind === 'administration-start');
  const stop = events.find((e) => e.kind === 'administration-stop');
  const stateRefusal = administrationStepRefusal({
    event: body.event,
    at,
    now,
    sessionStartedAt: session.started_at,
    baselineAt: new Date(session.baseline.takenAt),
    state: {
      startedAt: start?.at ?? null,
      stoppedAt: stop?.at ?? null,
      discharged: session.discharged_at !== null,
    },
  });
  if (stateRefusal) refuseState(stateRefusal);
  const stock = body.event === 'start' ? body.cdStock : undefined;
  if (body.cdStock && !stock) {
    throw ruleRefusal(
      'out-of-bounds',
      'cd-stock-at-start-only',
      'Stock is drawn when administration starts.',
      undefined,
      [{ path: 'body.cdStock', message: 'Only with event "start"' }],
    );
  }
  const protocol = sessionProtocol(session.protocol);
  const planned = plannedDose(session);
  const startedMg = start ? num(start.data.doseMg) : null;

  let dose: { doseMg: number | null; rateMgPerHour: number | null; reason: string | null } = {
    doseMg: null,
    rateMgPerHour: null,
    reason: null,
  };
  let stopped: StopAmount | null = null;
  if (body.event === 'stop') {
    const durationMin = planned.durationMin;
    const outcome = stopAmount({
      startedDoseMg: startedMg,
      concentrationMgPerMl: num(start?.data.concentrationMgPerMl) ?? num(session.dose.concentrationMgPerMl),
      plannedEndAt:
        start && protocol.duration !== null && durationMin !== null
          ? new Date(start.at.getTime() + durationMin * 60_000)
          : null,
      at,
      ...(body.givenMg !== undefined ? { givenMg: body.givenMg } : {}),
      ...(body.givenMl !== undefined ? { givenMl: body.givenMl } : {}),
    });
    if (!outcome.ok) refuseState(outcome.refusal);
    stopped = outcome.value;
  } else {
    const patient = await findPatient(ctx.db, session.patient_id);
    const firstSession = (session.prechecks as { firstSession?: unknown } | null)?.firstSession;
    const checked = checkGivenDose({
      protocol,
      planned,
      event: body.event,
      weight: patient?.weight
        ? { kg: kilograms(patient.weight.kg), measuredOn: patient.weight.measuredOn }
        : null,
      today: now.toISOString().slice(0, 10),
      ...(typeof firstSession === 'boolean' ? { firstSession } : {}),
      ...(startedMg !== null ? { runningDoseMg: startedMg } : {}),
      ...(body.doseMg !== undefined ? { doseMg: body.doseMg } : {}),
      ...(body.rateMgPerHour !== undefined ? { rateMgPerHour: body.rateMgPerHour } : {}),
      ...(body.reason !== undefined ? { reason: body.reason } : {}),
    });
    if (!checked.ok) {
      const { code, text, path } = checked.refusal;
      throw ruleRefusal('out-of-bounds', code, text, undefined, [{ path: `body.${path}`, message: text }]);
    }
    dose = {
      doseMg: body.event === 'start' ? checked.value.doseMg : null,
      rateMgPerHour: checked.value.rateMgPerHour,
      reason: checked.value.reason,
    };
  }
  const startStock = start?.data.cdStock as
    { productId?: string; locationId?: string; entryId?: string } | undefined;
  const refundFrom =
    stopped !== null && stopped.leftOverMg > 0 && startStock?.productId && startStock.locationId
      ? { productId: startStock.productId, locationId: startStock.locationId }
      : null;
  const refund = refundFrom !== null;
  const witnesses =
    refund && body.witness ? await witnessSignatures(ctx, req, auth.user, [body.witness], true) : [];
  const route = (session.protocol as { route?: string }).route ?? '';
  const prescriberId = stock
    ? ((await latestEligibility(ctx.db, session.patient_id, route))?.signed_by ?? session.created_by)
    : null;
  const kind = `administration-${body.event}`;

  return ctx.db.transaction(async (tx) => {
    const drawn = stock
      ? await drawSessionDose(tx, ctx, {
          session,
          stock,
          doseMg: dose.doseMg,
          at,
          authorId: auth.user.id,
          prescriberId,
          lot: body.lot,
        })
      : null;
    const wasteDue =
      refundFrom && stopped
        ? await refundUnusedDose(tx, ctx, {
            session,
            stock: refundFrom,
            entryId: startStock?.entryId,
            givenMg: stopped.givenMg ?? 0,
            startedMg: startedMg ?? 0,
            leftOverMg: stopped.leftOverMg,
            authorId: auth.user.id,
            witnesses,
          })
        : null;
    const data =
      body.event === 'stop' && stopped
        ? {
            givenMg: stopped.givenMg,
            givenMl: stopped.givenMl,
            startedMg,
            plannedMg: planned.doseMg,
            leftOverMg: stopped.leftOverMg,
            stoppedEarly: stopped.stoppedEarly,
            amountBasis: stopped.basis,
            ...(wasteDue
              ? {
                  wasteDue: {
                    mg: wasteDue.mg,
                    productId: wasteDue.productId,
                    locationId: wasteDue.locationId,
                  },
                  registerCorrectionId: wasteDue.correctionId,
                }
              : {}),
          }
        : {
            product: body.product ?? null,
            concentrationMgPerMl: body.concentrationMgPerMl ?? null,
            lot: body.lot ?? null,
            expiry: body.expiry ?? null,
            doseMg: dose.doseMg,
            rateMgPerHour: dose.rateMgPerHour,
            plannedDoseMg: planned.doseMg,
            plannedRateMgPerHour: planned.rateMgPerHour,
            differenceReason: dose.reason,
            ...(stock ? { cdStock: { ...stock, ...(drawn ? { entryId: drawn } : {}) } } : {}),
          };
    const eventId = await addSessionEvent(tx, {
      sessionId: session.id,
      kind,
      data,
      at,
      recordedAt: now,
      by: auth.user.id,
    });
    await recordChange(req, tx, {
      action: `treatment-session.${kind}`,
      resource: { type: 'TreatmentSession', id: session.id },
      patientId: session.patient_id,
      ...(body.event !== 'rate-change'
        ? {
            timeline: {
              kind: 'treatment-session',
              summary:
                body.event === 'start'
                  ? `Administration started${dose.doseMg !== null ? ` (${String(dose.doseMg)} mg)` : ''}`
                  : `Administration stopped${stopped?.givenMg != null ? `: ${String(stopped.givenMg)} mg given` : ''}`,
              occurredAt: at,
            },
          }
        : {}),
      flagged: access.breakGlass,
      ...(wasteDue ? { details: { registerCorrectionId: wasteDue.correctionId } } : {}),
      now,
    });
    const reply: AdministrationReply = { id: eventId, event: kind, at: at.toISOString() };
    if (stopped) {
      reply.given = {
        doseMg: stopped.givenMg,
        plannedMg: planned.doseMg,
        leftOverMg: stopped.leftOverMg,
        stoppedEarly: stopped.stoppedEarly,
      };
      reply.wasteDue = wasteDue
        ? { mg: wasteDue.mg, productId: wasteDue.productId, locationId: wasteDue.locationId }
        : null;
    }
    return reply;
  });
}

/** Given against planned, for the session detail: what the clinical record says the patient received. */
export function administrationSummary(
  session: SessionRow,
  events: readonly { kind: string; data: Record<string, unknown> }[],
) {
  const start = events.find((e) => e.kind === 'administration-start');
  const stop = events.find((e) => e.kind === 'administration-stop');
  const startedMg = start ? num(start.data.doseMg) : null;
  return {
    status: stop ? 'stopped' : start ? 'running' : 'not-started',
    plannedMg: plannedDose(session).doseMg,
    startedMg,
    // A stop recorded before the amount was asked for stands for the dose started.
    givenMg: stop ? (num(stop.data.givenMg) ?? startedMg) : null,
    leftOverMg: stop ? (num(stop.data.leftOverMg) ?? 0) : null,
    stoppedEarly: stop ? stop.data.stoppedEarly === true : null,
  };
}
