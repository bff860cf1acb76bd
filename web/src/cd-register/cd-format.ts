// Register wording for the screens: entry kinds, modes, containers and balances in the clinic's words.
import {
  addMg,
  milligrams,
  subtractMg,
  timesMg,
  type Product,
  type Quantity,
} from '../../../src/domain/ledger/index.ts';
import type { EntryKind, RegisterMode } from './cd-types.ts';

export const KIND_LABELS: Readonly<Record<EntryKind, string>> = {
  receipt: 'Receipt',
  administration: 'Administration',
  waste: 'Waste',
  transfer: 'Transfer',
  return: 'Return to supplier',
  destruction: 'Destruction',
  loss: 'Loss',
  count: 'Count',
  correction: 'Correction',
};

export const MODE_LABELS: Readonly<Record<RegisterMode, string>> = {
  uk: 'UK — Misuse of Drugs Regulations 2001 (regs 19–20)',
  us: 'US — DEA records (21 CFR 1304)',
};

/** "vial" or "vials" (the product's own container name). */
export function containerWord(count: number, product: Pick<Product, 'containerName'> | undefined): string {
  const name = product?.containerName ?? 'container';
  return count === 1 ? name : `${name}s`;
}

/** "1 vial", "3 vials". */
export function containersText(count: number, product: Pick<Product, 'containerName'> | undefined): string {
  return `${count} ${containerWord(count, product)}`;
}

/** "2 sealed vials and 140 mg opened (540 mg in all)". */
export function stockSentence(
  balance: { containers: number; mg: number },
  openedMg: number | null,
  product: Pick<Product, 'containerName'> | undefined,
): string {
  const opened = openedMg === null ? '' : ` and ${openedMg} mg opened`;
  return `${balance.containers} sealed ${containerWord(balance.containers, product)}${opened} (${balance.mg} mg in all)`;
}

/** A typed number, or undefined when blank or not a number. */
export function toNumber(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** A trimmed text, or undefined when blank (the server reads an absent field as "not given"). */
export function optionalText(text: string): string | undefined {
  const t = text.trim();
  return t === '' ? undefined : t;
}

/**
 * Total mg of sealed containers plus an opened remainder, exact to the microgram; a remainder finer than
 * 0.001 mg is passed through as typed, for the server to refuse with its own words.
 */
export function sealedPlusOpened(
  containers: number,
  openedMg: number,
  product: Pick<Product, 'mgPerContainer'>,
): number {
  const opened = milligrams(openedMg);
  const sealed = timesMg(product.mgPerContainer, containers);
  return opened === undefined ? sealed + openedMg : addMg(sealed, opened);
}

/** The mg in opened containers: total mg less the sealed containers' contents. */
export function openedOf(quantity: Quantity, product: Pick<Product, 'mgPerContainer'>): number {
  return subtractMg(quantity.mg, timesMg(product.mgPerContainer, quantity.containers));
}
