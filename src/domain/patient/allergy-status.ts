// What a chart may say about allergies: an empty list is "not recorded", never "no known allergies".

/** 'recorded' (at least one real allergy), 'nkda' (an explicit no-known-allergies entry only) or 'not-recorded'. */
export type AllergyStatus = 'recorded' | 'nkda' | 'not-recorded';

// An explicit entry clinicians use to say "asked, none known": NKDA, NKA, "No known (drug) allergies".
const NKDA = /^\s*(nkda|nka|no known (drug )?allerg(y|ies))\s*\.?\s*$/i;

/** True for an entry that records "no known allergies" rather than an allergy. */
export function isNoKnownAllergiesEntry(substance: string): boolean {
  return NKDA.test(substance);
}

/**
 * The allergy status of a list. Only an explicit NKDA entry (and nothing else) means none are known; an empty
 * list means nobody recorded an answer, which must not read as reassurance.
 */
export function allergyStatus(allergies: readonly { substance: string }[]): AllergyStatus {
  const real = allergies.filter((a) => !isNoKnownAllergiesEntry(a.substance));
  if (real.length > 0) return 'recorded';
  return allergies.length > 0 ? 'nkda' : 'not-recorded';
}

/** The banner's words for a list with no real allergy. */
export const ALLERGY_STATUS_TEXT: Readonly<Record<Exclude<AllergyStatus, 'recorded'>, string>> = {
  nkda: 'No known allergies (NKDA recorded)',
  'not-recorded': 'Allergies not recorded: ask and record them, or record NKDA',
};
