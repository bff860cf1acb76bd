// The controlled-drug register as it grows: the cost of one write (recordLedgerEntry) and of the balances read at
// 1k, 10k, 100k and 1M entries, on PostgreSQL. Entries are generated in batches with a valid hash chain and kept
// balances, one database per size (kaspr_bench_register_<size>), reused on later runs (each run's own measured
// writes add 40 entries, so a reused register is slightly larger than its size: the figure printed is exact).
import cliProgress from 'cli-progress';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import {
  balanceTable,
  makeProduct,
  milligrams,
  type LedgerEntry,
  type Milligrams,
} from '../src/domain/ledger/index.ts';
import { openPostgres, type Database } from '../src/store/db.ts';
import {
  insertLocation,
  insertProduct,
  keptBalances,
  LEDGER_GENESIS_HASH,
  ledgerEntryHash,
  listEntries,
  recordLedgerEntry,
  verifyLedgerBalances,
  type LedgerDraft,
} from '../src/store/ledger.ts';
import { migrate } from '../src/store/migrate.ts';
import { adminUrl } from './bench-db.ts';
import { ms, table, timeRuns, type Timing } from './timing.ts';

export const REGISTER_DATABASE = 'kaspr_bench_register';
export const REGISTER_SIZES = [1_000, 10_000, 100_000, 1_000_000] as const;
/** Writes measured at each size (after one warm-up). */
const WRITES = 20;
const BATCH = 5_000;
/** The whole product history is read by the pre-017 path; above this size it is not timed (minutes, GiBs). */
const OLD_PATH_UP_TO = 100_000;

const PRODUCT_ID = '6a0e7c1e-2f3a-4b5c-9d7e-0123456789ab';
const LOCATIONS = ['5b1d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', '5b1d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e60'];
const MG_PER_VIAL = 500;

export interface GrowthRow {
  readonly entries: number;
  readonly write: Timing;
  readonly refusal: Timing;
  readonly balances: Timing;
  readonly oldPath: Timing | null;
}

async function openRegisterDatabase(size: number, fresh: boolean): Promise<Database> {
  const name = `${REGISTER_DATABASE}_${Math.trunc(size)}`;
  const admin = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 5000 });
  await admin.connect();
  try {
    if (fresh) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rows.length === 0) await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString());
  await migrate(db);
  return db;
}

async function ensureCatalog(db: Database): Promise<string> {
  const found = await db.query<{ id: string }>(
    "SELECT id FROM users WHERE email = 'register-bench@bench.test'",
  );
  if (found[0]) return found[0].id;
  const [user] = await db.query<{ id: string }>(
    "INSERT INTO users (email, display_name, roles) VALUES ('register-bench@bench.test', 'Bench Officer', '{cd-officer}') RETURNING id",
  );
  const id = user?.id ?? '';
  const made = makeProduct({
    id: PRODUCT_ID,
    drug: 'Ketamine',
    form: 'solution for injection',
    strengthMgPerMl: 50,
    containerSize: 10,
    containerName: 'vial',
    code: { system: 'dmd', value: 'bench' },
    schedule: {},
  });
  if (!made.ok) throw new Error('bench product');
  await db.transaction(async (tx) => {
    await insertProduct(tx, made.value, id, new Date('2020-01-01T00:00:00Z'));
    for (const [i, location] of LOCATIONS.entries())
      await insertLocation(
        tx,
        { id: location, name: `Bench safe ${i + 1}`, premisesId: 'Bench clinic' },
        id,
        new Date('2020-01-01T00:00:00Z'),
      );
  });
  return id;
}

interface Head {
  seq: number;
  hash: string;
  recordedAt: number;
}

async function headOf(db: Database): Promise<Head> {
  const rows = await db.query<{ seq: number; hash: string; recorded_at: Date }>(
    'SELECT seq, hash, recorded_at FROM cd_entries ORDER BY seq DESC LIMIT 1',
  );
  const row = rows[0];
  return row
    ? { seq: row.seq, hash: row.hash, recordedAt: row.recorded_at.getTime() }
    : { seq: 0, hash: LEDGER_GENESIS_HASH, recordedAt: Date.parse('2020-01-01T00:00:00Z') };
}

const mg = (value: number): Milligrams => milligrams(value) ?? (0 as Milligrams);

