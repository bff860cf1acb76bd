// Register entries: the kinds, the draft a user submits, and the immutable entry the store appends.
import type { Milligrams } from './units.ts';

/** Every kind of register entry (issue C5). */
export const ENTRY_KINDS = [
  'receipt',
  'administration',
  'waste',
  'transfer',
  'return',
  'destruction',
  'loss',
  'count',
  'correction',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/**
 * How much, as entered. `containers` counts sealed containers: received, moved or destroyed whole, or
 * opened for a draw (administration). `mg` is the total drug. See quantity.ts for the rule per kind.
 */
export interface QuantityDraft {
  readonly containers?: number;
  readonly mg?: number;
}

/** A resolved amount: sealed containers (whole) and total mg (sealed contents plus any opened remainder). */
export interface Quantity {
  readonly containers: number;
  readonly mg: Milligrams;
}

/** A signed change to the stock of the entry's product at one location. Balances are sums of effects. */
export interface Effect {
  readonly locationId: string;
  readonly containers: number;
  readonly mg: Milligrams;
}

/** A supplier (or the supplier stock is returned to): US 21 CFR 1304.22(c)(3) needs name, address and DEA no. */
export interface Supplier {
  readonly name: string;
  readonly address: string;
  /** DEA registration number in US mode; a wholesale dealer's licence number where the service keeps one. */
  readonly registrationNumber?: string;
}

/** A second user's co-signature; the API checks their password and stamps when they re-authenticated. */
export interface WitnessSignature {
  readonly userId: string;
  readonly reauthenticatedAt: string;
}

/** What a user submits. Times are ISO 8601 instants with an offset ("2026-03-02T09:15:00+00:00"). */
export interface EntryDraft {
  readonly kind: EntryKind;
  readonly productId: string;
  readonly locationId: string;
  readonly quantity?: QuantityDraft;
  /** When the transaction happened (a loss: when it was discovered). A correction is dated when it is made. */
  readonly occurredAt?: string;
  readonly authorId: string;
  readonly witnesses?: readonly WitnessSignature[];
  readonly patientId?: string;
  readonly sessionId?: string;
  /** Who gave the drug; the author when not given. */
  readonly administeredById?: string;
  /** UK reg 19 "authority to possess": the prescriber. */
  readonly prescriberId?: string;
  /**
   * Administration: the address of the person supplied, as entered or taken from their record when the entry was
   * made (reg 19 "name and address of person … supplied"; 21 CFR 1304.22(c)(4) "name and address of the
   * patient", clinic.md §5). Kept with the entry so a later change of address never alters the register (reg 20).
   */
  readonly suppliedToAddress?: string;
  /** Transfer: the destination location. */
  readonly counterpartyLocationId?: string;
  readonly supplier?: Supplier;
  readonly invoiceNumber?: string;
  readonly lot?: string;
  /** Expiry date 'YYYY-MM-DD'. */
  readonly expiry?: string;
  /** Destruction: the method (denaturing kit, reverse distributor …), US 1304.22(c)(5) "manner of disposal". */
  readonly destructionMethod?: string;
  /** Loss: true when theft is suspected (always reportable in the US, 21 CFR 1301.76(b)). */
  readonly theft?: boolean;
  /** Why: the circumstances of a loss, the explanation of a count discrepancy, the reason for a correction. */
  readonly reason?: string;
  /** Why the entry is made more than a day after the transaction (MDR reg 20(b), security.md R24). */
  readonly lateEntryReason?: string;
  /** Correction: the entry it corrects. */
  readonly correctsEntryId?: string;
}

/** The entry as checked, before the store gives it an id and a sequence number. */
export interface CheckedEntry extends Omit<EntryDraft, 'quantity' | 'occurredAt' | 'witnesses'> {
  /**
   * The amount moved; for a count, the amount counted; for a correction, what the corrected entry
   * should have said (zero voids it).
   */
  readonly quantity: Quantity;
  readonly occurredAt: string;
  /** When the entry was made (the server's clock at validation). */
  readonly recordedAt: string;
  readonly witnesses: readonly WitnessSignature[];
  /** Count: the balance the register showed when the count was made. */
  readonly expected?: Quantity;
  /** What the entry does to balances; a correction carries the signed delta that fixes the original. */
  readonly effects: readonly Effect[];
}

declare const validBrand: unique symbol;

/** Proof that `validateEntry` accepted the draft against the balances and policy of the moment. */
export type ValidEntry = CheckedEntry & { readonly [validBrand]: true };

/** An appended register entry; never changed once written. */
export interface LedgerEntry extends CheckedEntry {
  readonly id: string;
  /** Gapless position in the register, given by the store inside the writing transaction. */
  readonly seq: number;
}

/** The entry to append: a valid entry with the id and sequence number the store allocated. */
export function recordEntry(valid: ValidEntry, id: string, seq: number): LedgerEntry {
  return { ...valid, id, seq };
}
