// The administration record of a dosing session: start (product, concentration, lot, expiry, dose), rate changes, stop.
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { administrationSchema } from '../schemas/treatment.ts';
import { recordLedgerEntry } from '../store/ledger.ts';
import { addTimelineEvent } from '../store/timeline.ts';
import { addSessionEvent, latestEligibility, sessionEvents, type SessionRow } from '../store/treatment.ts';
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
  const route = (session.protocol as { route?: string }).route ?? '';
  const prescriberId = stock
    ? ((await latestEligibility(ctx.db, session.patient_id, route))?.signed_by ?? session.created_by)
    : null;
  const id = await ctx.db.transaction(async (tx) => {
    const eventId = await addSessionEvent(tx, {
      sessionId: session.id,
      kind,
      data: { ...data, ...(stock ? { cdStock: stock } : {}) },
      at,
      recordedAt: now,
      by: auth.user.id,
    });
    if (stock) {
      if (data.doseMg === null) {
        throw ruleRefusal('out-of-bounds', 'dose-missing', 'Give the dose to draw from stock.', undefined, [
          { path: 'body.doseMg', message: 'Required to draw stock' },
        ]);
      }
      // The dose is drawn from the controlled-drug register in the same transaction: both are recorded, or neither.
      const drawn = await recordLedgerEntry(tx, {
        draft: {
          kind: 'administration',
          productId: stock.productId,
          locationId: stock.locationId,
          quantity: {
            mg: data.doseMg,
            ...(stock.containersOpened ? { containers: stock.containersOpened } : {}),
          },
          occurredAt: at.toISOString(),
          patientId: session.patient_id,
          sessionId: session.id,
          administeredById: auth.user.id,
          ...(prescriberId ? { prescriberId } : {}),
          ...(body.lot ? { lot: body.lot } : {}),
        },
        authorId: auth.user.id,
        now: ctx.now,
      });
      if (!drawn.ok) {
        const code = drawn.problems[0]?.code ?? 'cd-entry-refused';
        throw ruleRefusal(
          code === 'insufficient-stock' ? 'blocked' : 'out-of-bounds',
          code,
          drawn.problems.map((p) => p.text).join(' '),
          { balances: drawn.balances },
          drawn.problems.map((p) => ({ path: `body.cdStock.${p.path}`, message: p.text })),
        );
      }
    }
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