/**
 * Entry n of the generated register: receipts of two vials, and a whole-vial loss after each, alternating between
 * the two safes, so stock never goes negative and every entry is one the domain would accept.
 */
function generated(n: number, seq: number, authorId: string, at: number): LedgerEntry {
  const locationId = LOCATIONS[Math.floor(n / 2) % LOCATIONS.length] ?? '';
  const time = new Date(at).toISOString();
  const base = {
    id: randomUUID(),
    seq,
    productId: PRODUCT_ID,
    locationId,
    authorId,
    occurredAt: time,
    recordedAt: time,
    witnesses: [],
  };
  return n % 2 === 0
    ? {
        ...base,
        kind: 'receipt',
        quantity: { containers: 2, mg: mg(2 * MG_PER_VIAL) },
        effects: [{ locationId, containers: 2, mg: mg(2 * MG_PER_VIAL) }],
        supplier: { name: 'Bench Wholesale', address: '1 Bench Road' },
        invoiceNumber: `INV-${seq}`,
        lot: 'L1',
        expiry: '2030-01-01',
      }
    : {
        ...base,
        kind: 'loss',
        quantity: { containers: 1, mg: mg(MG_PER_VIAL) },
        effects: [{ locationId, containers: -1, mg: mg(-MG_PER_VIAL) }],
        reason: 'Broken vial',
      };
}

