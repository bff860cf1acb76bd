// /consents/:id: the PDF copy of a signed consent, and its withdrawal.
import { fileReply } from '../../schemas/replies/common.ts';
import { withdrawnReply } from '../../schemas/replies/treatment.ts';
import { consentDocuments } from '../../domain/consent/documents.ts';
import { routeWords } from '../../domain/treatment/route-labels.ts';
import { renderConsentPdf } from '../../documents/consent-pdf.ts';
import { idParams } from '../../schemas/common.ts';
import { withdrawSchema } from '../../schemas/treatment.ts';
import { findConsent, insertConsentWithdrawal, type ConsentRow } from '../../store/consents.ts';
import type { Queryable } from '../../store/db.ts';
import { findPatient } from '../../store/patients.ts';
import { serviceForDocuments } from '../../store/services.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { route } from '../route.ts';
import { auditRead, patientAccess } from '../patient-access.ts';
import { problem } from '../problem.ts';
import { recordChange } from '../record-change.ts';

/** The signed consent as the PDF a patient is given (its document, patient and clinic as recorded); undefined
 * when its patient or document version is not known. */
export async function signedConsentPdf(db: Queryable, consent: ConsentRow): Promise<Buffer | undefined> {
  const patient = await findPatient(db, consent.patient_id);
  const doc = consentDocuments.find(
    (d) => d.id === consent.document_id && d.version === consent.document_version,
  );
  if (!patient || !doc) return undefined;
  return renderConsentPdf({
    document: doc,
    patient,
    clinic: await serviceForDocuments(db, patient.serviceId),
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
}

export function consentRoutes(api: ZodApp, ctx: AppContext): void {
  api.get(
    '/consents/:id/pdf',
    route('patient:read', { params: idParams, 200: fileReply('application/pdf') }),
    async (req, reply) => {
      const consent = await findConsent(ctx.db, req.params.id);
      if (!consent) throw problem('not-found');
      const access = await patientAccess(ctx, req, consent.patient_id, 'consent.pdf');
      const pdf = await signedConsentPdf(ctx.db, consent);
      if (!pdf) throw problem('not-found');
      await auditRead(ctx, req, access, 'consent.pdf', 'Consent', consent.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="consent-${consent.id}.pdf"`)
        .send(pdf);
    },
  );

  api.post(
    '/consents/:id/withdraw',
    route('patient:write', { params: idParams, body: withdrawSchema, 201: withdrawnReply }),
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
          timeline: { kind: 'consent', summary: `Consent withdrawn (${routeWords(consent.route)})` },
          flagged: access.breakGlass,
          now,
        });
      });
      return reply.status(201).send({ withdrawn: true });
    },
  );
}
