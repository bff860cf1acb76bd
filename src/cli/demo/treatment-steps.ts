// The treatment pathway's screening records as their routes write them: the referral, the prescriber-signed
// eligibility (every contraindication asked, flags from the domain), and the signed, witnessed consent.
import { consentDocumentFor } from '../../domain/consent/documents.ts';
import { contraindications } from '../../domain/treatment/contraindications.ts';
import { eligibilityFlags } from '../../domain/treatment/eligibility-flags.ts';
import { eligibilityLine } from '../../domain/treatment/route-labels.ts';
import { indicationCheck, type Route } from '../../domain/treatment/index.ts';
import { insertConsent } from '../../store/consents.ts';
import type { Queryable } from '../../store/db.ts';
import { insertEligibility, insertReferral } from '../../store/treatment-screening.ts';
import { recordDemoChange } from './record.ts';

export async function recordReferral(
  tx: Queryable,
  r: { patientId: string; indication: string; referrer: string; receivedOn: string; at: Date; by: string },
): Promise<void> {
  const check = indicationCheck(r.indication);
  const id = await insertReferral(tx, {
    patientId: r.patientId,
    indication: r.indication,
    indicationOther: null,
    flags: check.flags,
    referrer: r.referrer,
    receivedOn: r.receivedOn,
    recordedAt: r.at,
    recordedBy: r.by,
  });
  await recordDemoChange(tx, {
    action: 'referral.create',
    resource: { type: 'Referral', id },
    patientId: r.patientId,
    timeline: {
      kind: 'referral',
      summary: `Referral for ketamine treatment: ${check.indication?.label ?? r.indication}`,
    },
    actorId: r.by,
    now: r.at,
  });
}

export async function recordEligibility(
  tx: Queryable,
  e: {
    patientId: string;
    route: Route;
    medications: readonly string[];
    pregnancyStatus: 'not-applicable' | 'not-pregnant';
    baselineBp: { systolic: number; diastolic: number };
    at: Date;
    by: { id: string; name: string };
  },
): Promise<void> {
  const answers = contraindications
    .filter((c) => c.routes.includes(e.route))
    .map((c) => ({
      code: c.code,
      present: false,
      judgement: 'Absent on history and examination.',
    }));
  const checklist = {
    historyAndPhysical: true,
    psychiatricHistory: true,
    substanceUseHistory: true,
    medicationsReviewed: true,
    allergiesReviewed: true,
    priorTreatmentTrials: 'Two antidepressants at adequate dose and duration, and a course of CBT.',
    baselineBp: e.baselineBp,
    pregnancyStatus: e.pregnancyStatus,
  };
  const flags = eligibilityFlags(e.medications, [], e.route, e.pregnancyStatus);
  const id = await insertEligibility(tx, {
    patientId: e.patientId,
    route: e.route,
    checklist: { ...checklist, contraindications: answers },
    flags,
    decision: 'eligible',
    note: null,
    signedAt: e.at,
    signedBy: e.by.id,
  });
  await recordDemoChange(tx, {
    action: 'eligibility.create',
    resource: { type: 'Eligibility', id },
    patientId: e.patientId,
    timeline: {
      kind: 'eligibility',
      summary: eligibilityLine(e.route, 'eligible', e.by.name),
    },
    details: { decision: 'eligible' },
    actorId: e.by.id,
    now: e.at,
  });
}

/** The route's current consent document, signed by the person (typed) and witnessed; returns the consent id. */
export async function recordConsent(
  tx: Queryable,
  c: { patientId: string; route: Route; name: string; witnessId: string; at: Date; by: string },
): Promise<string> {
  const doc = consentDocumentFor(c.route);
  if (!doc) throw new Error(`no consent document for ${c.route}`);
  const id = await insertConsent(tx, {
    patientId: c.patientId,
    route: doc.route,
    documentId: doc.id,
    documentVersion: doc.version,
    signature: { kind: 'typed', name: c.name },
    witnessId: c.witnessId,
    signedAt: c.at,
    recordedBy: c.by,
  });
  await recordDemoChange(tx, {
    action: 'consent.create',
    resource: { type: 'Consent', id },
    patientId: c.patientId,
    timeline: { kind: 'consent', summary: `Consent signed: ${doc.title} (v${doc.version})` },
    details: { document: `${doc.id}@${doc.version}` },
    actorId: c.by,
    now: c.at,
  });
  return id;
}
