// What a chart may say about allergies: an empty list is "not recorded", never "no known allergies"; only a
// statement that none are known (the record's allergy status, or an NKDA entry) says so.

/** 'recorded' (at least one real allergy), 'nkda' (an explicit no-known-allergies entry only) or 'not-recorded'. */
export type AllergyStatus = 'recorded' | 'nkda' | 'not-recorded';

// An explicit entry clinicians use to say "asked, none known": NKDA, NKA, "No known (drug) allergies".
const NKDA = /^\s*(nkda|nka|no known (drug )?allerg(y|ies))\s*\.?\s*$/i;

/** What the clinician states about allergies: not yet asked, asked and none known (NKDA), or allergies listed. */
export const STATED_ALLERGY_STATUSES = ['not-asked', 'none-known', 'recorded'] as const;
export type StatedAllergyStatus = (typeof STATED_ALLERGY_STATUSES)[number];

/** The rule a record breaks when its allergy status and its list disagree. */
export type AllergyRuleCode = 'allergy-status-contradiction';

/** True for an entry that records "no known allergies" rather than an allergy. */
export function isNoKnownAllergiesEntry(substance: string): boolean {
  return NKDA.test(substance);
}

const realAllergies = (allergies: readonly { substance: string }[]) =>
  allergies.filter((a) => !isNoKnownAllergiesEntry(a.substance));

/**
 * The allergy status of a record. Only a statement that none are known (`stated` none-known, or an NKDA entry and
 * nothing else) means none are known; an empty list means nobody recorded an answer, which must not read as
 * reassurance.
 */
export function allergyStatus(
  allergies: readonly { substance: string }[],
  stated?: StatedAllergyStatus,
): AllergyStatus {
  if (realAllergies(allergies).length > 0) return 'recorded';
  if (stated === 'none-known') return 'nkda';
  return allergies.length > 0 ? 'nkda' : 'not-recorded';
}

/** Why a stated allergy status contradicts the list it comes with, or null when they agree (or none is stated). */
export function allergyStatementProblem(
  stated: StatedAllergyStatus | undefined,
  allergies: readonly { substance: string }[],
): { code: AllergyRuleCode; text: string } | null {
  const listed = realAllergies(allergies).length;
  const code = 'allergy-status-contradiction';
  if (stated === 'none-known' && listed > 0) {
    const n = listed === 1 ? 'an allergy' : `${String(listed)} allergies`;
    return {
      code,
      text: `The record says no known allergies but lists ${n}: remove them or record the allergies.`,
    };
  }
  if (stated === 'not-asked' && listed > 0) {
    return {
      code,
      text: 'The record says allergies were not asked but lists allergies: set the status to allergies recorded.',
    };
  }
  if (stated === 'recorded' && listed === 0) {
    return {
      code,
      text: 'The record says allergies are recorded but lists none: add them, or record none known.',
    };
  }
  return null;
}

/** The banner's words for a list with no real allergy. */
export const ALLERGY_STATUS_TEXT: Readonly<Record<Exclude<AllergyStatus, 'recorded'>, string>> = {
  nkda: 'No known allergies',
  'not-recorded': 'Allergies not yet asked: ask, then record them or record that none are known',
};
