// The administration record of a dosing session: start (product, concentration, lot, expiry, dose), rate changes,
// stop with the amount actually given. The rules are the domain's (`administrationCheck`); this gathers their
// inputs, draws or corrects controlled-drug stock, and stores the event with its chart line and audit.
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { WitnessSignature } from '../../domain/ledger/index.ts';
import {
  administrationData,
  administrationReply,
  type StockOutcome,
} from '../../domain/treatment/administration-record.ts';
import {
  administrationCheck,
  plannedDoseOf,
  type AdministrationPlan,
  type AdministrationRefusal,
  type AdministrationSession,
} from '../../domain/treatment/administration.ts';
import { clinicToday } from '../../domain/treatment/clinic-day.ts';
import { kilograms } from '../../domain/treatment/index.ts';
import type { administrationSchema } from '../../schemas/treatment.ts';
import type { Queryable } from '../../store/db.ts';
import { keptBalances } from '../../store/ledger.ts';
import { visibleLocationIds } from '../../store/ledger-directory.ts';
import { findPatient } from '../../store/patients.ts';
import { serviceForDocuments } from '../../store/services.ts';
import { latestEligibility, sessionEvents, type SessionRow } from '../../store/treatment.ts';
import { authOf, type AppContext } from '../context.ts';
import type { PatientAccess } from '../patient-access.ts';
import { ruleRefusal } from '../problem.ts';
import { sessionProtocol } from './session-vitals.ts';
import { recordSessionEvent } from './session-event.ts';
import { drawSessionDose, refundUnusedDose } from './session-stock.ts';
import { witnessSignatures } from '../cd-register/witness.ts';

type Administration = z.infer<typeof administrationSchema>;

/** A refusal by the administration rules as a problem naming the field. */
function refuse(refusal: AdministrationRefusal): never {
  const { kind, code, text, path, message } = refusal;
  throw ruleRefusal(
    kind,
    code,
    text,
    undefined,
    path ? [{ path: `body.${path}`, message: message ?? text }] : undefined,
  );
}

/** What the rules need to know about the session: its record, plan, protocol, the chart weight and the clinic's day. */
async function sessionFacts(ctx: AppContext, session: SessionRow, now: Date): Promise<AdministrationSession> {
  const patient = await findPatient(ctx.db, session.patient_id);
  const { timeZone } = await serviceForDocuments(ctx.db, session.service_id);
  const firstSession = (session.prechecks as { firstSession?: unknown } | null)?.firstSession;
  const concentration = session.dose.concentrationMgPerMl;
  return {
    now,
    startedAt: session.started_at,
    baselineAt: new Date(session.baseline.takenAt),
    discharged: session.discharged_at !== null,
    events: await sessionEvents(ctx.db, session.id),
    protocol: sessionProtocol(session.protocol),
    planned: plannedDoseOf(session.dose),
    plannedConcentrationMgPerMl: typeof concentration === 'number' ? concentration : null,
    weight: patient?.weight
      ? { kg: kilograms(patient.weight.kg), measuredOn: patient.weight.measuredOn }
      : null,
    today: clinicToday(now, timeZone),
    ...(typeof firstSession === 'boolean' ? { firstSession } : {}),
  };
}

/** Whether the register holds stock (mg above 0) at a location the session's service sees. */
async function registerStockAvailable(ctx: AppContext, session: SessionRow): Promise<boolean> {
  const kept = await keptBalances(ctx.db);
  if (!kept.some((b) => b.mg > 0)) return false;
  const visible = await visibleLocationIds(ctx.db, { serviceIds: [session.service_id], readsPatients: true });
  return kept.some((b) => b.mg > 0 && visible.has(b.locationId));
}

/** The prescriber a register entry names: the eligibility signer for the route, else who started the session. */
async function prescriberOf(ctx: AppContext, session: SessionRow): Promise<string> {
  const route = (session.protocol as { route?: string }).route ?? '';
  return (await latestEligibility(ctx.db, session.patient_id, route))?.signed_by ?? session.created_by;
}

/** In the event's transaction: draws the started dose from stock, or corrects the register for a short stop. */
async function stockSteps(
  tx: Queryable,
  ctx: AppContext,
  r: {
    session: SessionRow;
    plan: AdministrationPlan;
    body: Administration;
    authorId: string;
    witnesses: WitnessSignature[];
    prescriberId: string | null;
  },
): Promise<StockOutcome> {
  const { session, plan, body, authorId } = r;
  const base = { session, authorId };
  const drawn =
    plan.drawStock && body.cdStock
      ? {
          stock: body.cdStock,
          entryId: await drawSessionDose(tx, ctx, {
            ...base,
            stock: body.cdStock,
            doseMg: plan.dose.doseMg,
            at: plan.at,
            prescriberId: r.prescriberId,
            lot: body.lot,
          }),
        }
      : undefined;
  const wasteDue =
    plan.refundFrom && plan.stopped
      ? await refundUnusedDose(tx, ctx, {
          ...base,
          stock: plan.refundFrom,
          entryId: plan.refundFrom.entryId,
          givenMg: plan.stopped.givenMg ?? 0,
          startedMg: plan.startedMg ?? 0,
          leftOverMg: plan.stopped.leftOverMg,
          witnesses: r.witnesses,
        })
      : null;
  return { ...(drawn ? { drawn } : {}), wasteDue };
}

/** Records one administration event after the domain's order, time, dose and amount rules allow it. */
export async function recordAdministration(
  ctx: AppContext,
  req: FastifyRequest,
  session: SessionRow,
  access: PatientAccess,
  body: Administration,
) {
  const auth = authOf(req);
  const now = ctx.now();
  // The register is the default source of a start's dose: without stock drawn, the rules ask why (when it has any).
  const startsOutsideRegister = body.event === 'start' && body.cdStock === undefined;
  const facts: AdministrationSession = {
    ...(await sessionFacts(ctx, session, now)),
    ...(startsOutsideRegister ? { registerStockAvailable: await registerStockAvailable(ctx, session) } : {}),
  };
  const at = body.at ? new Date(body.at) : now;
  const checked = administrationCheck(facts, { ...body, at, drawsStock: body.cdStock !== undefined });
  if (!checked.ok) refuse(checked.refusal);
  const plan = checked.value;
  const witnesses =
    plan.refundFrom && body.witness ? await witnessSignatures(ctx, req, auth.user, [body.witness], true) : [];
  const prescriberId = plan.drawStock ? await prescriberOf(ctx, session) : null;
  const who = { authorId: auth.user.id, witnesses, prescriberId };
  return ctx.db.transaction(async (tx) => {
    const stock = await stockSteps(tx, ctx, { session, plan, body, ...who });
    const wasteDue = stock.wasteDue ?? null;
    const data = administrationData(plan, facts.planned, body, stock);
    const eventId = await recordSessionEvent(tx, req, {
      session,
      kind: plan.kind,
      data,
      at: plan.at,
      now,
      action: `treatment-session.${plan.kind}`,
      flagged: access.breakGlass,
      ...(wasteDue ? { details: { registerCorrectionId: wasteDue.correctionId } } : {}),
      ...(plan.timeline
        ? { timeline: { kind: 'treatment-session', summary: plan.timeline, occurredAt: plan.at } }
        : {}),
    });
    return administrationReply(eventId, plan, facts.planned, wasteDue);
  });
}
