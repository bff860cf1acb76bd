// Shared wording for regulator views: names from a directory, strengths, containers, quantities and balances.
import type { IsoDate } from '../core/calendar.ts';
import type { Balance } from './balance.ts';
import type { LedgerEntry, Quantity } from './entry.ts';
import type { Location, Product } from './product.ts';
import { registerSection, type SectionLine } from './register.ts';
import { localDateOf } from './timing.ts';
import { subtractMg, timesMg, volumeOfMg, type Milligrams } from './units.ts';

/** A person, firm or place as the register prints it. */
export interface Party {
  readonly name: string;
  readonly address?: string;
  readonly initials?: string;
  /** A patient the reader may not read: named by a reference only, with no address (decision record 017). */
  readonly withheld?: true;
}

/** Names and addresses by id (patients, staff, locations), loaded by the caller; the domain holds only ids. */
export type Directory = Readonly<Record<string, Party>>;

/** What one register row is made from: the entry, the whole register, where and what, and who is who. */
export interface RowSource {
  readonly entry: LedgerEntry;
  readonly all: readonly LedgerEntry[];
  readonly location: Location;
  readonly product: Product;
  readonly directory: Directory;
}

/** The party for an id, or a placeholder that shows the id so a gap is visible rather than blank. */
export function partyOf(directory: Directory, id: string | undefined): Party {
  if (id === undefined) return { name: '' };
  return directory[id] ?? { name: `[unknown ${id}]` };
}

/** What a register prints where the address of the person supplied is missing: a visible gap, never a blank. */
export const ADDRESS_NOT_RECORDED = '[address not recorded]';

/**
 * Whether an entry supplies a patient without an address to print: an administration whose entry kept no address
 * and whose patient record holds none. Reg 19 and 21 CFR 1304.22(c)(4) both want the name *and address* of the
 * person supplied (clinic.md §5), so the gap is flagged wherever the entry shows.
 */
export function suppliedToAddressMissing(entry: LedgerEntry, recordedAddress: string | undefined): boolean {
  const blank = (text: string | undefined) => text === undefined || text.trim() === '';
  return (
    entry.kind === 'administration' &&
    entry.patientId !== undefined &&
    blank(entry.suppliedToAddress) &&
    blank(recordedAddress)
  );
}

/**
 * The patient an entry names, as every view of the register prints them (the screen, the UK register and the US
 * record alike): a patient the reader may read by name, with the address the entry kept, else the one on their
 * record, else a visible gap; a patient the reader may not read by a reference only (decision record 017).
 */
export function patientParty(directory: Directory, entry: LedgerEntry): Party | null {
  if (entry.patientId === undefined) return null;
  const party = partyOf(directory, entry.patientId);
  if (party.withheld === true) return { name: party.name, withheld: true };
  if (entry.kind !== 'administration') return party;
  const kept = entry.suppliedToAddress?.trim() ? entry.suppliedToAddress : undefined;
  return { name: party.name, address: kept ?? party.address ?? ADDRESS_NOT_RECORDED };
}

/** "10 mg/mL" or "28 mg per unit". */
export function strengthText(product: Product): string {
  const { strength } = product;
  return strength.per === 'ml' ? `${strength.mgPerMl} mg/mL` : `${strength.mgPerUnit} mg per unit`;
}

/** "20 mL vial" or "2-unit pack" (21 CFR 1304.22(c)(2): units or volume in each commercial container). */
export function containerText(product: Product): string {
  const { strength } = product;
  const size = strength.per === 'ml' ? `${strength.containerMl} mL` : `${strength.containerUnits}-unit`;
  return `${size} ${product.containerName}`;
}

/** "35 mg (3.5 mL)" for a liquid, "56 mg (2 units)" for a solid dose. */
export function mgText(mg: Milligrams, product: Product): string {
  const { strength } = product;
  if (strength.per === 'ml') return `${mg} mg (${volumeOfMg(mg, strength.mgPerMl)} mL)`;
  return `${mg} mg (${Math.round((mg / strength.mgPerUnit) * 1000) / 1000} units)`;
}

