// Treatment screening: referral with indication, and the prescriber-signed eligibility decision.
import type { FastifyInstance } from 'fastify';
import {
  contraindicationCheck,
  indicationCheck,
  interactionScreen,
  pregnancyFlags,
  type ContraindicationCheck,
  type ContraindicationFlag,
  type Route,
} from '../../domain/treatment/index.ts';
import { eligibilitySchema, referralSchema } from '../../schemas/treatment.ts';
import { patientIdParams } from '../../schemas/patient.ts';
import { findPatient } from '../../store/patients.ts';
import { addTimelineEvent } from '../../store/timeline.ts';
import { authOf, auditFrom, zodApp, type AppContext } from '../context.ts';
import { auditRead, patientAccess } from '../patient-access.ts';
import { problem } from '../problem.ts';

/** The contraindication check with the recorded pregnancy status's flag first (clinic.md §7.1). */
function withPregnancy(
  check: ContraindicationCheck,
  pregnancy: readonly ContraindicationFlag[],
): ContraindicationCheck {
  return { ...check, flags: [...pregnancy, ...check.flags] };
}

export function treatmentScreeningRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = zodApp(app);

  api.post(
    '/patients/:id/referrals',
    {
      config: { access: 'patient:write', patientScoped: true },
      schema: { tags: ['treatment'], params: patientIdParams, body: referralSchema },
    },
    async (req, reply) => {
      const auth = authOf(req);
      const access = await patientAccess(ctx, req, req.params.id, 'referral.create');
      const check = indicationCheck(req.body.indication);
      const now = ctx.now();
      const id = await ctx.db.transaction(async (tx) => {
        const [row] = await tx.query<{ id: string }>(
          `INSERT INTO treatment_referrals (patient_id, indication, indication_other, flags, referrer, received_on, recorded_at, recorded_by)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`,
          [
            access.patientId,
            req.body.indication,
            req.body.indicationOther ?? null,
            JSON.stringify(check.flags),
            req.body.referrer ?? null,
            req.body.receivedOn ?? null,
            now,
            auth.user.id,
          ],
        );
        if (!row) throw new Error('insert returned no row');
        await addTimelineEvent(tx, {
          patientId: access.patientId,
          occurredAt: now,
          kind: 'referral',
          summary: `Referral for ketamine treatment: ${check.indication?.label ?? req.body.indication}`,
          refType: 'Referral',
          refId: row.id,
          actorId: auth.user.id,
        });
        await auditFrom(
          req,
          tx,
          {
            action: 'referral.create',
            resourceType: 'Referral',
            resourceId: row.id,
            patientId: access.patientId,
            outcome: 'success',
            flagged: access.breakGlass,
          },
          now,
        );
        return row.id;
      });
      return reply.status(201).send({ id, indication: check.indication, flags: check.flags });
    },
  );

  api.post(
    '/patients/:id/eligibility',
    {
      config: { access: 'treatment:prescribe', patientScoped: true },
      schema: { tags: ['treatment'], params: patientIdParams, body: eligibilitySchema },
    },
    async (req, reply) => {
      const auth = authOf(req);
      const access = await patientAccess(ctx, req, req.params.id, 'eligibility.create');
      const patient = await findPatient(ctx.db, access.patientId);
      if (!patient) throw problem('not-found');
      const route: Route = req.body.route;
      const present = req.body.contraindications.filter((c) => c.present).map((c) => c.code);
      const screen = interactionScreen(patient.medications.map((m) => m.name));
      const flags = {
        interactions: screen.flags,
        // The name matcher is not exhaustive: the reply says so, so no one reads "no flag" as "no interaction".
        interactionsExhaustive: screen.exhaustive,
        interactionsLimitation: screen.limitation,
        contraindications: withPregnancy(
          contraindicationCheck(present, route),
          pregnancyFlags(req.body.checklist.pregnancyStatus, route),
        ),
      };
      const now = ctx.now();
      const id = await ctx.db.transaction(async (tx) => {
        const [row] = await tx.query<{ id: string }>(
          `INSERT INTO treatment_eligibility (patient_id, route, checklist, flags, decision, note, signed_at, signed_by)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`,
          [
            access.patientId,
            route,
            JSON.stringify({ ...req.body.checklist, contraindications: req.body.contraindications }),
            JSON.stringify(flags),
            req.body.decision,
            req.body.note ?? null,
            now,
            auth.user.id,
          ],
        );
        if (!row) throw new Error('insert returned no row');
        await addTimelineEvent(tx, {
          patientId: access.patientId,
          occurredAt: now,
          kind: 'eligibility',
          summary: `Eligibility for ${route}: ${req.body.decision} (signed by ${auth.user.display_name})`,
          refType: 'Eligibility',
          refId: row.id,
          actorId: auth.user.id,
        });
        await auditFrom(
          req,
          tx,
          {
            action: 'eligibility.create',
            resourceType: 'Eligibility',
            resourceId: row.id,
            patientId: access.patientId,
            outcome: 'success',
            flagged: access.breakGlass,
            details: { decision: req.body.decision },
          },
          now,
        );
        return row.id;
      });
      return reply.status(201).send({ id, decision: req.body.decision, flags });
    },
  );

  api.get(
    '/patients/:id/eligibility',
    {
      config: { access: 'patient:read', patientScoped: true },
      schema: { tags: ['treatment'], params: patientIdParams },
    },
    async (req) => {
      const access = await patientAccess(ctx, req, req.params.id, 'eligibility.list');
      const rows = await ctx.db.query<{
        id: string;
        route: string;
        checklist: unknown;
        flags: unknown;
        decision: string;
        note: string | null;
        signed_at: Date;
        display_name: string;
      }>(
        `SELECT e.*, u.display_name FROM treatment_eligibility e JOIN users u ON u.id = e.signed_by WHERE e.patient_id = $1 ORDER BY e.signed_at DESC`,
        [access.patientId],
      );
      const referrals = await ctx.db.query<{
        id: string;
        indication: string;
        indication_other: string | null;
        flags: unknown;
        referrer: string | null;
        received_on: string | null;
        recorded_at: Date;
      }>('SELECT * FROM treatment_referrals WHERE patient_id = $1 ORDER BY recorded_at DESC', [
        access.patientId,
      ]);
      await auditRead(ctx, req, access, 'eligibility.list', 'Eligibility');
      return {
        referrals: referrals.map((r) => ({
          id: r.id,
          indication: r.indication,
          indicationOther: r.indication_other,
          flags: r.flags,
          referrer: r.referrer,
          receivedOn: r.received_on,
          recordedAt: r.recorded_at.toISOString(),
        })),
        decisions: rows.map((r) => ({
          id: r.id,
          route: r.route,
          checklist: r.checklist,
          flags: r.flags,
          decision: r.decision,
          note: r.note,
          signedAt: r.signed_at.toISOString(),
          signedBy: r.display_name,
        })),
      };
    },
  );
}
