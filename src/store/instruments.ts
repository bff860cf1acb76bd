// Instrument definitions in force: the shipped ones, overlaid by what a service imported (e.g. licensed text).
import { instruments as shipped } from '../domain/instruments/registry.ts';
import type { InstrumentDefinition } from '../domain/instruments/types.ts';
import type { Queryable } from './db.ts';

/** The definitions in force: for each id, the latest import, else the shipped definition. */
export async function definitionsInForce(db: Queryable): Promise<InstrumentDefinition[]> {
  const rows = await db.query<{ id: string; definition: InstrumentDefinition }>(
    `SELECT DISTINCT ON (id) id, definition FROM instrument_definitions ORDER BY id, imported_at DESC`,
  );
  const imported = new Map(rows.map((r) => [r.id, r.definition]));
  const list = shipped.map((def) => imported.get(def.id) ?? def);
  for (const row of rows) if (!shipped.some((d) => d.id === row.id)) list.push(row.definition);
  return list;
}

export async function definitionInForce(
  db: Queryable,
  id: string,
): Promise<InstrumentDefinition | undefined> {
  return (await definitionsInForce(db)).find((d) => d.id === id);
}

export async function saveImportedDefinition(
  tx: Queryable,
  def: InstrumentDefinition,
  by: string,
  at: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO instrument_definitions (id, version, definition, imported_at, imported_by) VALUES ($1, $2, $3, $4, $5)`,
    [def.id, def.version, JSON.stringify(def), at, by],
  );
}
