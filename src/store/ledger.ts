// The controlled-drug register's entries: append-only, hash-chained, appended under one lock so stock never goes negative.
import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson, type Json } from '../domain/audit/canonical-json.ts';
import {
  balanceTable,
  canonicalEntry,
  findBalance,
  instantMs,
  milligrams,
  problem,
  recordEntry,
  validateEntry,
  type Balance,
  type Effect,
  type EntryDraft,
  type LedgerEntry,
  type LedgerProblem,
  type Quantity,
  type Supplier,
  type WitnessSignature,
} from '../domain/ledger/index.ts';
import type { ChainVerification } from './audit.ts';
import type { Queryable } from './db.ts';
import { findLocation, findProduct, mgFrom, policyOf, readLedgerSettings } from './ledger-catalog.ts';

export * from './ledger-catalog.ts';

/** The audit chain's lock (store/audit.ts). Taken before the register's own, in every writer, so the two never deadlock. */
const AUDIT_CHAIN_LOCK_KEY = 727_002;
/** One lock for the register's single chain: every writer holds it from reading balances to committing. */
const LEDGER_CHAIN_LOCK_KEY = 727_003;
export const LEDGER_GENESIS_HASH = '0'.repeat(64);

/**
 * Serialises register writers for the rest of the transaction (R26). Takes the audit chain's lock first, so a
 * transaction that already appended an audit entry and one that will append it after the register entry
 * always take the two locks in the same order. Advisory locks are re-entrant: calling it twice is harmless.
 */
export async function lockLedger(tx: Queryable): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK_KEY]);
  await tx.query('SELECT pg_advisory_xact_lock($1)', [LEDGER_CHAIN_LOCK_KEY]);
}

interface EntryDetails {
  supplier?: Supplier;
  invoiceNumber?: string;
  lot?: string;
  expiry?: string;
  destructionMethod?: string;
  theft?: boolean;
  expected?: Quantity;
}

interface EntryRow {
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

const optional = <K extends string, V>(key: K, value: V | null | undefined): Partial<Record<K, V>> =>
  value === null || value === undefined ? {} : ({ [key]: value } as Record<K, V>);

function effectOf(e: EntryRow['effects'][number]): Effect {
  const mg = milligrams(e.mg);
  if (mg === undefined) throw new Error(`not a quantity in mg: ${e.mg}`);
  return { locationId: e.locationId, containers: e.containers, mg };
}

/** The entry a row holds, field for field as it was hashed (absent fields stay absent). */
function entryOf(row: EntryRow): LedgerEntry {
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
  };
}

const storedOf = (row: EntryRow): StoredEntry => ({
  entry: entryOf(row),
  prevHash: row.prev_hash,
  hash: row.hash,
});

