// Instrument definitions in force: the shipped ones with a service's imported text laid over them, plus imports.
import { instruments as shipped } from '../domain/instruments/registry.ts';
import {
  applyTextOverlay,
  isTextOverlay,
  textOverlayOf,
  type InstrumentTextOverlay,
} from '../domain/instruments/text-overlay.ts';
import type { InstrumentDefinition } from '../domain/instruments/types.ts';
import type { Queryable } from './db.ts';

/**
 * The text overlay a stored row holds for a shipped instrument. Rows written by earlier releases hold a
 * whole definition; only its text is taken, so its frozen scoring and flags are never used.
 */
function overlayOf(stored: unknown, def: InstrumentDefinition): InstrumentTextOverlay {
  return isTextOverlay(stored) ? stored : textOverlayOf(stored as InstrumentDefinition, def);
}

/**
 * The definitions in force: each shipped definition as it is in this release, with the latest imported text
 * laid over it (title, copyright, item text, answer labels); then wholly imported (non-shipped) questionnaires.
 */
export async function definitionsInForce(db: Queryable): Promise<InstrumentDefinition[]> {
  const rows = await db.query<{ id: string; definition: unknown }>(
    `SELECT DISTINCT ON (id) id, definition FROM instrument_definitions ORDER BY id, imported_at DESC`,
  );
  const imported = new Map(rows.map((r) => [r.id, r.definition]));
  const list = shipped.map((def) => {
    const stored = imported.get(def.id);
    return stored === undefined ? def : applyTextOverlay(def, overlayOf(stored, def));
  });
  for (const row of rows)
    if (!shipped.some((d) => d.id === row.id)) list.push(row.definition as InstrumentDefinition);
  return list;
}

export async function definitionInForce(
  db: Queryable,
  id: string,
): Promise<InstrumentDefinition | undefined> {
  return (await definitionsInForce(db)).find((d) => d.id === id);
}

/**
 * Saves an import. For a shipped instrument only the text (an overlay) is stored, never its scoring; any
 * other questionnaire is stored whole.
 */
export async function saveImportedDefinition(
  tx: Queryable,
  def: InstrumentDefinition,
  by: string,
  at: Date,
): Promise<void> {
  const shippedDef = shipped.find((d) => d.id === def.id);
  const stored = shippedDef === undefined ? def : textOverlayOf(def, shippedDef);
  await tx.query(
    `INSERT INTO instrument_definitions (id, version, definition, imported_at, imported_by) VALUES ($1, $2, $3, $4, $5)`,
    [def.id, def.version, JSON.stringify(stored), at, by],
  );
}
