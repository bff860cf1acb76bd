// The controlled-drug register's reference data: products, stock locations, and the register settings (mode, witnesses).
import {
  DEFAULT_WITNESSES,
  defaultLedgerPolicy,
  ENTRY_KINDS,
  milligrams,
  withWitnessCounts,
  type ControlSchedule,
  type EntryKind,
  type LedgerPolicy,
  type Location,
  type Product,
  type RegisterMode,
  type Strength,
} from '../domain/ledger/index.ts';
import { firstRow, insertValues, type Queryable } from './db.ts';

interface ProductRow {
  id: string;
  drug: string;
  form: string;
  strength: Strength;
  container_name: string;
  mg_per_container: string | number;
  code_system: Product['code']['system'];
  code_value: string;
  schedule: ControlSchedule;
  created_at: Date;
}

interface LocationRow {
  id: string;
  name: string;
  premises: string;
  created_at: Date;
}

/** A number read back from a numeric column (both engines return numeric as text). */
export function mgFrom(value: string | number): Product['mgPerContainer'] {
  const mg = milligrams(Number(value));
  if (mg === undefined) throw new Error(`not a quantity in mg: ${String(value)}`);
  return mg;
}

function productOf(row: ProductRow): Product {
  return {
    id: row.id,
    drug: row.drug,
    form: row.form,
    strength: row.strength,
    containerName: row.container_name,
    mgPerContainer: mgFrom(row.mg_per_container),
    code: { system: row.code_system, value: row.code_value },
    schedule: row.schedule,
  };
}

function locationOf(row: LocationRow): Location {
  return { id: row.id, name: row.name, premisesId: row.premises };
}

export async function insertProduct(tx: Queryable, product: Product, by: string, at: Date): Promise<void> {
  await tx.query(
    `INSERT INTO cd_products (id, drug, form, strength, container_name, mg_per_container, code_system, code_value,
       schedule, created_at, created_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
    [
      product.id,
      product.drug,
      product.form,
      JSON.stringify(product.strength),
      product.containerName,
      product.mgPerContainer,
      product.code.system,
      product.code.value,
      JSON.stringify(product.schedule),
      at,
      by,
    ],
  );
}

export async function listProducts(db: Queryable): Promise<Product[]> {
  const rows = await db.query<ProductRow>('SELECT * FROM cd_products ORDER BY lower(drug), created_at, id');
  return rows.map(productOf);
}

export async function findProduct(db: Queryable, id: string): Promise<Product | undefined> {
  const rows = await db.query<ProductRow>('SELECT * FROM cd_products WHERE id = $1', [id]);
  return rows[0] ? productOf(rows[0]) : undefined;
}

export async function insertLocation(tx: Queryable, location: Location, by: string, at: Date): Promise<void> {
  await insertValues(tx, 'cd_locations', {
    id: location.id,
    name: location.name,
    premises: location.premisesId,
    created_at: at,
    created_by: by,
  });
}

export async function findLocationByName(
  db: Queryable,
  premises: string,
  name: string,
): Promise<Location | undefined> {
  const row = await firstRow<LocationRow>(
    db,
    'SELECT * FROM cd_locations WHERE lower(premises) = lower($1) AND lower(name) = lower($2)',
    [premises, name],
  );
  return row ? locationOf(row) : undefined;
}

export async function listLocations(db: Queryable): Promise<Location[]> {
  const rows = await db.query<LocationRow>(
    'SELECT * FROM cd_locations ORDER BY lower(premises), lower(name), id',
  );
  return rows.map(locationOf);
}

export async function findLocation(db: Queryable, id: string): Promise<Location | undefined> {
  const rows = await db.query<LocationRow>('SELECT * FROM cd_locations WHERE id = $1', [id]);
  return rows[0] ? locationOf(rows[0]) : undefined;
}

/** The register settings: the regulator's record to keep, and witness counts a service raised or lowered. */
export interface LedgerSettings {
  mode: RegisterMode;
  witnessCounts: Partial<Record<EntryKind, number>>;
}

/** UK unless a service chose otherwise (the brief's default). */
export const DEFAULT_LEDGER_SETTINGS: LedgerSettings = { mode: 'uk', witnessCounts: {} };

const SETTINGS_KEY = 'ledger';

function readCounts(value: unknown): Partial<Record<EntryKind, number>> {
  if (typeof value !== 'object' || value === null) return {};
  const counts: Partial<Record<EntryKind, number>> = {};
  for (const kind of ENTRY_KINDS) {
    const count = (value as Record<string, unknown>)[kind];
    if (typeof count === 'number' && Number.isInteger(count) && count >= 0) counts[kind] = count;
  }
  return counts;
}

export async function readLedgerSettings(db: Queryable): Promise<LedgerSettings> {
  const rows = await db.query<{ value: { mode?: unknown; witnessCounts?: unknown } }>(
    'SELECT value FROM settings WHERE key = $1',
    [SETTINGS_KEY],
  );
  const value = rows[0]?.value ?? {};
  return {
    mode: value.mode === 'us' ? 'us' : DEFAULT_LEDGER_SETTINGS.mode,
    witnessCounts: readCounts(value.witnessCounts),
  };
}

/**
 * Whether a register mode has been saved at all: until it is, the register runs in the default mode and the
 * first-run checklist's "register mode" step is still open (store/setup-checklist.ts asks the same).
 */
export async function ledgerModeChosen(db: Queryable): Promise<boolean> {
  const rows = await db.query(`SELECT 1 FROM settings WHERE key = $1 AND value -> 'mode' IS NOT NULL`, [
    SETTINGS_KEY,
  ]);
  return rows.length > 0;
}

export async function writeLedgerSettings(
  tx: Queryable,
  settings: LedgerSettings,
  by: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO settings (key, value, updated_by) VALUES ($1, $2, $3)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [SETTINGS_KEY, JSON.stringify(settings), by],
  );
}

/** The policy entries are checked against: the mode's defaults with the service's witness counts. */
export function policyOf(settings: LedgerSettings): LedgerPolicy {
  const policy = defaultLedgerPolicy(settings.mode);
  return Object.keys(settings.witnessCounts).length === 0
    ? policy
    : withWitnessCounts(policy, settings.witnessCounts, 'Set by the service in the register settings.');
}

/**
 * The fewest witnesses a service may set for a kind: a kind whose default rests on a verified legal source
 * (destruction: DEA Form 41 and MDR reg 27) cannot go below it; the others may be lowered to 0.
 */
export function minimumWitnesses(kind: EntryKind): number {
  const rule = DEFAULT_WITNESSES[kind];
  return rule.certainty === 'verified' ? rule.count : 0;
}