/** Sealed containers plus any opened mg: "2 × 20 mL vial (400 mg)", "1 × 20 mL vial (200 mg) + 50 mg (5 mL) opened". */
export function stockText(containers: number, mg: Milligrams, product: Product): string {
  const sealed = timesMg(product.mgPerContainer, containers);
  const opened = subtractMg(mg, sealed);
  const parts: string[] = [];
  if (containers !== 0) parts.push(`${containers} × ${containerText(product)} (${sealed} mg)`);
  if (opened !== 0 || containers === 0)
    parts.push(`${mgText(opened, product)}${containers !== 0 ? ' opened' : ''}`);
  return parts.join(' + ');
}

/** An entry's quantity in its kind's terms: draws in mg (and any containers opened), the rest as stock. */
export function quantityText(kind: LedgerEntry['kind'], quantity: Quantity, product: Product): string {
  if (kind !== 'administration' && kind !== 'waste')
    return stockText(quantity.containers, quantity.mg, product);
  const opened = quantity.containers > 0 ? `, ${quantity.containers} × ${containerText(product)} opened` : '';
  return `${mgText(quantity.mg, product)}${opened}`;
}

/** The kind of entry a correction corrects (the correction's own kind when the target is not found). */
export function correctedKind(entry: LedgerEntry, all: readonly LedgerEntry[]): LedgerEntry['kind'] {
  return all.find((e) => e.id === entry.correctsEntryId)?.kind ?? entry.kind;
}

/** The balance as printed: "4 × 20 mL vial (800 mg) + 165 mg (16.5 mL) opened; total 965 mg". */
export function balanceText(balance: Balance, product: Product): string {
  return `${stockText(balance.containers, balance.mg, product)}; total ${balance.mg} mg`;
}

/** What every regulator row shows: when, who, witnesses, running balance, struck-through and footnotes. */
export interface RowBase {
  readonly seq: number;
  readonly entryId: string;
  readonly kind: LedgerEntry['kind'];
  /** Date of the transaction, in its local calendar. */
  readonly date: IsoDate | null;
  /** Date the entry was made (a correction's date, reg 20(c)). */
  readonly enteredOn: IsoDate | null;
  readonly enteredBy: string;
  readonly witnessedBy: readonly string[];
  readonly balance: string;
  /** Corrected entries stay as written and are shown struck through (reg 20(c)). */
  readonly struck: boolean;
  /** One dated note per correction of this entry. */
  readonly footnotes: readonly string[];
  readonly lateEntryReason: string | null;
}

/** The shared part of a row for a register section line. */
export function rowBase(
  line: SectionLine,
  all: readonly LedgerEntry[],
  product: Product,
  directory: Directory,
): RowBase {
  const { entry } = line;
  const footnotes = line.correctedBy.flatMap((id) => {
    const fix = all.find((e) => e.id === id);
    if (fix === undefined) return [];
    const who = partyOf(directory, fix.authorId).name;
    const now = quantityText(entry.kind, fix.quantity, product);
    return [
      `Corrected on ${localDateOf(fix.recordedAt) ?? fix.recordedAt} by ${who} (entry ${fix.seq}): ${fix.reason ?? ''}; now reads ${now}.`,
    ];
  });
  return {
    seq: entry.seq,
    entryId: entry.id,
    kind: entry.kind,
    date: localDateOf(entry.occurredAt) ?? null,
    enteredOn: localDateOf(entry.recordedAt) ?? null,
    enteredBy: partyOf(directory, entry.authorId).name,
    witnessedBy: entry.witnesses.map((w) => partyOf(directory, w.userId).name),
    balance: balanceText(line.balanceAfter, product),
    struck: line.correctedBy.length > 0,
    footnotes,
    lateEntryReason: entry.lateEntryReason ?? null,
  };
}

/** A law's view of one product at one location: the heading that law prescribes and a row per register line. */
export type RegulatorRows<H, R> = (
  entries: readonly LedgerEntry[],
  product: Product,
  location: Location,
  directory?: Directory,
) => { readonly heading: H; readonly rows: readonly R[] };

/**
 * A law's view from its heading and its own part of each row: the rows of one product's section at one location,
 * in register order, each the shared part (`rowBase`) then `partOf`'s.
 */
export function regulatorRows<H, P>(
  headingOf: (product: Product, location: Location) => H,
  partOf: (row: RowSource) => P,
): RegulatorRows<H, RowBase & P> {
  return (all, product, location, directory = {}) => ({
    heading: headingOf(product, location),
    rows: registerSection(all, product.id, location.id).map((line) => ({
      ...rowBase(line, all, product, directory),
      ...partOf({ entry: line.entry, all, location, product, directory }),
    })),
  });
}
