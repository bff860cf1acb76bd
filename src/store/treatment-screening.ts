// Treatment screening records: referrals with their indication, and prescriber-signed eligibility decisions.
import type { z } from 'zod';
import type { EligibilityFlags } from '../domain/treatment/eligibility-flags.ts';
import type { IndicationCheck } from '../domain/treatment/indications.ts';
import type { Route } from '../domain/treatment/protocol-types.ts';
import type { eligibilitySchema } from '../schemas/treatment.ts';
import { insertRow, type Queryable } from './db.ts';

type Eligibility = z.output<typeof eligibilitySchema>;

/** The checklist as signed, with the contraindications asked about. */
export type SignedChecklist = Eligibility['checklist'] & {
  contraindications: Eligibility['contraindications'];
};

export interface ReferralRow {
  id: string;
  indication: string;
  indication_other: string | null;
  flags: IndicationCheck['flags'];
  referrer: string | null;
  received_on: string | null;
  recorded_at: Date;
}

export interface EligibilityRow {
  id: string;
  route: Route;
  checklist: SignedChecklist;
  flags: EligibilityFlags;
  decision: Eligibility['decision'];
  note: string | null;
  signed_at: Date;
  display_name: string;
}

/** Stores a referral; returns its id. */
export function insertReferral(
  tx: Queryable,
  r: {
    patientId: string;
    indication: string;
    indicationOther: string | null;
    flags: unknown;
    referrer: string | null;
    receivedOn: string | null;
    recordedAt: Date;
    recordedBy: string;
  },
): Promise<string> {
  return insertRow(tx, 'treatment_referrals', {
    patient_id: r.patientId,
    indication: r.indication,
    indication_other: r.indicationOther,
    flags: JSON.stringify(r.flags),
    referrer: r.referrer,
    received_on: r.receivedOn,
    recorded_at: r.recordedAt,
    recorded_by: r.recordedBy,
  });
}

/** Stores a signed eligibility decision; returns its id. */
export function insertEligibility(
  tx: Queryable,
  e: {
    patientId: string;
    route: string;
    checklist: unknown;
    flags: unknown;
    decision: string;
    note: string | null;
    signedAt: Date;
    signedBy: string;
  },
): Promise<string> {
  return insertRow(tx, 'treatment_eligibility', {
    patient_id: e.patientId,
    route: e.route,
    checklist: JSON.stringify(e.checklist),
    flags: JSON.stringify(e.flags),
    decision: e.decision,
    note: e.note,
    signed_at: e.signedAt,
    signed_by: e.signedBy,
  });
}

/** The patient's eligibility decisions, newest first, with the signer's name. */
export function listEligibility(db: Queryable, patientId: string): Promise<EligibilityRow[]> {
  return db.query<EligibilityRow>(
    `SELECT e.*, u.display_name FROM treatment_eligibility e JOIN users u ON u.id = e.signed_by WHERE e.patient_id = $1 ORDER BY e.signed_at DESC`,
    [patientId],
  );
}

/** The patient's referrals, newest first. */
export function listReferrals(db: Queryable, patientId: string): Promise<ReferralRow[]> {
  return db.query<ReferralRow>(
    'SELECT * FROM treatment_referrals WHERE patient_id = $1 ORDER BY recorded_at DESC',
    [patientId],
  );
}

/** The indication of the patient's latest referral, or null when there is none. */
export async function latestReferralIndication(db: Queryable, patientId: string): Promise<string | null> {
  const [row] = await db.query<{ indication: string }>(
    'SELECT indication FROM treatment_referrals WHERE patient_id = $1 ORDER BY recorded_at DESC LIMIT 1',
    [patientId],
  );
  return row?.indication ?? null;
}
