// Harm-pathway content packs: the shipped default plus versions a service loads; the newest loaded is in force.
import {
  contentVersionOf,
  defaultPack,
  shippedPacks,
  validateContentPack,
  type ValidContentPack,
} from '../domain/harm/index.ts';
import type { Queryable } from './db.ts';

interface PackRow {
  pack_id: string;
  version: string;
  content: unknown;
  loaded_at: Date;
}

function revalidate(row: PackRow): ValidContentPack {
  const outcome = validateContentPack(row.content);
  // A stored pack was valid when loaded; failing now means the validator changed, which must not pass silently.
  if (!outcome.ok) throw new Error(`Stored content pack ${row.pack_id}@${row.version} no longer validates`);
  return outcome.value;
}

/** The pack in force: the most recently loaded, else the shipped default. */
export async function packInForce(db: Queryable): Promise<ValidContentPack> {
  const rows = await db.query<PackRow>('SELECT * FROM harm_content_packs ORDER BY loaded_at DESC LIMIT 1');
  return rows[0] ? revalidate(rows[0]) : defaultPack;
}

/** A pack by its content version (`id@version`), for replaying a stored recommendation. */
export async function packByContentVersion(
  db: Queryable,
  contentVersion: string,
): Promise<ValidContentPack | undefined> {
  // Every shipped version stays replayable, not only the newest (a new default must not orphan old proposals).
  const shipped = shippedPacks.find((p) => contentVersionOf(p) === contentVersion);
  if (shipped) return shipped;
  const at = contentVersion.lastIndexOf('@');
  const rows = await db.query<PackRow>(
    'SELECT * FROM harm_content_packs WHERE pack_id = $1 AND version = $2',
    [contentVersion.slice(0, at), contentVersion.slice(at + 1)],
  );
  return rows[0] ? revalidate(rows[0]) : undefined;
}

export async function listPacks(
  db: Queryable,
): Promise<{ id: string; version: string; title: string; loadedAt: string | null; inForce: boolean }[]> {
  const rows = await db.query<PackRow>('SELECT * FROM harm_content_packs ORDER BY loaded_at DESC');
  const list: { id: string; version: string; title: string; loadedAt: string | null; inForce: boolean }[] =
    rows.map((r, i) => {
      const pack = revalidate(r);
      return {
        id: pack.id,
        version: pack.version,
        title: pack.title,
        loadedAt: r.loaded_at.toISOString(),
        inForce: i === 0,
      };
    });
  shippedPacks.forEach((pack) =>
    list.push({
      id: pack.id,
      version: pack.version,
      title: pack.title,
      loadedAt: null,
      inForce: rows.length === 0 && pack === defaultPack,
    }),
  );
  return list;
}

export async function savePack(tx: Queryable, pack: ValidContentPack, by: string, at: Date): Promise<void> {
  await tx.query(
    'INSERT INTO harm_content_packs (pack_id, version, content, loaded_at, loaded_by) VALUES ($1,$2,$3,$4,$5)',
    [pack.id, pack.version, JSON.stringify(pack), at, by],
  );
}

export async function packVersionTaken(db: Queryable, id: string, version: string): Promise<boolean> {
  if (shippedPacks.some((p) => p.id === id && p.version === version)) return true;
  return (
    (await db.query('SELECT 1 FROM harm_content_packs WHERE pack_id = $1 AND version = $2', [id, version]))
      .length > 0
  );
}
