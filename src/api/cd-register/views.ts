// How the register reads over HTTP: products, locations, balances, entries and settings as JSON (with the request's
// field names), and an entry request as a domain draft.
import {
  ADDRESS_NOT_RECORDED,
  DEFAULT_WITNESSES,
  emptyBalance,
  ENTRY_KINDS,
  openMg,
  patientParty,
  type Balance,
  type Directory,
  type EntryKind,
  type LedgerEntry,
  type Location,
  type Milligrams,
  type Product,
  type WitnessRule,
} from '../../domain/ledger/index.ts';
import { containerText, mgText, strengthText } from '../../domain/ledger/format.ts';
import type { EntryBody } from '../../schemas/cd-register.ts';
import { minimumWitnesses, policyOf, type LedgerDraft, type LedgerSettings } from '../../store/ledger.ts';

export function productView(p: Product) {
  return {
    id: p.id,
    drug: p.drug,
    form: p.form,
    strength: p.strength,
    containerName: p.containerName,
    mgPerContainer: p.mgPerContainer,
    code: p.code,
    schedule: p.schedule,
    label: `${p.drug} ${strengthText(p)} ${p.form}, ${containerText(p)}`,
  };
}

export function locationView(l: Location) {
  return { id: l.id, name: l.name, premises: l.premisesId };
}

export function balanceView(b: Balance, product: Product | undefined) {
  return {
    productId: b.productId,
    locationId: b.locationId,
    containers: b.containers,
    mg: b.mg,
    openedMg: product === undefined ? null : openMg(b, product),
  };
}

/** Display names by user id, for authors and witnesses; ids alone when not loaded. */
export type Names = ReadonlyMap<string, string>;

const person = (id: string, names: Names) => ({ id, displayName: names.get(id) ?? null });

/** An entry as the API shows it, with the request's field names (toLocationId, invoice). */
export function entryView(
  e: LedgerEntry,
  names: Names = new Map(),
  chain?: { hash: string; prevHash: string },
) {
  return {
    id: e.id,
    seq: e.seq,
    kind: e.kind,
    productId: e.productId,
    locationId: e.locationId,
    toLocationId: e.counterpartyLocationId ?? null,
    quantity: { containers: e.quantity.containers, mg: e.quantity.mg },
    occurredAt: e.occurredAt,
    recordedAt: e.recordedAt,
    author: person(e.authorId, names),
    witnesses: e.witnesses.map((w) => ({
      ...person(w.userId, names),
      reauthenticatedAt: w.reauthenticatedAt,
    })),
    patientId: e.patientId ?? null,
    sessionId: e.sessionId ?? null,
    administeredBy: e.administeredById === undefined ? null : person(e.administeredById, names),
    prescriber: e.prescriberId === undefined ? null : person(e.prescriberId, names),
    supplier: e.supplier ?? null,
    invoice: e.invoiceNumber ?? null,
    lot: e.lot ?? null,
    expiry: e.expiry ?? null,
    destructionMethod: e.destructionMethod ?? null,
    theft: e.theft ?? null,
    reason: e.reason ?? null,
    lateEntryReason: e.lateEntryReason ?? null,
    correctsEntryId: e.correctsEntryId ?? null,
    expected: e.expected ?? null,
    effects: [...e.effects],
    ...(chain ? { hash: chain.hash, prevHash: chain.prevHash } : {}),
  };
}

/**
 * The patient an entry is for, exactly as the UK register and US record print them to the same reader (decision
 * record 017): by name and address, or by reference when `withheld`; `addressMissing` where an administration has
 * no address to print (reg 19, 21 CFR 1304.22(c)(4)).
 */
export function patientView(directory: Directory, e: LedgerEntry) {
  const party = patientParty(directory, e);
  if (party === null) return null;
  const missing = party.address === ADDRESS_NOT_RECORDED;
  return {
    name: party.name,
    address: missing ? null : (party.address ?? null),
    withheld: party.withheld === true,
    addressMissing: missing,
  };
}

/**
 * The settings with, for each kind, the witnesses it needs now, the legal minimum and the default; `modeChosen`
 * is false until a mode has been saved (the default is in force, and saving it completes the first-run step).
 */
export function settingsView(settings: LedgerSettings, modeChosen: boolean) {
  const policy = policyOf(settings);
  return {
    mode: settings.mode,
    modeChosen,
    witnessCounts: settings.witnessCounts,
    witnesses: Object.fromEntries(
      ENTRY_KINDS.map((kind) => [
        kind,
        {
          ...policy.witnesses[kind],
          minimum: minimumWitnesses(kind),
          default: DEFAULT_WITNESSES[kind].count,
        },
      ]),
    ) as Record<EntryKind, WitnessRule & { minimum: number; default: number }>,
  };
}

/** Every product at every location, zero when it never held stock: "none on hand" is stock at a glance too. */
export function everyBalance(
  table: readonly Balance[],
  products: readonly Product[],
  locations: readonly Location[],
): Balance[] {
  return products.flatMap((p) =>
    locations.map(
      (l) => table.find((b) => b.productId === p.id && b.locationId === l.id) ?? emptyBalance(p.id, l.id),
    ),
  );
}

/** The line an entry for a patient puts on their chart. */
export function timelineSummary(kind: EntryKind, mg: Milligrams, product: Product, seq: number): string {
  const what = `${mgText(mg, product)} ${product.drug}`;
  return kind === 'administration'
    ? `Controlled drug administered: ${what} (register entry ${seq})`
    : `Controlled drug ${kind}: ${what} (register entry ${seq})`;
}

/** The API body as a domain draft (witnesses added by the caller, the author by the store). */
export function draftOf(body: EntryBody): LedgerDraft {
  const draft: Record<string, unknown> = {
    kind: body.kind,
    productId: body.productId,
    locationId: body.locationId,
    quantity: body.quantity,
    occurredAt: body.occurredAt,
    patientId: body.patientId,
    sessionId: body.sessionId,
    administeredById: body.administeredById,
    prescriberId: body.prescriberId,
    suppliedToAddress: body.suppliedToAddress,
    counterpartyLocationId: body.toLocationId,
    supplier: body.supplier,
    invoiceNumber: body.invoice,
    lot: body.lot,
    expiry: body.expiry,
    destructionMethod: body.destructionMethod,
    theft: body.theft,
    reason: body.reason,
    lateEntryReason: body.lateEntryReason,
    correctsEntryId: body.correctsEntryId,
  };
  // Absent stays absent: the domain reads a present field as given (wrong-kind-fields, hashing).
  return Object.fromEntries(
    Object.entries(draft).filter(([, value]) => value !== undefined),
  ) as unknown as LedgerDraft;
}
