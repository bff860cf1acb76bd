// Why the register refuses a request, as problems: ids that name nothing, staff who may not be named, a count
// against a register that has moved, and the domain's refusals with their request paths.
import { hasPermission } from '../../domain/access/roles.ts';
import {
  findBalance,
  openMg,
  type Balance,
  type LedgerProblem,
  type Product,
} from '../../domain/ledger/index.ts';
import type { EntryBody } from '../../schemas/cd-register.ts';
import type { Queryable } from '../../store/db.ts';
import { findLocation, findProduct } from '../../store/ledger.ts';
import { findUserById } from '../../store/users.ts';
import { problem, ruleRefusal, type FieldError, type ProblemError } from '../problem.ts';
import { balanceView } from './views.ts';
import { witnessPath } from './witness.ts';

/** The request's name for a domain field. */
const API_FIELDS: Readonly<Record<string, string>> = {
  counterpartyLocationId: 'toLocationId',
  invoiceNumber: 'invoice',
  strengthMgPerMl: 'strength.mgPerMl',
  mgPerUnit: 'strength.mgPerUnit',
};

/** A domain path ('witnesses[1].userId', 'quantity.mg', 'counterpartyLocationId') as a request path. */
export function apiPath(p: LedgerProblem, hasSingleWitness: boolean): string {
  const witness = /^witnesses\[(\d+)\]/.exec(p.path);
  if (witness) return witnessPath(Number(witness[1]), hasSingleWitness);
  if (p.path === 'witnesses') return p.code === 'two-witnesses-required' ? 'body.witnesses' : 'body.witness';
  const [head = '', ...rest] = p.path.split('.');
  return ['body', API_FIELDS[head] ?? head, ...rest].join('.');
}

/** A product the domain did not accept: 422 `invalid-product`, every problem under its request path. */
export function productRefusal(problems: readonly LedgerProblem[]): ProblemError {
  const errors: FieldError[] = problems.map((p) => ({ path: apiPath(p, false), message: p.text }));
  return ruleRefusal('out-of-bounds', 'invalid-product', problems[0]?.text ?? '', undefined, errors);
}

/** The stock behind an `insufficient-stock` refusal: what is there, and what was asked for. */
function stockNumbers(body: EntryBody, product: Product, balances: readonly Balance[]) {
  const at = [body.locationId, ...(body.toLocationId ? [body.toLocationId] : [])];
  return {
    requested: body.quantity ?? null,
    stock: at.map((locationId) => {
      const b = findBalance(balances, body.productId, locationId);
      return { locationId, containers: b.containers, mg: b.mg, openedMg: openMg(b, product) };
    }),
  };
}

/**
 * The refusal for a draft the domain did not accept: `409 insufficient-stock` with the stock it was checked
 * against; otherwise 422 with the first problem's code. Every problem is listed under `errors`.
 */
export function domainRefusal(
  problems: readonly LedgerProblem[],
  hasSingleWitness: boolean,
  checked: { body: EntryBody; product: Product; balances: readonly Balance[] },
): ProblemError {
  const errors: FieldError[] = problems.map((p) => ({ path: apiPath(p, hasSingleWitness), message: p.text }));
  const short = problems.find((p) => p.code === 'insufficient-stock');
  if (short) {
    const stock = stockNumbers(checked.body, checked.product, checked.balances);
    return ruleRefusal('blocked', 'insufficient-stock', short.text, stock, errors);
  }
  const first = problems[0];
  return ruleRefusal(
    'out-of-bounds',
    first?.code ?? 'cd-entry-refused',
    first?.text ?? 'The entry was refused.',
    undefined,
    errors,
  );
}

/** A count made against a balance the register no longer shows: 409, with the balance it shows now. */
export function registerChangedRefusal(shown: Balance, product: Product): ProblemError {
  return ruleRefusal(
    'blocked',
    'register-changed',
    `The register now shows ${shown.containers} sealed containers / ${shown.mg} mg, not what was counted against: count again.`,
    { balance: balanceView(shown, product) },
    [{ path: 'body.expected', message: 'The register has changed since' }],
  );
}

/** A staff member the entry names must exist (and a prescriber must be one), or 422 naming the field. */
export async function requireActiveStaff(db: Queryable, body: EntryBody): Promise<void> {
  const errors: FieldError[] = [];
  if (body.administeredById !== undefined) {
    const user = await findUserById(db, body.administeredById);
    if (!user || user.disabled)
      errors.push({ path: 'body.administeredById', message: 'Not an active staff member' });
  }
  if (body.prescriberId !== undefined) {
    const user = await findUserById(db, body.prescriberId);
    if (!user || user.disabled || !hasPermission(user.roles, 'treatment:prescribe'))
      errors.push({ path: 'body.prescriberId', message: 'Not an active prescriber' });
  }
  if (errors.length > 0) throw problem('validation-failed', undefined, errors);
}

/** The product and locations an entry names must exist, and only a count carries `expected`; or 422. */
export async function requireKnownReferences(db: Queryable, body: EntryBody): Promise<Product> {
  const product = await findProduct(db, body.productId);
  const errors: FieldError[] = [];
  if (!product) errors.push({ path: 'body.productId', message: 'No such product' });
  if (!(await findLocation(db, body.locationId)))
    errors.push({ path: 'body.locationId', message: 'No such location' });
  if (body.toLocationId !== undefined && !(await findLocation(db, body.toLocationId)))
    errors.push({ path: 'body.toLocationId', message: 'No such location' });
  if (body.expected !== undefined && body.kind !== 'count')
    errors.push({
      path: 'body.expected',
      message: 'Only a count carries the balance it was checked against',
    });
  if (!product || errors.length > 0) throw problem('validation-failed', undefined, errors);
  return product;
}
