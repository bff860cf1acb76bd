// Versioned consent per route: documents, signing (typed or drawn, witnessed where required), PDF copy, withdrawal.
import type { FastifyInstance } from 'fastify';
import { consentDocuments } from '../../domain/consent/documents.ts';
import { renderConsentPdf } from '../../documents/consent-pdf.ts';
import { idParams } from '../../schemas/common.ts';
import { patientIdParams } from '../../schemas/patient.ts';
import { consentSchema, withdrawSchema } from '../../schemas/treatment.ts';
import { findPatient } from '../../store/patients.ts';
import { serviceForDocuments } from '../../store/services.ts';
import {
  findConsent,
  insertConsent,
  insertConsentWithdrawal,
  listConsents,
  type ConsentRow,
} from '../../store/consents.ts';
import { authOf, zodApp, type AppContext } from '../context.ts';
import { recordChange } from '../record-change.ts';
import { auditRead, patientAccess } from '../patient-access.ts';
import { problem, ruleRefusal } from '../problem.ts';
import { reauthenticateWitness } from '../witness.ts';

function consentView(c: ConsentRow) {
  return {
    id: c.id,
    patientId: c.patient_id,
    route: c.route,
    documentId: c.document_id,
    documentVersion: c.document_version,
    signature: { kind: c.signature.kind, name: c.signature.name },
    witness: c.witness_name,
    signedAt: c.signed_at.toISOString(),
    recordedBy: c.recorded_by_name,
    active: c.withdrawn_at === null,
    withdrawn: c.withdrawn_at ? { at: c.withdrawn_at.toISOString(), reason: c.withdrawal_reason } : null,
    pdfPath: `/api/v1/consents/${c.id}/pdf`,
  };
}

export function consentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = zodApp(app);

  api.get(
    '/consent-documents',
    { config: { access: 'authenticated' }, schema: { tags: ['consent'] } },
    async () => ({ documents: consentDocuments }),
  );

  api.post(
    '/patients/:id/consents',
    {
      config: { access: 'patient:write', patientScoped: true },
      schema: { tags: ['consent'], params: patientIdParams, body: consentSchema },
    },
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
        await recordChange(req, tx, {
          action: 'consent.create',
          resource: { type: 'Consent', id: consentId },
          patientId: access.patientId,
          timeline: { kind: 'consent', summary: `Consent signed: ${doc.title} (v${doc.version})` },
          flagged: access.breakGlass,
          details: { document: `${doc.id}@${doc.version}` },
          now,
        });
        return consentId;
      });
      const saved = await findConsent(ctx.db, id);
      if (!saved) throw new Error('consent vanished');
      return reply.status(201).send(consentView(saved));
    },
  );

  api.get(
    '/patients/:id/consents',
    {
      config: { access: 'patient:read', patientScoped: true },
      schema: { tags: ['consent'], params: patientIdParams },
    },
    async (req) => {
      const access = await patientAccess(ctx, req, req.params.id, 'consent.list');
      const rows = await listConsents(ctx.db, access.patientId);
      await auditRead(ctx, req, access, 'consent.list', 'Consent');
      return { consents: rows.map(consentView) };
    },
  );

  api.get(
    '/consents/:id/pdf',
    { config: { access: 'patient:read' }, schema: { tags: ['consent'], params: idParams } },
    async (req, reply) => {
      const consent = await findConsent(ctx.db, req.params.id);
      if (!consent) throw problem('not-found');
      const access = await patientAccess(ctx, req, consent.patient_id, 'consent.pdf');
      const patient = await findPatient(ctx.db, consent.patient_id);
      const doc = consentDocuments.find(
        (d) => d.id === consent.document_id && d.version === consent.document_version,
      );
      if (!patient || !doc) throw problem('not-found');
      const service = await serviceForDocuments(ctx.db, patient.serviceId);
      const pdf = await renderConsentPdf({
        document: doc,
        patient,
        clinic: service,
        consent: {
          signature: consent.signature,
          signedAt: consent.signed_at,
          recordedBy: consent.recorded_by_name,
          witness: consent.witness_name,
          withdrawn: consent.withdrawn_at
            ? { at: consent.withdrawn_at, reason: consent.withdrawal_reason }
            : null,
        },
      });
      await auditRead(ctx, req, access, 'consent.pdf', 'Consent', consent.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="consent-${consent.id}.pdf"`)
        .send(pdf);
    },
  );

  api.post(
    '/consents/:id/withdraw',
    {
      config: { access: 'patient:write' },
      schema: { tags: ['consent'], params: idParams, body: withdrawSchema },
    },
    async (req, reply) => {
      const auth = authOf(req);
      const consent = await findConsent(ctx.db, req.params.id);
      if (!consent) throw problem('not-found');
      const access = await patientAccess(ctx, req, consent.patient_id, 'consent.withdraw');
      if (consent.withdrawn_at) throw problem('conflict', 'This consent was already withdrawn.');
      const now = ctx.now();
      await ctx.db.transaction(async (tx) => {
        await insertConsentWithdrawal(tx, {
          consentId: consent.id,
          at: now,
          reason: req.body.reason,
          recordedBy: auth.user.id,
        });
        await recordChange(req, tx, {
          action: 'consent.withdraw',
          resource: { type: 'Consent', id: consent.id },
          patientId: consent.patient_id,
          timeline: { kind: 'consent', summary: `Consent withdrawn (${consent.route})` },
          flagged: access.breakGlass,
          now,
        });
      });
      return reply.status(201).send({ withdrawn: true });
    },
  );
}
