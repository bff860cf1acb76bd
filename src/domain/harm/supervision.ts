// Supervision queue rules: which harm decisions and reviews a supervisor must see, and how each is summarised.
import type { LevelNumber } from './pack-types.ts';

/** Why an item is on the supervision queue (harm.md §3.2 NICE CG51 1.1.1.4: staff receive appropriate supervision). */
export type SupervisionKind = 'override' | 'level-4' | 'level-rose' | 'overdue-review';

/** Every kind, in the order the queue explains them. */
export const supervisionKinds: readonly SupervisionKind[] = [
  'override',
  'level-4',
  'level-rose',
  'overdue-review',
];

/** What the queue needs to know about one clinician's decision on a level of need. */
export interface DecisionForSupervision {
  readonly overridden: boolean;
  readonly proposedLevel: LevelNumber;
  readonly confirmedLevel: LevelNumber;
  /** The level confirmed at the patient's previous decision; null for a first decision. */
  readonly previousLevel: LevelNumber | null;
  readonly reason: string | null;
  /** The decider's display name (staff, not patient data). */
  readonly decidedBy: string;
}

/** One reason an item is on the queue, with its one-line summary. */
export interface SupervisionEntry {
  readonly kind: SupervisionKind;
  readonly summary: string;
}

/**
 * The queue entries a decision raises until a supervisor signs it off: every override (with its reason);
 * a level-4 (urgent) decision that was not an override (an override to 4 is already listed as an override);
 * and any rise from the patient's previous confirmed level. A decision may raise two entries.
 */
export function decisionSupervisionEntries(d: DecisionForSupervision): SupervisionEntry[] {
  const entries: SupervisionEntry[] = [];
  if (d.overridden)
    entries.push({
      kind: 'override',
      summary: `${d.decidedBy} set level ${d.confirmedLevel} (proposed ${d.proposedLevel}): ${d.reason ?? ''}`,
    });
  else if (d.confirmedLevel === 4)
    entries.push({ kind: 'level-4', summary: `Level 4 (urgent) confirmed by ${d.decidedBy}` });
  if (d.previousLevel !== null && d.confirmedLevel > d.previousLevel)
    entries.push({
      kind: 'level-rose',
      summary: `Level rose from ${d.previousLevel} to ${d.confirmedLevel}`,
    });
  return entries;
}

/** A review is overdue once its due date ('YYYY-MM-DD') is before today: due today is not yet overdue. */
export function isReviewOverdue(reviewDue: string, today: string): boolean {
  return reviewDue < today;
}

/** The queue entry for a review not yet done, or null while it is not overdue. */
export function overdueReviewEntry(
  review: { readonly reviewDue: string; readonly level: number },
  today: string,
): SupervisionEntry | null {
  if (!isReviewOverdue(review.reviewDue, today)) return null;
  return {
    kind: 'overdue-review',
    summary: `Review was due ${review.reviewDue} (level ${review.level})`,
  };
}
