// Clinical content sign-off: the versions of the clinical content in force for a service (instruments, harm pack,
// protocols, the service's threshold settings), and the append-only record of who signed off which versions.
import { defaultProtocols, protocolRef } from '../domain/treatment/index.ts';
import { contentVersionOf } from '../domain/harm/index.ts';
import { insertReturning, type Queryable } from './db.ts';
import { packInForce } from './harm-packs.ts';
import { definitionsInForce } from './instruments.ts';
import { latestProtocolSettings } from './protocol-settings.ts';

/** The versions of the clinical content, as references: what a sign-off names. */
export interface ContentRefs {
  /** `id@version` of each questionnaire in force, sorted. */
  instruments: string[];
  /** `id@version` of the harm-pathway content pack in force. */
  harmPack: string;
  /** `id@version` of each shipped treatment protocol, sorted. */
  protocols: string[];
  /** `protocol-id#n`: the service's threshold settings version for each protocol (0: the shipped defaults), sorted. */
  thresholds: string[];
}

/** One piece of content in force, with its title, for a reviewer to read. */
export interface ContentItem {
  ref: string;
  title: string;
}

/** The content in force for a service: titles for the reviewer, and the references a sign-off records. */
export interface ContentInForce {
  refs: ContentRefs;
  instruments: ContentItem[];
  harmPack: ContentItem;
  protocols: ContentItem[];
  thresholds: ContentItem[];
}

const byRef = (a: ContentItem, b: ContentItem) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0);

/** The clinical content in force for `serviceId` now. */
export async function contentInForce(db: Queryable, serviceId: string): Promise<ContentInForce> {
  const instruments = (await definitionsInForce(db))
    .map((d) => ({ ref: `${d.id}@${d.version}`, title: d.title }))
    .sort(byRef);
  const pack = await packInForce(db);
  const harmPack = { ref: contentVersionOf(pack), title: pack.title };
  const shipped = Object.values(defaultProtocols);
  const protocols = shipped.map((p) => ({ ref: protocolRef(p), title: p.title })).sort(byRef);
  const thresholds: ContentItem[] = [];
  for (const p of shipped) {
    const settings = await latestProtocolSettings(db, serviceId, p.id);
    thresholds.push({
      ref: `${p.id}#${settings?.version ?? 0}`,
      title: settings
        ? `${p.title}: the service's settings, version ${settings.version}`
        : `${p.title}: the shipped thresholds`,
    });
  }
  thresholds.sort(byRef);
  return {
    refs: {
      instruments: instruments.map((i) => i.ref),
      harmPack: harmPack.ref,
      protocols: protocols.map((p) => p.ref),
      thresholds: thresholds.map((t) => t.ref),
    },
    instruments,
    harmPack,
    protocols,
    thresholds,
  };
}

/** True when two sets of references name the same versions (lists compared as sets). */
export function sameContent(a: ContentRefs, b: ContentRefs): boolean {
  const sameList = (x: readonly string[], y: readonly string[]) =>
    x.length === y.length && [...x].sort().every((v, i) => v === [...y].sort()[i]);
  return (
    a.harmPack === b.harmPack &&
    sameList(a.instruments, b.instruments) &&
    sameList(a.protocols, b.protocols) &&
    sameList(a.thresholds, b.thresholds)
  );
}

export interface ContentSignOffRow {
  id: string;
  service_id: string;
  content: ContentRefs;
  note: string | null;
  signed_off_at: Date;
  signed_off_by: string;
  signed_off_by_name: string;
}

const SELECT = `SELECT s.*, u.display_name AS signed_off_by_name
  FROM content_signoffs s JOIN users u ON u.id = s.signed_off_by`;

/** Records a sign-off (rows are never changed: migration 029's trigger refuses it). */
export async function insertContentSignOff(
  tx: Queryable,
  row: { serviceId: string; content: ContentRefs; note: string | null; at: Date; by: string },
): Promise<string> {
  return (
    await insertReturning<{ id: string }>(
      tx,
      `INSERT INTO content_signoffs (service_id, content, note, signed_off_at, signed_off_by)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [row.serviceId, JSON.stringify(row.content), row.note, row.at, row.by],
    )
  ).id;
}

export async function findContentSignOff(db: Queryable, id: string): Promise<ContentSignOffRow | undefined> {
  return (await db.query<ContentSignOffRow>(`${SELECT} WHERE s.id = $1`, [id]))[0];
}

/** The service's most recent sign-off, or undefined when none is recorded. */
export async function latestContentSignOff(
  db: Queryable,
  serviceId: string,
): Promise<ContentSignOffRow | undefined> {
  return (
    await db.query<ContentSignOffRow>(
      `${SELECT} WHERE s.service_id = $1 ORDER BY s.signed_off_at DESC, s.id LIMIT 1`,
      [serviceId],
    )
  )[0];
}

/** A sign-off as the API shows it. */
export function contentSignOffView(row: ContentSignOffRow) {
  return {
    id: row.id,
    serviceId: row.service_id,
    content: row.content,
    note: row.note,
    signedOffAt: row.signed_off_at.toISOString(),
    signedOffBy: { id: row.signed_off_by, name: row.signed_off_by_name },
  };
}
