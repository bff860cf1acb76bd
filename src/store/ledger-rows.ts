// How a register entry is stored: the row, the entry it holds (field for field as hashed), and its hash.
import { createHash } from 'node:crypto';
import { canonicalJson, type Json } from '../domain/audit/canonical-json.ts';
import {
  canonicalEntry,
  milligrams,
  type Effect,
  type LedgerEntry,
  type Quantity,
  type Supplier,
  type WitnessSignature,
} from '../domain/ledger/index.ts';
import { mgFrom } from './ledger-catalog.ts';

export const LEDGER_GENESIS_HASH = '0'.repeat(64);

/** The kind-specific fields, kept together in one json column. */
export interface EntryDetails {
  supplier?: Supplier;
  invoiceNumber?: string;
  lot?: string;
  expiry?: string;
  destructionMethod?: string;
  theft?: boolean;
  expected?: Quantity;
  suppliedToAddress?: string;
}

export interface EntryRow {
  seq: number;
  id: string;
  kind: LedgerEntry['kind'];
  product_id: string;
  location_id: string;
  counterparty_location_id: string | null;
  containers: number;
  mg: string | number;
  occurred_at: string;
  occurred_instant: Date;
  recorded_at: Date;
  author_id: string;
  witnesses: WitnessSignature[];
  patient_id: string | null;
  session_id: string | null;
  administered_by_id: string | null;
  prescriber_id: string | null;
  corrects_entry_id: string | null;
  reason: string | null;
  late_entry_reason: string | null;
  details: EntryDetails;
  effects: { locationId: string; containers: number; mg: number }[];
  prev_hash: string;
  hash: string;
}

/** An entry as stored: the entry and its place in the chain. */
export interface StoredEntry {
  readonly entry: LedgerEntry;
  readonly prevHash: string;
  readonly hash: string;
}

/** `{ key: value }`, or nothing when the value is absent: absent fields stay absent, as hashed. */
export const optional = <K extends string, V>(key: K, value: V | null | undefined): Partial<Record<K, V>> =>
  value === null || value === undefined ? {} : ({ [key]: value } as Record<K, V>);

function effectOf(e: EntryRow['effects'][number]): Effect {
  const mg = milligrams(e.mg);
  if (mg === undefined) throw new Error(`not a quantity in mg: ${e.mg}`);
  return { locationId: e.locationId, containers: e.containers, mg };
}

/** The entry a row holds, field for field as it was hashed (absent fields stay absent). */
export function entryOf(row: EntryRow): LedgerEntry {
  const d = row.details;
  const expected =
    d.expected === undefined ? undefined : { containers: d.expected.containers, mg: mgFrom(d.expected.mg) };
  return {
    id: row.id,
    seq: row.seq,
    kind: row.kind,
    productId: row.product_id,
    locationId: row.location_id,
    authorId: row.author_id,
    quantity: { containers: row.containers, mg: mgFrom(row.mg) },
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at.toISOString(),
    witnesses: row.witnesses.map((w) => ({ userId: w.userId, reauthenticatedAt: w.reauthenticatedAt })),
    effects: row.effects.map(effectOf),
    ...optional('counterpartyLocationId', row.counterparty_location_id),
    ...optional('patientId', row.patient_id),
    ...optional('sessionId', row.session_id),
    ...optional('administeredById', row.administered_by_id),
    ...optional('prescriberId', row.prescriber_id),
    ...optional('correctsEntryId', row.corrects_entry_id),
    ...optional('reason', row.reason),
    ...optional('lateEntryReason', row.late_entry_reason),
    ...optional('supplier', d.supplier),
    ...optional('invoiceNumber', d.invoiceNumber),
    ...optional('lot', d.lot),
    ...optional('expiry', d.expiry),
    ...optional('destructionMethod', d.destructionMethod),
    ...optional('theft', d.theft),
    ...optional('expected', expected),
    ...optional('suppliedToAddress', d.suppliedToAddress),
  };
}

export const storedOf = (row: EntryRow): StoredEntry => ({
  entry: entryOf(row),
  prevHash: row.prev_hash,
  hash: row.hash,
});

/** sha256 of the canonical entry (domain `canonicalEntry`, versioned) together with the previous entry's hash. */
export function ledgerEntryHash(entry: LedgerEntry, prevHash: string): string {
  const body: Json = { entry: canonicalEntry(entry), prevHash };
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}