/** Appends `count` generated entries in batches: one multi-row insert and the balances' totals per transaction. */
async function grow(
  db: Database,
  authorId: string,
  count: number,
  bar: cliProgress.SingleBar,
): Promise<void> {
  let head = await headOf(db);
  let done = 0;
  while (done < count) {
    const size = Math.min(BATCH, count - done);
    const entries: { entry: LedgerEntry; prevHash: string; hash: string }[] = [];
    let prevHash = head.hash;
    for (let i = 0; i < size; i += 1) {
      const seq = head.seq + i + 1;
      const entry = generated(seq - 1, seq, authorId, head.recordedAt + (i + 1) * 10);
      const hash = ledgerEntryHash(entry, prevHash);
      entries.push({ entry, prevHash, hash });
      prevHash = hash;
    }
    const col = <T>(f: (e: LedgerEntry) => T) => entries.map((x) => f(x.entry));
    const totals = balanceTable(entries.map((x) => x.entry));
    await db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO cd_entries (seq, id, kind, product_id, location_id, containers, mg, occurred_at,
           occurred_instant, recorded_at, author_id, witnesses, reason, details, effects, prev_hash, hash)
         SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::uuid[], $5::uuid[], $6::int[],
           $7::numeric[], $8::text[], $9::timestamptz[], $10::timestamptz[], $11::uuid[], $12::jsonb[], $13::text[],
           $14::jsonb[], $15::jsonb[], $16::text[], $17::text[])`,
        [
          col((e) => e.seq),
          col((e) => e.id),
          col((e) => e.kind),
          col((e) => e.productId),
          col((e) => e.locationId),
          col((e) => e.quantity.containers),
          col((e) => e.quantity.mg),
          col((e) => e.occurredAt),
          col((e) => e.occurredAt),
          col((e) => e.recordedAt),
          col((e) => e.authorId),
          col(() => '[]'),
          col((e) => e.reason ?? null),
          col((e) =>
            JSON.stringify(
              e.kind === 'receipt'
                ? { supplier: e.supplier, invoiceNumber: e.invoiceNumber, lot: e.lot, expiry: e.expiry }
                : {},
            ),
          ),
          col((e) => JSON.stringify(e.effects)),
          entries.map((x) => x.prevHash),
          entries.map((x) => x.hash),
        ],
      );
      for (const b of totals)
        await tx.query(
          `INSERT INTO cd_balances (product_id, location_id, containers, mg, last_seq) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (product_id, location_id) DO UPDATE SET containers = cd_balances.containers + EXCLUDED.containers,
             mg = cd_balances.mg + EXCLUDED.mg, last_seq = EXCLUDED.last_seq`,
          [b.productId, b.locationId, b.containers, b.mg, head.seq + size],
        );
    });
    const last = entries.at(-1);
    head = { seq: head.seq + size, hash: last?.hash ?? head.hash, recordedAt: head.recordedAt + size * 10 };
    done += size;
    bar.increment(size);
  }
}

/** Times writes through the store at the register's current size, on the bench's own clock (after the head). */
async function measure(db: Database, authorId: string): Promise<GrowthRow> {
  const head = await headOf(db);
  const entries = head.seq;
  let clock = head.recordedAt;
  const write = (draft: LedgerDraft) =>
    db.transaction(async (tx) => {
      clock += 1000;
      const now = new Date(clock);
      return recordLedgerEntry(tx, { draft: { ...draft, occurredAt: now.toISOString() }, authorId, now });
    });
  const location = LOCATIONS[0] ?? '';
  const receipt: LedgerDraft = {
    kind: 'receipt',
    productId: PRODUCT_ID,
    locationId: location,
    quantity: { containers: 1 },
    supplier: { name: 'Bench Wholesale', address: '1 Bench Road' },
    invoiceNumber: 'INV-M',
    lot: 'L1',
    expiry: '2030-01-01',
  };
  const tooMuch: LedgerDraft = {
    kind: 'loss',
    productId: PRODUCT_ID,
    locationId: location,
    quantity: { containers: 10_000_000 },
    reason: 'Bench refusal',
  };
  const writeTime = await timeRuns(WRITES, async () => {
    const r = await write(receipt);
    if (!r.ok) throw new Error(`bench write refused: ${JSON.stringify(r.problems)}`);
  });
  const refusal = await timeRuns(WRITES, async () => {
    const r = await write(tooMuch);
    if (r.ok) throw new Error('bench refusal was accepted');
  });
  const balances = await timeRuns(WRITES, () => keptBalances(db));
  const oldPath =
    entries <= OLD_PATH_UP_TO * 1.01
      ? await timeRuns(3, async () => balanceTable(await listEntries(db, PRODUCT_ID)), 0)
      : null;
  return { entries, write: writeTime, refusal, balances, oldPath };
}

/** Grows a register to each size in its own database (reusing what is there), measuring each; prints the rows. */
export async function registerGrowthBench(
  out: (line?: string) => void,
  options: { fresh: boolean; sizes?: readonly number[] },
): Promise<GrowthRow[]> {
  const rows: GrowthRow[] = [];
  let agree = true;
  for (const target of options.sizes ?? REGISTER_SIZES) {
    const db = await openRegisterDatabase(target, options.fresh);
    try {
      const authorId = await ensureCatalog(db);
      const have = (await headOf(db)).seq;
      if (have < target) {
        const bar = new cliProgress.SingleBar(
          {
            format: `register to ${target.toLocaleString('en-GB')} entries [{bar}] {value}/{total} {eta}s left`,
          },
          cliProgress.Presets.shades_classic,
        );
        const started = performance.now();
        bar.start(target - have, 0);
        await grow(db, authorId, target - have, bar);
        bar.stop();
        out(
          `generated ${(target - have).toLocaleString('en-GB')} entries in ${((performance.now() - started) / 1000).toFixed(0)} s`,
        );
        await db.query('VACUUM ANALYZE cd_entries');
        await db.query('VACUUM ANALYZE cd_balances');
      } else out(`reusing ${have.toLocaleString('en-GB')} entries in ${REGISTER_DATABASE}_${target}`);
      const row = await measure(db, authorId);
      rows.push(row);
      out(
        `${row.entries.toLocaleString('en-GB').padStart(9)} entries: write p50 ${ms(row.write.p50)} p95 ${ms(row.write.p95)}; ` +
          `refusal p50 ${ms(row.refusal.p50)}; balances read p50 ${ms(row.balances.p50)}` +
          (row.oldPath ? `; whole-history read (pre-017 path) p50 ${ms(row.oldPath.p50)}` : ''),
      );
      if ((await verifyLedgerBalances(db)).length > 0) agree = false;
    } finally {
      await db.close();
    }
  }
  out(`kept balances agree with the entries: ${agree ? 'yes' : 'NO'}`);
  const first = rows[0];
  const last = rows.at(-1);
  if (first && last) {
    const ratio = last.write.p50 / first.write.p50;
    out(
      table([
        [
          'measure',
          `at ${first.entries.toLocaleString('en-GB')}`,
          `at ${last.entries.toLocaleString('en-GB')}`,
          'ratio',
          'target',
          'met',
        ],
        [
          'register write p50',
          ms(first.write.p50),
          ms(last.write.p50),
          ratio.toFixed(2),
          'flat within 2×',
          ratio <= 2 ? 'yes' : 'NO',
        ],
      ]),
    );
  }
  return rows;
}
