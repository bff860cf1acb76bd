// One vocabulary for how sure the evidence behind a piece of clinical content is (decision 014).

/**
 * How sure the evidence behind a fact, rule or default is, mapped from the domain notes' markers
 * (harm.md, clinic.md, security.md):
 * - 'verified'   [V]: read in the primary source;
 * - 'secondary'  [S]: seen only in a secondary source;
 * - 'convention' [U convention]: not confirmed in a source, but the convention the field works by
 *   (PHQ-9 remission below 5, a 50 % drop as response);
 * - 'unverified' [U]: not confirmed;
 * - 'synthesis'  [SYN]: the product's own reasoning from cited sources (a harm level, a review interval,
 *   a threshold taken by analogy);
 * - 'local': KASPR's or a service's own content that makes no published claim (a local checklist, the
 *   skip logic of an imported questionnaire, a register default).
 */
export type Certainty = 'verified' | 'secondary' | 'convention' | 'unverified' | 'synthesis' | 'local';

/** Every certainty, in decreasing strength. */
export const certainties: readonly Certainty[] = [
  'verified',
  'secondary',
  'convention',
  'unverified',
  'synthesis',
  'local',
];

/**
 * The certainties a content pack or a treatment protocol may carry: the four markers of harm.md and
 * clinic.md. Their validators accept only these, so a pack written for an older release still reads.
 */
export type ContentCertainty = 'verified' | 'secondary' | 'unverified' | 'synthesis';

/** Every content certainty, in decreasing strength. */
export const contentCertainties: readonly ContentCertainty[] = [
  'verified',
  'secondary',
  'unverified',
  'synthesis',
];

/**
 * The certainties of the facts behind a shipped instrument or a register default: published, conventional,
 * or local; never the product's synthesis (an instrument is scored as published, not reasoned about).
 */
export type FactCertainty = 'verified' | 'secondary' | 'convention' | 'unverified' | 'local';

/** Every fact certainty, in decreasing strength. */
export const factCertainties: readonly FactCertainty[] = [
  'verified',
  'secondary',
  'convention',
  'unverified',
  'local',
];

/** Where a piece of clinical content came from and how sure that source is. */
export interface Sourced<C extends Certainty = Certainty> {
  readonly source: string;
  readonly certainty: C;
}
