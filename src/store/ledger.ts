// The controlled-drug register's entries: append-only, hash-chained, appended under one lock so stock never goes negative.
import { randomUUID } from 'node:crypto';
import {
  applyEntry,
  emptyBalance,
  findBalance,
  instantMs,
  problem,
  recordEntry,
  validateEntry,
  type Balance,
  type EntryDraft,
  type LedgerEntry,
  type LedgerProblem,
} from '../domain/ledger/index.ts';
import type { Queryable } from './db.ts';
import { findLocation, findProduct, mgFrom, policyOf, readLedgerSettings } from './ledger-catalog.ts';
import {
  entryOf,
  ledgerEntryHash,
  LEDGER_GENESIS_HASH,
  optional,
  storedOf,
  type EntryDetails,
  type EntryRow,
  type StoredEntry,
} from './ledger-rows.ts';

export * from './ledger-catalog.ts';
export * from './ledger-verify.ts';
export { LEDGER_GENESIS_HASH, ledgerEntryHash, type StoredEntry } from './ledger-rows.ts';

/** One lock for the register's single chain: every writer holds it from reading balances to committing. */
const LEDGER_CHAIN_LOCK_KEY = 727_003;

/**
 * Serialises register writers for the rest of the transaction (R26). Advisory locks are re-entrant: calling it
 * twice is harmless. (Audit entries take no lock: the audit sealer orders them later, decision record 016.)
 */
export async function lockLedger(tx: Queryable): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [LEDGER_CHAIN_LOCK_KEY]);
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
    ...optional('suppliedToAddress', entry.suppliedToAddress),
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

/** The chain head: the entry with the highest seq (read through the primary key's index). */
async function chainHead(tx: Queryable): Promise<EntryRow | undefined> {
  const rows = await tx.query<EntryRow>('SELECT * FROM cd_entries ORDER BY seq DESC LIMIT 1');
  return rows[0];
}

/** The product's latest entry (index cd_entries_product_seq), for the time order. */
async function latestOfProduct(tx: Queryable, productId: string): Promise<EntryRow | undefined> {
  const rows = await tx.query<EntryRow>(
    'SELECT * FROM cd_entries WHERE product_id = $1 ORDER BY seq DESC LIMIT 1',
    [productId],
  );
  return rows[0];
}

interface BalanceRow {
  product_id: string;
  location_id: string;
  containers: string | number;
  mg: string | number;
}

const balanceOfRow = (row: BalanceRow): Balance => ({
  productId: row.product_id,
  locationId: row.location_id,
  containers: Number(row.containers),
  mg: mgFrom(row.mg),
});

const byProductThenLocation = (a: Balance, b: Balance): number =>
  a.productId.localeCompare(b.productId) || a.locationId.localeCompare(b.locationId);

/**
 * The kept running balances (table cd_balances, migration 017) of one product, or of all: one row per product
 * and location any entry's effects touched, in the order `balanceTable` gives. Kept in step with the entries by
 * `recordLedgerEntry`; `verifyLedgerBalances` recomputes them.
 */
export async function keptBalances(db: Queryable, productId?: string): Promise<Balance[]> {
  const rows =
    productId === undefined
      ? await db.query<BalanceRow>('SELECT product_id, location_id, containers, mg FROM cd_balances')
      : await db.query<BalanceRow>(
          'SELECT product_id, location_id, containers, mg FROM cd_balances WHERE product_id = $1',
          [productId],
        );
  return rows.map(balanceOfRow).sort(byProductThenLocation);
}

/** Adds the entry's effects to the kept balances, in the entry's own transaction. */
async function keepBalances(tx: Queryable, entry: LedgerEntry): Promise<void> {
  for (const effect of entry.effects) {
    await tx.query(
      `INSERT INTO cd_balances (product_id, location_id, containers, mg, last_seq) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (product_id, location_id) DO UPDATE SET containers = cd_balances.containers + EXCLUDED.containers,
         mg = cd_balances.mg + EXCLUDED.mg, last_seq = EXCLUDED.last_seq`,
      [entry.productId, effect.locationId, effect.containers, effect.mg, entry.seq],
    );
  }
}

/**
 * What the domain needs of the register to check a draft, read without scanning it: the chain head and the
 * product's latest entry (the time order: every accepted entry is recorded no earlier than the head before
 * it, so these carry the register's latest time), and for a correction its target and the target's earlier
 * corrections (by id and by the corrects_entry_id index). A target of another product is given only when it
 * is the head, exactly as when the product's whole history and the head were loaded.
 */
async function validationEntries(
  tx: Queryable,
  draft: EntryDraft,
  productId: string,
  head: EntryRow | undefined,
): Promise<LedgerEntry[]> {
  const rows: EntryRow[] = [];
  const latest = await latestOfProduct(tx, productId);
  if (latest) rows.push(latest);
  if (head) rows.push(head);
  if (
    draft.kind === 'correction' &&
    draft.correctsEntryId !== undefined &&
    UUID.test(draft.correctsEntryId)
  ) {
    const target = (
      await tx.query<EntryRow>('SELECT * FROM cd_entries WHERE id = $1', [draft.correctsEntryId])
    )[0];
    if (target && (target.product_id === productId || target.seq === head?.seq)) {
      rows.push(target);
      rows.push(
        ...(await tx.query<EntryRow>('SELECT * FROM cd_entries WHERE corrects_entry_id = $1 ORDER BY seq', [
          target.id,
        ])),
      );
    }
  }
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq).map(entryOf);
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

  // Only what the check needs, each by an index: the write costs the same however long the register is.
  const balances = await keptBalances(tx, product.id);
  const head = await chainHead(tx);
  const context = await validationEntries(tx, draft, product.id, head);
  const policy = policyOf(await readLedgerSettings(tx));
  const checked = validateEntry(draft, { product, location, balances, policy, now, entries: context });
  if (!checked.ok) return { ok: false, problems: checked.problems, balances };

  const entry = recordEntry(checked.value, randomUUID(), (head?.seq ?? 0) + 1);
  const prevHash = head?.hash ?? LEDGER_GENESIS_HASH;
  await insertEntry(tx, entry, prevHash, ledgerEntryHash(entry, prevHash));
  await keepBalances(tx, entry);
  await notePatientLocations(tx, entry);
  const after = balances.map((b) => applyEntry(b, entry));
  for (const effect of entry.effects)
    if (!after.some((b) => b.locationId === effect.locationId))
      after.push(applyEntry(emptyBalance(product.id, effect.locationId), entry));
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

/**
 * Stock of every product at every location it has touched: the sums of the entries' effects, as kept beside
 * them (`keptBalances`). Inside a writer's transaction after `lockLedger`, it is exact.
 */
export async function currentBalances(db: Queryable, productId?: string): Promise<Balance[]> {
  return keptBalances(db, productId);
}
