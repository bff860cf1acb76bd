// The sections of a regulator view of the controlled-drug register: one product at one location, premises by premises.
import {
  registerSection,
  ukRegisterRows,
  usAdministrationRecordRows,
  type Directory,
  type Inventory,
  type LedgerEntry,
  type Location,
  type Product,
  type UkRegisterHeading,
  type UkRegisterRow,
  type UsRecordHeading,
  type UsRecordRow,
} from '../domain/ledger/index.ts';

/** One register section: one product (drug, form, strength) at one location, headed as the regulator wants. */
export interface ReportSection<H, R> {
  readonly premises: string;
  readonly productId: string;
  readonly locationId: string;
  readonly heading: H;
  readonly rows: readonly R[];
}

export type UkSection = ReportSection<UkRegisterHeading, UkRegisterRow>;
export type UsSection = ReportSection<UsRecordHeading, UsRecordRow>;

export interface SectionFilter {
  readonly productId?: string | undefined;
  readonly locationId?: string | undefined;
}

/** One line of an inventory: a row of the domain's inventory with the place it was counted at. */
export interface InventoryLine {
  readonly premises: string;
  readonly location: string;
  readonly row: Inventory['rows'][number];
}

/**
 * The product × location pairs to print, premises by premises (the UK keeps one register per premises, with a
 * section per drug, form and strength). A pair asked for by both ids is printed even when empty; otherwise only
 * pairs with entries.
 */
function pairs(
  entries: readonly LedgerEntry[],
  products: readonly Product[],
  locations: readonly Location[],
  filter: SectionFilter,
): { product: Product; location: Location }[] {
  const wantedLocations = locations
    .filter((l) => filter.locationId === undefined || l.id === filter.locationId)
    .sort((a, b) => a.premisesId.localeCompare(b.premisesId) || a.name.localeCompare(b.name));
  const wantedProducts = products.filter((p) => filter.productId === undefined || p.id === filter.productId);
  const both = filter.productId !== undefined && filter.locationId !== undefined;
  return wantedLocations.flatMap((location) =>
    wantedProducts
      .filter((product) => both || registerSection(entries, product.id, location.id).length > 0)
      .map((product) => ({ product, location })),
  );
}

/** One law's rows for one product at one location, with the section heading that law prescribes. */
type RegisterRows<H, R> = (
  entries: readonly LedgerEntry[],
  product: Product,
  location: Location,
  directory: Directory,
) => { readonly heading: H; readonly rows: readonly R[] };

/** A section per product and location to print, headed and ruled by one law's register rows. */
function sectionsOf<H, R>(rowsOf: RegisterRows<H, R>) {
  return (
    entries: readonly LedgerEntry[],
    products: readonly Product[],
    locations: readonly Location[],
    directory: Directory,
    filter: SectionFilter,
  ): ReportSection<H, R>[] =>
    pairs(entries, products, locations, filter).map(({ product, location }) => ({
      premises: location.premisesId,
      productId: product.id,
      locationId: location.id,
      ...rowsOf(entries, product, location, directory),
    }));
}

/** The UK register (Misuse of Drugs Regulations 2001 reg 19): a section per drug, form and strength. */
export const ukSections = sectionsOf(ukRegisterRows);

/** The US dispensing and administration record (21 CFR 1304.22(c)): a section per finished form. */
export const usSections = sectionsOf(usAdministrationRecordRows);
