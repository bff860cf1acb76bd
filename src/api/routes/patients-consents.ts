// /patients/:id/consents: sign a versioned consent (typed or drawn, witnessed where required), and list them.
import { consentListReply, consentReply } from '../../schemas/replies/treatment.ts';
import { consentDocuments } from '../../domain/consent/documents.ts';
import { consentSchema } from '../../schemas/treatment.ts';
import { consentView, findConsent, insertConsent, listConsents } from '../../store/consents.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { chartRead, chartWrite } from '../route.ts';
import { patientAccess, patientRead } from '../patient-access.ts';
import { problem, ruleRefusal } from '../problem.ts';
import { added, recordChange } from '../record-change.ts';
import { reauthenticateWitness } from '../witness.ts';

export function patientConsentRoutes(api: ZodApp, ctx: AppContext): void {
  api.post(
    '/patients/:id/consents',
    chartWrite({ body: consentSchema, 201: consentReply }),
    async (req, reply) => {
      const auth = authOf(req);
      const access = await patientAccess(ctx, req, req.params.id, 'consent.create');
      const doc = consentDocuments.find(
        (d) =>
          d.id === req.body.documentId &&
          d.version === req.body.documentVersion &&
          d.route === req.body.route,
      );
      if (!doc)
        throw problem('validation-failed', undefined, [
          { path: 'body.documentId', message: 'No such document version for this route' },
        ]);
      if (doc.witnessRequired && !req.body.witness) {
        throw ruleRefusal(
          'out-of-bounds',
          'witness-required',
          'This consent document needs a witness.',
          undefined,
          [{ path: 'body.witness', message: 'A witness must countersign' }],
        );
      }
      const witnessId = req.body.witness
        ? await reauthenticateWitness(ctx, req, auth.user, req.body.witness, access.serviceId)
        : null;
      const now = ctx.now();
      const id = await ctx.db.transaction(async (tx) => {
        const consentId = await insertConsent(tx, {
          patientId: access.patientId,
          route: doc.route,
          documentId: doc.id,
          documentVersion: doc.version,
          signature: req.body.signature,
          witnessId,
          signedAt: now,
          recordedBy: auth.user.id,
        });
        const line = `Consent signed: ${doc.title} (v${doc.version})`;
        const details = { document: `${doc.id}@${doc.version}` };
        await recordChange(req, tx, { ...added('consent', consentId, line), access, details, now });
        return consentId;
      });
      const saved = await findConsent(ctx.db, id);
      if (!saved) throw new Error('consent vanished');
      return reply.status(201).send(consentView(saved));
    },
  );

  api.get('/patients/:id/consents', chartRead({ 200: consentListReply }), async (req) => {
    const access = await patientRead(ctx, req, req.params.id, 'consent.list', 'Consent');
    const rows = await listConsents(ctx.db, access.patientId);
    return { consents: rows.map(consentView) };
  });
}
