// The fields of a register entry that the store hashes into the chain, in a stable, versioned shape.
import type { Json } from '../audit/canonical-json.ts';
import type { LedgerEntry, Quantity } from './entry.ts';

/** Bump when the hashed shape changes; old entries keep verifying under the version they were written with. */
export const CANONICAL_ENTRY_VERSION = 'kaspr.cd-entry.1';

const quantity = (q: Quantity): Json => ({ containers: q.containers, mg: q.mg });

/**
 * Every field of the entry as JSON for hashing (the store adds `prev_hash` and hashes the canonical JSON,
 * as for the audit log, decision 005). Fields are listed explicitly so a new field never changes old
 * hashes by accident; absent optional fields are left out rather than written as null.
 */
export function canonicalEntry(entry: LedgerEntry): Json {
  const optional: Record<string, Json | undefined> = {
    patientId: entry.patientId,
    sessionId: entry.sessionId,
    administeredById: entry.administeredById,
    prescriberId: entry.prescriberId,
    suppliedToAddress: entry.suppliedToAddress,
    counterpartyLocationId: entry.counterpartyLocationId,
    supplier:
      entry.supplier === undefined
        ? undefined
        : {
            name: entry.supplier.name,
            address: entry.supplier.address,
            ...(entry.supplier.registrationNumber === undefined
              ? {}
              : { registrationNumber: entry.supplier.registrationNumber }),
          },
    invoiceNumber: entry.invoiceNumber,
    lot: entry.lot,
    expiry: entry.expiry,
    destructionMethod: entry.destructionMethod,
    theft: entry.theft,
    reason: entry.reason,
    lateEntryReason: entry.lateEntryReason,
    correctsEntryId: entry.correctsEntryId,
    expected: entry.expected === undefined ? undefined : quantity(entry.expected),
  };
  const present = Object.fromEntries(
    Object.entries(optional).filter((pair): pair is [string, Json] => pair[1] !== undefined),
  );
  return {
    version: CANONICAL_ENTRY_VERSION,
    id: entry.id,
    seq: entry.seq,
    kind: entry.kind,
    productId: entry.productId,
    locationId: entry.locationId,
    quantity: quantity(entry.quantity),
    occurredAt: entry.occurredAt,
    recordedAt: entry.recordedAt,
    authorId: entry.authorId,
    witnesses: entry.witnesses.map((w) => ({ userId: w.userId, reauthenticatedAt: w.reauthenticatedAt })),
    effects: entry.effects.map((e) => ({ locationId: e.locationId, containers: e.containers, mg: e.mg })),
    ...present,
  };
}
