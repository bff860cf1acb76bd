// Running stock per product and location, derived only by adding up entries' effects (never stored, never edited).
import type { LedgerEntry } from './entry.ts';
import type { Product } from './product.ts';
import { addMg, NO_MG, subtractMg, timesMg, type Milligrams } from './units.ts';

/** Stock of one product at one location: sealed containers, and total mg (sealed contents plus opened remainder). */
export interface Balance {
  readonly productId: string;
  readonly locationId: string;
  readonly containers: number;
  readonly mg: Milligrams;
}

/** Nothing in stock. */
export function emptyBalance(productId: string, locationId: string): Balance {
  return { productId, locationId, containers: 0, mg: NO_MG };
}

/** The balance after `entry`: its effects at this balance's product and location added in. */
export function applyEntry(balance: Balance, entry: Pick<LedgerEntry, 'productId' | 'effects'>): Balance {
  if (entry.productId !== balance.productId) return balance;
  let { containers, mg } = balance;
  for (const effect of entry.effects) {
    if (effect.locationId !== balance.locationId) continue;
    containers += effect.containers;
    mg = addMg(mg, effect.mg);
  }
  return { ...balance, containers: containers === 0 ? 0 : containers, mg };
}

/** The balance of a product at a location after all `entries` (order does not change a sum). */
export function balanceOf(entries: readonly LedgerEntry[], productId: string, locationId: string): Balance {
  return entries.reduce(applyEntry, emptyBalance(productId, locationId));
}

const key = (productId: string, locationId: string): string => `${productId}\u0000${locationId}`;

/** Every product and location the entries touch, with its balance, sorted by product then location. */
export function balanceTable(entries: readonly LedgerEntry[]): Balance[] {
  const table = new Map<string, Balance>();
  for (const entry of entries) {
    for (const effect of entry.effects) {
      const at = key(entry.productId, effect.locationId);
      const before = table.get(at) ?? emptyBalance(entry.productId, effect.locationId);
      table.set(at, applyEntry(before, { productId: entry.productId, effects: [effect] }));
    }
  }
  return [...table.values()].sort(
    (a, b) => a.productId.localeCompare(b.productId) || a.locationId.localeCompare(b.locationId),
  );
}

/** The balance for a product and location in a table, or an empty one when it has never held stock. */
export function findBalance(balances: readonly Balance[], productId: string, locationId: string): Balance {
  return (
    balances.find((b) => b.productId === productId && b.locationId === locationId) ??
    emptyBalance(productId, locationId)
  );
}

/** Mg in opened containers: total mg less the contents of the sealed ones. */
export function openMg(balance: Balance, product: Product): Milligrams {
  return subtractMg(balance.mg, timesMg(product.mgPerContainer, balance.containers));
}

/**
 * Whether the balance is possible: no negative sealed containers and no negative opened remainder
 * (so mg is never negative either). Stock can never go negative (security.md R26).
 */
export function isPossible(balance: Balance, product: Product): boolean {
  return balance.containers >= 0 && openMg(balance, product) >= 0;
}
