// Corrections: a new dated entry naming the one it corrects; the original stays as written, struck through.
import { differenceOf, effectsOf, type Movement } from './effects.ts';
import type { Effect, EntryDraft, LedgerEntry, Quantity } from './entry.ts';
import { problem, type Outcome } from './problems.ts';

/**
 * How a correction affects balances: it states what the original should have said (its `quantity`; zero
 * voids the original) and carries as its effects the signed delta from what currently stands to that,
 * at every location the original touched. A second correction of the same entry supersedes the first,
 * so its delta is measured from the first correction, not from the original.
 */
export function correctionEffects(target: Movement, standing: Quantity, corrected: Quantity): Effect[] {
  return differenceOf(
    effectsOf({ ...target, quantity: corrected }),
    effectsOf({ ...target, quantity: standing }),
  );
}

/** The corrections of an entry, oldest first. */
export function correctionsOf(entries: readonly LedgerEntry[], entryId: string): LedgerEntry[] {
  return entries
    .filter((e) => e.kind === 'correction' && e.correctsEntryId === entryId)
    .sort((a, b) => a.seq - b.seq);
}

/** The quantity that currently stands for an entry: the latest correction's, or the entry's own. */
export function standingQuantity(entries: readonly LedgerEntry[], entry: LedgerEntry): Quantity {
  return correctionsOf(entries, entry.id).at(-1)?.quantity ?? entry.quantity;
}

/** The entry as a movement, or undefined for a correction (which has no movement of its own). */
export function asMovement(entry: LedgerEntry): Movement | undefined {
  if (entry.kind === 'correction') return undefined;
  const { quantity, locationId, counterpartyLocationId, expected } = entry;
  return { kind: entry.kind, quantity, locationId, counterpartyLocationId, expected };
}

/** What a correction draft corrects, with its movement and standing quantity, or `correction-needs-target`. */
export function correctionTarget(
  draft: EntryDraft,
  entries: readonly LedgerEntry[],
): Outcome<{ readonly entry: LedgerEntry; readonly movement: Movement; readonly standing: Quantity }> {
  const refuse = (text: string) =>
    ({ ok: false, problems: [problem('correction-needs-target', 'correctsEntryId', text)] }) as const;
  const entry = entries.find((e) => e.id === draft.correctsEntryId);
  if (entry === undefined) return refuse('The entry to correct is not in this register.');
  const movement = asMovement(entry);
  if (movement === undefined)
    return refuse('Correct the original entry; a later correction supersedes this one.');
  if (entry.productId !== draft.productId || entry.locationId !== draft.locationId) {
    return refuse('A correction is for the same product and location as the entry it corrects.');
  }
  return { ok: true, value: { entry, movement, standing: standingQuantity(entries, entry) } };
}
