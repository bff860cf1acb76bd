// Referrals as FHIR ServiceRequests (pure): onward referrals KASPR decides on and makes (or cancels), and the
// inbound treatment referrals it receives.
import type { InboundReferralRow, OnwardReferralRow } from '../../store/fhir-harm-contacts.ts';
import type { ServiceRequest } from './harm-types.ts';
import { KASPR_BASE, instant, meta, prune, ref, SNOMED, text } from './common.ts';

export const DESTINATION_SYSTEM = `${KASPR_BASE}/CodeSystem/referral-destination`;
export const INDICATION_SYSTEM = `${KASPR_BASE}/CodeSystem/indication`;
/** SCT 3457005 "Patient referral" (fhir.md §1.3). */
export const REFERRAL_CATEGORY = {
  coding: [{ system: SNOMED, code: '3457005', display: 'Patient referral' }],
};

/** The calendar date `days` after an ISO date. */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** An onward referral as it stood at one version: decided (draft), then made (active) or cancelled (revoked). */
function onwardAsOf(row: OnwardReferralRow, closed: boolean): ServiceRequest {
  const outcome = closed ? row.outcome : null;
  const notes = [text(row.reason), closed ? text(row.outcome_note) : undefined].flatMap((t) =>
    t ? [{ text: t }] : [],
  );
  return prune({
    resourceType: 'ServiceRequest' as const,
    id: row.id,
    meta: meta(outcome ? 2 : 1, (outcome && row.outcome_at) || row.recorded_at),
    status:
      outcome === 'made'
        ? ('active' as const)
        : outcome === 'cancelled'
          ? ('revoked' as const)
          : ('draft' as const),
    intent: 'order' as const,
    category: [REFERRAL_CATEGORY],
    code: { coding: [{ system: DESTINATION_SYSTEM, code: row.destination }], text: row.destination },
    subject: ref('Patient', row.patient_id),
    occurrencePeriod: { start: row.decided_on, end: addDays(row.decided_on, row.target_days) },
    authoredOn: row.decided_on,
    requester: { ...ref('Practitioner', row.recorded_by), display: row.recorded_by_name },
    reasonReference: row.decision_id ? [ref('ClinicalImpression', row.decision_id)] : undefined,
    note: notes,
  });
}

/** Every version of an onward referral, newest first. */
export function onwardReferralVersions(row: OnwardReferralRow): ServiceRequest[] {
  return row.outcome ? [onwardAsOf(row, true), onwardAsOf(row, false)] : [onwardAsOf(row, false)];
}

/** An inbound referral as it stood: active when received, completed once eligibility is signed. */
function inboundAsOf(row: InboundReferralRow, completed: boolean): ServiceRequest {
  const done = completed ? row.eligibility_at : null;
  return prune({
    resourceType: 'ServiceRequest' as const,
    id: row.id,
    meta: meta(done ? 2 : 1, done ?? row.recorded_at),
    status: done ? ('completed' as const) : ('active' as const),
    intent: 'order' as const,
    category: [REFERRAL_CATEGORY],
    code: { text: 'Ketamine treatment' },
    subject: ref('Patient', row.patient_id),
    authoredOn: row.received_on ?? instant(row.recorded_at),
    requester: text(row.referrer) ? { display: text(row.referrer) } : undefined,
    reasonCode: [
      prune({
        coding: [{ system: INDICATION_SYSTEM, code: row.indication }],
        text: text(row.indication_other),
      }),
    ],
  });
}

/** Every version of an inbound referral, newest first. */
export function inboundReferralVersions(row: InboundReferralRow): ServiceRequest[] {
  return row.eligibility_at ? [inboundAsOf(row, true), inboundAsOf(row, false)] : [inboundAsOf(row, false)];
}
