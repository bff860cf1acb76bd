// How an entered quantity becomes sealed containers plus mg, per kind: containers for sealed stock, mg for part containers.
import type { EntryKind, Quantity, QuantityDraft } from './entry.ts';
import type { Product } from './product.ts';
import { problem, type Outcome } from './problems.ts';
import { milligrams, NO_MG, subtractMg, timesMg, wholeNeeded, type Milligrams } from './units.ts';

/**
 * - `sealed` (receipt, return): whole containers only; mg is derived and, if given, must equal
 *   containers × mg per container.
 * - `removal` (transfer, destruction, loss): sealed containers leave whole, plus any opened remainder:
 *   mg ≥ containers × mg per container. Only mg given means opened stock only.
 * - `draw` (administration, waste): mg drawn; containers are sealed containers opened for the draw.
 *   Administration opens as few as needed when not given; waste opens none (sealed stock is destroyed).
 * - `count`: what was counted, both sealed containers and total mg.
 */
export type QuantityRule = 'sealed' | 'removal' | 'draw' | 'count';

/** The quantity rule of each kind a correction can target (a correction uses its target's rule). */
export const QUANTITY_RULES: Readonly<Record<Exclude<EntryKind, 'correction'>, QuantityRule>> = {
  receipt: 'sealed',
  return: 'sealed',
  transfer: 'removal',
  destruction: 'removal',
  loss: 'removal',
  administration: 'draw',
  waste: 'draw',
  count: 'count',
};

export interface ResolveOptions {
  /** Opened (unsealed) mg on hand, so an administration can open only what it needs. */
  readonly openMg?: Milligrams;
  /** A correction keeps the containers already recorded unless it says otherwise. */
  readonly defaultContainers?: number;
  /** A correction may void its target (zero). */
  readonly allowZero?: boolean;
}

type Resolved = Outcome<Quantity>;

const invalid = (path: string, text: string): Resolved => ({
  ok: false,
  problems: [problem('quantity-invalid', path, text)],
});

function byRule(
  kind: Exclude<EntryKind, 'correction'>,
  containers: number | undefined,
  mg: Milligrams | undefined,
  product: Product,
  options: ResolveOptions,
): Resolved {
  const per = product.mgPerContainer;
  const sealedMg = (count: number): Milligrams => timesMg(per, count);
  switch (QUANTITY_RULES[kind]) {
    case 'sealed': {
      if (containers === undefined)
        return invalid('quantity.containers', `A ${kind} is counted in whole containers.`);
      if (mg !== undefined && mg !== sealedMg(containers)) {
        return invalid('quantity.mg', `mg must equal containers × ${per} mg for sealed stock.`);
      }
      return { ok: true, value: { containers, mg: sealedMg(containers) } };
    }
    case 'removal': {
      const count = containers ?? 0;
      const total = mg ?? sealedMg(count);
      if (total < sealedMg(count)) {
        return invalid(
          'quantity.mg',
          `Sealed containers leave whole: mg must be at least containers × ${per} mg.`,
        );
      }
      return { ok: true, value: { containers: count, mg: total } };
    }
    case 'draw': {
      if (mg === undefined) return invalid('quantity.mg', 'Give the mg drawn.');
      if (kind === 'waste' && containers !== undefined && containers > 0) {
        return invalid(
          'quantity.containers',
          'Waste is the rest of an opened container; destroy sealed stock.',
        );
      }
      if (mg === 0 && options.allowZero !== true)
        return invalid('quantity.mg', 'mg drawn must be more than 0.');
      const needed =
        kind === 'administration' ? wholeNeeded(subtractMg(mg, options.openMg ?? NO_MG), per) : 0;
      return { ok: true, value: { containers: containers ?? needed, mg } };
    }
    case 'count': {
      if (containers === undefined || mg === undefined) {
        return invalid('quantity', 'A count records both the sealed containers and the total mg found.');
      }
      if (mg < sealedMg(containers))
        return invalid('quantity.mg', `mg counted is less than containers × ${per} mg.`);
      return { ok: true, value: { containers, mg } };
    }
  }
}

/** The resolved quantity of an entry of `kind`, or `quantity-invalid` naming the field to fix. */
export function resolveQuantity(
  kind: Exclude<EntryKind, 'correction'>,
  draft: QuantityDraft | undefined,
  product: Product,
  options: ResolveOptions = {},
): Resolved {
  if (draft === undefined) return invalid('quantity', 'A quantity is required.');
  const containers = draft.containers ?? options.defaultContainers;
  if (containers !== undefined && (!Number.isInteger(containers) || containers < 0)) {
    return invalid('quantity.containers', 'containers must be a whole number, 0 or more.');
  }
  const mg = draft.mg === undefined ? undefined : milligrams(draft.mg);
  if (draft.mg !== undefined && (mg === undefined || mg < 0)) {
    return invalid('quantity.mg', 'mg must be 0 or more, to at most 0.001 mg.');
  }
  const resolved = byRule(kind, containers, mg, product, options);
  if (!resolved.ok || QUANTITY_RULES[kind] === 'count' || options.allowZero === true) return resolved;
  if (resolved.value.containers === 0 && resolved.value.mg === 0) {
    return invalid('quantity', 'The quantity must be more than zero.');
  }
  return resolved;
}
