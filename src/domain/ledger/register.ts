// The register page: entries in the order they were made, each with the balance after it and its corrections.
import { applyEntry, emptyBalance, type Balance } from './balance.ts';
import type { LedgerEntry } from './entry.ts';
import { instantMs } from './timing.ts';

/** One line of the register. */
export interface RegisterLine {
  readonly entry: LedgerEntry;
  /** Balance after the entry at each location it names: its own, then a transfer's destination. */
  readonly balancesAfter: readonly Balance[];
  /**
   * Later corrections of this entry, oldest first. The entry stays as written and is shown struck
   * through, with each correction as a dated footnote (MDR reg 20(c)).
   */
  readonly correctedBy: readonly string[];
}

/** Entries in register order: by sequence number, which is the order they were made (reg 19). */
export function inRegisterOrder(entries: readonly LedgerEntry[]): LedgerEntry[] {
  return [...entries].sort((a, b) => a.seq - b.seq);
}

/** True when sequence numbers rise strictly and no entry was recorded before the one above it. */
export function isChronological(entries: readonly LedgerEntry[]): boolean {
  return entries.every((entry, i) => {
    const before = entries[i - 1];
    if (before === undefined) return true;
    const [at, previous] = [instantMs(entry.recordedAt), instantMs(before.recordedAt)];
    return entry.seq > before.seq && at !== undefined && previous !== undefined && at >= previous;
  });
}

const key = (productId: string, locationId: string): string => `${productId}\u0000${locationId}`;

/** Every entry in register order with the running balance after it (a correction moves the balance by its delta). */
export function runningBalances(entries: readonly LedgerEntry[]): RegisterLine[] {
  const ordered = inRegisterOrder(entries);
  const corrections = new Map<string, string[]>();
  for (const entry of ordered) {
    if (entry.correctsEntryId === undefined) continue;
    corrections.set(entry.correctsEntryId, [...(corrections.get(entry.correctsEntryId) ?? []), entry.id]);
  }
  const balances = new Map<string, Balance>();
  return ordered.map((entry) => {
    const locations = [entry.locationId, ...entry.effects.map((e) => e.locationId)];
    if (entry.counterpartyLocationId !== undefined) locations.push(entry.counterpartyLocationId);
    const balancesAfter = [...new Set(locations)].map((locationId) => {
      const at = key(entry.productId, locationId);
      const after = applyEntry(balances.get(at) ?? emptyBalance(entry.productId, locationId), entry);
      balances.set(at, after);
      return after;
    });
    return { entry, balancesAfter, correctedBy: corrections.get(entry.id) ?? [] };
  });
}

/** One line of a section of the register: the balance after it at that section's location. */
export interface SectionLine {
  readonly entry: LedgerEntry;
  readonly balanceAfter: Balance;
  readonly correctedBy: readonly string[];
}

/** The register section for one product at one location, in register order. */
export function registerSection(
  entries: readonly LedgerEntry[],
  productId: string,
  locationId: string,
): SectionLine[] {
  return runningBalances(entries.filter((e) => e.productId === productId)).flatMap((line) => {
    const balanceAfter = line.balancesAfter.find((b) => b.locationId === locationId);
    return balanceAfter === undefined
      ? []
      : [{ entry: line.entry, balanceAfter, correctedBy: line.correctedBy }];
  });
}