/** sha256 of the canonical entry (domain `canonicalEntry`, versioned) together with the previous entry's hash. */
export function ledgerEntryHash(entry: LedgerEntry, prevHash: string): string {
  const body: Json = { entry: canonicalEntry(entry), prevHash };
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

async function insertEntry(tx: Queryable, entry: LedgerEntry, prevHash: string, hash: string): Promise<void> {
  const details: EntryDetails = {
    ...optional('supplier', entry.supplier),
    ...optional('invoiceNumber', entry.invoiceNumber),
    ...optional('lot', entry.lot),
    ...optional('expiry', entry.expiry),
    ...optional('destructionMethod', entry.destructionMethod),
    ...optional('theft', entry.theft),
    ...optional('expected', entry.expected),
  };
  await tx.query(
    `INSERT INTO cd_entries (seq, id, kind, product_id, location_id, counterparty_location_id, containers, mg,
       occurred_at, occurred_instant, recorded_at, author_id, witnesses, patient_id, session_id, administered_by_id,
       prescriber_id, corrects_entry_id, reason, late_entry_reason, details, effects, prev_hash, hash)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24)`,
    [
      entry.seq,
      entry.id,
      entry.kind,
      entry.productId,
      entry.locationId,
      entry.counterpartyLocationId ?? null,
      entry.quantity.containers,
      entry.quantity.mg,
      entry.occurredAt,
      new Date(instantMs(entry.occurredAt) ?? Number.NaN),
      new Date(entry.recordedAt),
      entry.authorId,
      JSON.stringify(entry.witnesses),
      entry.patientId ?? null,
      entry.sessionId ?? null,
      entry.administeredById ?? null,
      entry.prescriberId ?? null,
      entry.correctsEntryId ?? null,
      entry.reason ?? null,
      entry.lateEntryReason ?? null,
      JSON.stringify(details),
      JSON.stringify(entry.effects),
      prevHash,
      hash,
    ],
  );
}

/**
 * Every entry (of one product, when given) in register order; with `locationIds`, only the entries at one of
 * those locations or transferring to one (a reader's scope).
 */
export async function listStoredEntries(
  db: Queryable,
  productId?: string,
  locationIds?: ReadonlySet<string>,
): Promise<StoredEntry[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (productId !== undefined) {
    params.push(productId);
    where.push(`product_id = $${params.length}`);
  }
  if (locationIds !== undefined) {
    params.push([...locationIds]);
    where.push(
      `(location_id = ANY($${params.length}::uuid[]) OR counterparty_location_id = ANY($${params.length}::uuid[]))`,
    );
  }
  const rows = await db.query<EntryRow>(
    `SELECT * FROM cd_entries ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`} ORDER BY seq`,
    params,
  );
  return rows.map(storedOf);
}

export async function listEntries(db: Queryable, productId?: string): Promise<LedgerEntry[]> {
  return (await listStoredEntries(db, productId)).map((s) => s.entry);
}

export async function findStoredEntry(db: Queryable, id: string): Promise<StoredEntry | undefined> {
  const rows = await db.query<EntryRow>('SELECT * FROM cd_entries WHERE id = $1', [id]);
  return rows[0] ? storedOf(rows[0]) : undefined;
}

async function chainHead(tx: Queryable): Promise<EntryRow | undefined> {
  const rows = await tx.query<EntryRow>('SELECT * FROM cd_entries ORDER BY seq DESC LIMIT 1');
  return rows[0];
}

/** Ties the entry's locations to its patient (derived data: how a reader's services reach a location). */
async function notePatientLocations(tx: Queryable, entry: LedgerEntry): Promise<void> {
  if (entry.patientId === undefined) return;
  await tx.query(
    `INSERT INTO cd_location_patients (location_id, patient_id)
     SELECT l, $3::uuid FROM unnest(ARRAY[$1::uuid, $2::uuid]) AS l WHERE l IS NOT NULL
     ON CONFLICT DO NOTHING`,
    [entry.locationId, entry.counterpartyLocationId ?? null, entry.patientId],
  );
}

/** What a caller drafts: a domain draft; its author is given beside it and wins. */
export type LedgerDraft = Omit<EntryDraft, 'authorId'> & { readonly authorId?: string };

export interface RecordLedgerInput {
  readonly draft: LedgerDraft;
  readonly authorId: string;
  /**
   * The time the entry is made. Pass the clock (`ctx.now`) rather than a Date to read it after the lock is
   * taken: a Date read before can be earlier than an entry another writer committed meanwhile, which the
   * domain refuses as `out-of-sequence`.
   */
  readonly now: Date | (() => Date);
}

export type LedgerWriteResult =
  | {
      readonly ok: true;
      readonly entry: LedgerEntry;
      /** The balance at the entry's own location after it. */
      readonly balanceAfter: Balance;
      /** The balance after it at every location it names (a transfer's destination too). */
      readonly balancesAfter: readonly Balance[];
    }
  | {
      readonly ok: false;
      readonly problems: readonly LedgerProblem[];
      /** The product's balances the draft was checked against (the numbers behind `insufficient-stock`). */
      readonly balances: readonly Balance[];
    };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ID_FIELDS = [
  'productId',
  'locationId',
  'counterpartyLocationId',
  'patientId',
  'administeredById',
  'prescriberId',
  'correctsEntryId',
  'authorId',
] as const;

/**
 * Ids in lower case, as the uuid columns will give them back (so the hash verifies), or a problem naming
 * each one that is not a uuid.
 */
function normalised(draft: EntryDraft): { draft: EntryDraft; problems: LedgerProblem[] } {
  const problems: LedgerProblem[] = [];
  const out: Record<string, unknown> = { ...draft };
  for (const field of ID_FIELDS) {
    const value = draft[field];
    if (value === undefined) continue;
    const lower = value.toLowerCase();
    if (UUID.test(lower)) out[field] = lower;
    else problems.push(problem('wrong-kind-fields', field, `${field} must be a uuid.`));
  }
  const witnesses = (draft.witnesses ?? []).map((w, i) => {
    const userId = w.userId.toLowerCase();
    if (userId !== '' && !UUID.test(userId))
      problems.push(problem('wrong-kind-fields', `witnesses[${i}].userId`, 'A witness is a user id.'));
    return { userId, reauthenticatedAt: w.reauthenticatedAt };
  });
  if (draft.witnesses !== undefined) out.witnesses = witnesses;
  return { draft: out as unknown as EntryDraft, problems };
}

/**
 * Appends one register entry inside the caller's transaction, for the route and for the treatment session's
 * administration alike: takes the locks (audit chain, then register), reads the product, location, policy,
 * the product's entries and balances AFTER the lock, validates with the domain, and appends the entry with
 * the next gapless `seq` and its hash. Refusals write nothing and come back as the domain's problems; the
 * caller writes its own audit entry. Throws only for database errors (e.g. an unknown patient id).
 */
export async function recordLedgerEntry(tx: Queryable, input: RecordLedgerInput): Promise<LedgerWriteResult> {
  await lockLedger(tx);
  const now = typeof input.now === 'function' ? input.now() : input.now;
  const { draft, problems: idProblems } = normalised({ ...input.draft, authorId: input.authorId });
  if (idProblems.length > 0) return { ok: false, problems: idProblems, balances: [] };
  const product = await findProduct(tx, draft.productId);
  const location = await findLocation(tx, draft.locationId);
  const refusals: LedgerProblem[] = [];
  if (!product) refusals.push(problem('invalid-product', 'productId', 'No such product in the register.'));
  if (!location) refusals.push(problem('wrong-kind-fields', 'locationId', 'No such stock location.'));
  const destination = draft.counterpartyLocationId;
  if (destination !== undefined && !(await findLocation(tx, destination))) {
    refusals.push(problem('transfer-needs-destination', 'counterpartyLocationId', 'No such stock location.'));
  }
  if (!product || !location || refusals.length > 0) return { ok: false, problems: refusals, balances: [] };

  const entries = await listEntries(tx, product.id);
  const balances = balanceTable(entries);
  const head = await chainHead(tx);
  // The chain head (maybe another product's entry) carries the register's latest time, for the time order.
  const context = head && head.product_id !== product.id ? [...entries, entryOf(head)] : entries;
  const policy = policyOf(await readLedgerSettings(tx));
  const checked = validateEntry(draft, { product, location, balances, policy, now, entries: context });
  if (!checked.ok) return { ok: false, problems: checked.problems, balances };

  const entry = recordEntry(checked.value, randomUUID(), (head?.seq ?? 0) + 1);
  const prevHash = head?.hash ?? LEDGER_GENESIS_HASH;
  await insertEntry(tx, entry, prevHash, ledgerEntryHash(entry, prevHash));
  await notePatientLocations(tx, entry);
  const after = balanceTable([...entries, entry]);
  const touched = [...new Set([entry.locationId, ...entry.effects.map((e) => e.locationId)])];
  if (entry.counterpartyLocationId !== undefined && !touched.includes(entry.counterpartyLocationId))
    touched.push(entry.counterpartyLocationId);
  return {
    ok: true,
    entry,
    balanceAfter: findBalance(after, product.id, location.id),
    balancesAfter: touched.map((locationId) => findBalance(after, product.id, locationId)),
  };
}

/** Stock of every product at every location it has touched, from the sums of the entries' effects. */
export async function currentBalances(db: Queryable, productId?: string): Promise<Balance[]> {
  return balanceTable(await listEntries(db, productId));
}

/**
 * Recomputes every entry's hash in register order from the columns (the canonical entry plus the previous
 * hash), and checks each links to the one before, with no gaps (security.md §4, R22).
 */
export async function verifyLedgerChain(db: Queryable, batchSize = 2000): Promise<ChainVerification> {
  let expectedSeq = 1;
  let prevHash = LEDGER_GENESIS_HASH;
  let rows = 0;
  const broken = (seq: number, why: 'hash-mismatch' | 'prev-hash-mismatch' | 'gap'): ChainVerification => ({
    intact: false,
    rows,
    headHash: prevHash,
    brokenAt: { seq, problem: why },
  });
  for (;;) {
    const batch = await db.query<EntryRow>('SELECT * FROM cd_entries WHERE seq >= $1 ORDER BY seq LIMIT $2', [
      expectedSeq,
      batchSize,
    ]);
    for (const row of batch) {
      if (row.seq !== expectedSeq) return broken(expectedSeq, 'gap');
      if (row.prev_hash !== prevHash) return broken(row.seq, 'prev-hash-mismatch');
      let hash: string;
      try {
        hash = ledgerEntryHash(entryOf(row), row.prev_hash);
      } catch {
        return broken(row.seq, 'hash-mismatch');
      }
      // The instant is derived from the hashed text; a change to it alone is tampering too.
      const instantAgrees = row.occurred_instant.getTime() === instantMs(row.occurred_at);
      if (hash !== row.hash || !instantAgrees) return broken(row.seq, 'hash-mismatch');
      prevHash = row.hash;
      expectedSeq += 1;
      rows += 1;
    }
    if (batch.length < batchSize) break;
  }
  return { intact: true, rows, headHash: prevHash };
}
