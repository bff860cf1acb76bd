// /patients/:id/eligibility: the prescriber-signed eligibility decision, and the screening record (referrals and decisions).
import { eligibilityReply, screeningReply } from '../../schemas/replies/treatment.ts';
import { contraindicationAnswerProblems } from '../../domain/treatment/eligibility-answers.ts';
import { eligibilityFlags } from '../../domain/treatment/eligibility-flags.ts';
import { eligibilityLine } from '../../domain/treatment/route-labels.ts';
import { eligibilitySchema } from '../../schemas/treatment.ts';
import { findPatient } from '../../store/patients.ts';
import { insertEligibility, listEligibility, listReferrals } from '../../store/treatment-screening.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { chartRead, patientRoute } from '../route.ts';
import { added, recordChange } from '../record-change.ts';
import { patientAccess, patientRead } from '../patient-access.ts';
import { problem, ruleRefusal } from '../problem.ts';

export function patientEligibilityRoutes(api: ZodApp, ctx: AppContext): void {
  api.post(
    '/patients/:id/eligibility',
    patientRoute('treatment:prescribe', { body: eligibilitySchema, 201: eligibilityReply }),
    async (req, reply) => {
      const auth = authOf(req);
      const access = await patientAccess(ctx, req, req.params.id, 'eligibility.create');
      const patient = await findPatient(ctx.db, access.patientId);
      if (!patient) throw problem('not-found');
      const answerProblems = contraindicationAnswerProblems(req.body.contraindications);
      const first = answerProblems[0];
      if (first) {
        throw ruleRefusal(
          'out-of-bounds',
          first.code,
          answerProblems.map((p) => p.text).join(' '),
          undefined,
          answerProblems.map((p) => ({ path: `body.${p.path}`, message: p.text })),
        );
      }
      const route = req.body.route;
      const present = req.body.contraindications.filter((c) => c.present).map((c) => c.code);
      const medications = patient.medications.map((m) => m.name);
      const flags = eligibilityFlags(medications, present, route, req.body.checklist.pregnancyStatus);
      const now = ctx.now();
      const id = await ctx.db.transaction(async (tx) => {
        const eligibilityId = await insertEligibility(tx, {
          patientId: access.patientId,
          route,
          checklist: { ...req.body.checklist, contraindications: req.body.contraindications },
          flags,
          decision: req.body.decision,
          note: req.body.note ?? null,
          signedAt: now,
          signedBy: auth.user.id,
        });
        const line = eligibilityLine(route, req.body.decision, auth.user.display_name);
        await recordChange(req, tx, {
          ...added('eligibility', eligibilityId, line),
          access,
          details: { decision: req.body.decision },
          now,
        });
        return eligibilityId;
      });
      return reply.status(201).send({ id, decision: req.body.decision, flags });
    },
  );

  api.get('/patients/:id/eligibility', chartRead({ 200: screeningReply }), async (req) => {
    const access = await patientRead(ctx, req, req.params.id, 'eligibility.list', 'Eligibility');
    const rows = await listEligibility(ctx.db, access.patientId);
    const referrals = await listReferrals(ctx.db, access.patientId);
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
  });
}
