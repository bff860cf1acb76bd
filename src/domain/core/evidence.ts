// One vocabulary for how sure the evidence behind a piece of clinical content is (decision 014).

/**
 * How sure the evidence behind a fact, rule or default is, strongest first, mapped from the domain notes'
 * markers (harm.md, clinic.md, security.md):
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
export type Certainty = ContentCertainty | FactCertainty;

/**
 * The certainties a content pack or a treatment protocol may carry: the four markers of harm.md and
 * clinic.md. Their validators accept only these, so a pack written for an older release still reads.
 */
export const contentCertainties = ['verified', 'secondary', 'unverified', 'synthesis'] as const;

/** A content certainty. */
export type ContentCertainty = (typeof contentCertainties)[number];

/**
 * The certainties of the facts behind a shipped instrument or a register default: published, conventional,
 * or local; never the product's synthesis (an instrument is scored as published, not reasoned about).
 */
export const factCertainties = ['verified', 'secondary', 'convention', 'unverified', 'local'] as const;

/** A fact certainty. */
export type FactCertainty = (typeof factCertainties)[number];

/** Where a piece of clinical content came from and how sure that source is. */
export interface Sourced<C extends Certainty = Certainty> {
  readonly source: string;
  readonly certainty: C;
}
