// How the register's products, locations, entries and balances read in JSON, and how domain refusals become problems.
import { containerText, strengthText } from '../../domain/ledger/format.ts';
import {
  openMg,
  type Balance,
  type LedgerEntry,
  type LedgerProblem,
  type Location,
  type Product,
} from '../../domain/ledger/index.ts';
import { ruleRefusal, type FieldError, type ProblemError } from '../problem.ts';
import { witnessPath } from './cd-register-witness.ts';

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
    effects: e.effects,
    ...(chain ? { hash: chain.hash, prevHash: chain.prevHash } : {}),
  };
}

/** The request's name for a domain field. */
const API_FIELDS: Readonly<Record<string, string>> = {
  counterpartyLocationId: 'toLocationId',
  invoiceNumber: 'invoice',
};

/** A domain path ('witnesses[1].userId', 'quantity.mg', 'counterpartyLocationId') as a request path. */
export function apiPath(p: LedgerProblem, hasSingleWitness: boolean): string {
  const witness = /^witnesses\[(\d+)\]/.exec(p.path);
  if (witness) return witnessPath(Number(witness[1]), hasSingleWitness);
  if (p.path === 'witnesses') return p.code === 'two-witnesses-required' ? 'body.witnesses' : 'body.witness';
  const [head = '', ...rest] = p.path.split('.');
  return ['body', API_FIELDS[head] ?? head, ...rest].join('.');
}

/**
 * The refusal for a draft the domain did not accept: `409 insufficient-stock` with the stock it was checked
 * against; otherwise 422 with the first problem's code. Every problem is listed under `errors`.
 */
export function domainRefusal(
  problems: readonly LedgerProblem[],
  hasSingleWitness: boolean,
  stock: () => Record<string, unknown>,
): ProblemError {
  const errors: FieldError[] = problems.map((p) => ({ path: apiPath(p, hasSingleWitness), message: p.text }));
  const short = problems.find((p) => p.code === 'insufficient-stock');
  if (short) return ruleRefusal('blocked', 'insufficient-stock', short.text, stock(), errors);
  const first = problems[0];
  return ruleRefusal(
    'out-of-bounds',
    first?.code ?? 'cd-entry-refused',
    first?.text ?? 'The entry was refused.',
    undefined,
    errors,
  );
}
