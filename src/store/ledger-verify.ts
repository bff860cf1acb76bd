// Checking the register against itself: the hash chain entry by entry (R22), and the kept balances against the entries.
import { instantMs } from '../domain/ledger/index.ts';
import type { HashChainVerification } from './audit.ts';
import type { Queryable } from './db.ts';
import { entryOf, ledgerEntryHash, LEDGER_GENESIS_HASH, type EntryRow } from './ledger-rows.ts';

/** A kept balance that differs from the sum of the entries' effects (or is missing from either side). */
export interface BalanceMismatch {
  readonly productId: string;
  readonly locationId: string;
  readonly kept: { containers: number; mg: number } | null;
  readonly recomputed: { containers: number; mg: number } | null;
}

/**
 * Recomputes every product's balance at every location from the entries' effects (in the database, one pass)
 * and lists each kept balance that differs from it: a tampered or stale cd_balances row.
 */
export async function verifyLedgerBalances(db: Queryable): Promise<BalanceMismatch[]> {
  const rows = await db.query<{
    product_id: string;
    location_id: string;
    kept_containers: string | number | null;
    kept_mg: string | number | null;
    sum_containers: string | number | null;
    sum_mg: string | number | null;
  }>(
    `WITH sums AS (
       SELECT e.product_id, (f.value->>'locationId')::uuid AS location_id,
              sum((f.value->>'containers')::bigint) AS containers, sum((f.value->>'mg')::numeric) AS mg
       FROM cd_entries e CROSS JOIN LATERAL jsonb_array_elements(e.effects) AS f(value)
       GROUP BY 1, 2)
     SELECT coalesce(k.product_id, s.product_id) AS product_id, coalesce(k.location_id, s.location_id) AS location_id,
            k.containers AS kept_containers, k.mg AS kept_mg, s.containers AS sum_containers, s.mg AS sum_mg
     FROM cd_balances k FULL OUTER JOIN sums s ON s.product_id = k.product_id AND s.location_id = k.location_id
     WHERE k.product_id IS NULL OR s.product_id IS NULL
        OR k.containers IS DISTINCT FROM s.containers OR k.mg IS DISTINCT FROM s.mg
     ORDER BY 1, 2`,
  );
  const quantity = (containers: string | number | null, mg: string | number | null) =>
    containers === null || mg === null ? null : { containers: Number(containers), mg: Number(mg) };
  return rows.map((r) => ({
    productId: r.product_id,
    locationId: r.location_id,
    kept: quantity(r.kept_containers, r.kept_mg),
    recomputed: quantity(r.sum_containers, r.sum_mg),
  }));
}

/**
 * Recomputes every entry's hash in register order from the columns (the canonical entry plus the previous
 * hash), and checks each links to the one before, with no gaps (security.md §4, R22).
 */
export async function verifyLedgerChain(db: Queryable, batchSize = 2000): Promise<HashChainVerification> {
  let expectedSeq = 1;
  let prevHash = LEDGER_GENESIS_HASH;
  let rows = 0;
  const broken = (
    seq: number,
    why: 'hash-mismatch' | 'prev-hash-mismatch' | 'gap',
  ): HashChainVerification => ({
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
