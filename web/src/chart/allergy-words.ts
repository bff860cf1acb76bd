// The chart's words for a record with no allergy listed: "No known allergies (recorded by … on …)" or "not yet asked".
import {
  ALLERGY_STATUS_TEXT,
  allergyStatus,
  type AllergyStatus,
} from '../../../src/domain/patient/allergy-status.ts';
import type { PatientRecord } from '../../../src/schemas/patient.ts';
import { formatDateTime } from '../ui/format.ts';

type AllergyFacts = Pick<PatientRecord, 'allergies' | 'allergyStatus' | 'allergyStatusRecorded'>;

/** The record's allergy status, from its list and what was stated. */
export function chartAllergyStatus(p: AllergyFacts): AllergyStatus {
  return allergyStatus(p.allergies, p.allergyStatus);
}

/** The sentence for a record with no real allergy listed, naming who stated "none known" and when. */
export function noAllergyText(p: AllergyFacts, status: Exclude<AllergyStatus, 'recorded'>): string {
  const by = p.allergyStatusRecorded;
  if (status === 'nkda' && p.allergyStatus === 'none-known' && by) {
    return `${ALLERGY_STATUS_TEXT.nkda} (recorded by ${by.recordedBy.displayName} on ${formatDateTime(by.recordedAt)})`;
  }
  return ALLERGY_STATUS_TEXT[status];
}
