// The inventory sheet (21 CFR 1304.11): sealed containers and opened contents per product and location, as of a date.
import { openMg, type Balance } from './balance.ts';
import { addMonths, type IsoDate } from '../core/calendar.ts';
import { containerText, mgText, strengthText } from './format.ts';
import type { Product } from './product.ts';
import type { Milligrams } from './units.ts';

/** One line of the inventory: what the register says is on hand, for the people counting to confirm. */
export interface InventoryRow {
  readonly productId: string;
  readonly locationId: string;
  readonly drug: string;
  readonly finishedForm: string;
  readonly containerSize: string;
  readonly sealedContainers: number;
  readonly openedMg: Milligrams;
  readonly opened: string;
  readonly totalMg: Milligrams;
  /**
   * 1304.11: opened containers of Schedule III–V may be estimated unless they hold more than 1,000
   * tablets or capsules; Schedule II always exact (clinic.md §5 [V]; paragraph number [U]). KASPR
   * records exact mL anyway, as clinic.md advises and some states (Iowa 481-553.5) require.
   */
  readonly openedMeasure: 'estimate-allowed' | 'exact-required';
}

/** An inventory as of a date, taken at the opening or close of business (1304.11 asks which). */
export interface Inventory {
  readonly asOf: IsoDate;
  readonly takenAt: 'opening' | 'close';
  readonly rows: readonly InventoryRow[];
}

function measure(product: Product): InventoryRow['openedMeasure'] {
  if (product.schedule.us === 'II') return 'exact-required';
  const { strength } = product;
  return strength.per === 'unit' && strength.containerUnits > 1000 ? 'exact-required' : 'estimate-allowed';
}

/**
 * The inventory sheet from balances as of `asOf` (balances derived from entries up to then). Zero
 * balances are listed: an inventory records "none on hand" too. Balances of unknown products are left out.
 */
export function biennialInventory(
  balances: readonly Balance[],
  products: readonly Product[],
  asOf: IsoDate,
  takenAt: Inventory['takenAt'],
): Inventory {
  const rows = balances.flatMap((balance): InventoryRow[] => {
    const product = products.find((p) => p.id === balance.productId);
    if (product === undefined) return [];
    const opened = openMg(balance, product);
    return [
      {
        productId: product.id,
        locationId: balance.locationId,
        drug: product.drug,
        finishedForm: `${strengthText(product)} ${product.form}`,
        containerSize: containerText(product),
        sealedContainers: balance.containers,
        openedMg: opened,
        opened: mgText(opened, product),
        totalMg: balance.mg,
        openedMeasure: measure(product),
      },
    ];
  });
  return { asOf, takenAt, rows };
}

/**
 * When the next inventory is due: every 24 months (biennial, 1304.11), or the interval a stricter state
 * sets (Iowa: annual, 12 months).
 */
export function inventoryDueBy(lastTakenOn: IsoDate, intervalMonths = 24): IsoDate {
  return addMonths(lastTakenOn, intervalMonths);
}
