// UK mode: a CD register section per drug, form and strength with the Misuse of Drugs Regulations 2001 reg 19 headings.
import {
  containerText,
  correctedKind,
  mgText,
  partyOf,
  patientParty,
  quantityText,
  regulatorRows,
  stockText,
  strengthText,
} from './format.ts';
import type { Party, RegulatorRows, RowBase, RowSource } from './format.ts';

/** The head of a register section: reg 20 names the drug class at the head of each page; electronic
 * registers show name, form and strength at the top of each display (clinic.md §5 UK [V]). */
export interface UkRegisterHeading {
  readonly drug: string;
  readonly form: string;
  readonly strength: string;
  readonly container: string;
  readonly drugClass: string;
  readonly location: string;
}

/**
 * One register line with the reg 19 headings (clinic.md §5 UK [V]). "Obtained": date received, name and
 * address from whom received, quantity received. "Supplied" (including by way of administration): date
 * supplied, name and address of the person or firm supplied, authority to possess, quantity supplied.
 * Waste, destruction, loss, counts and corrections are "other" lines explained in `details`.
 */
export interface UkRegisterRow extends RowBase {
  readonly part: 'obtained' | 'supplied' | 'other';
  readonly receivedFrom: Party | null;
  readonly quantityReceived: string | null;
  readonly suppliedTo: Party | null;
  /** Prescriber (or licence) details for a supply. */
  readonly authorityToPossess: string | null;
  readonly quantitySupplied: string | null;
  /**
   * Reg 19(1)(f) headings (person collecting, proof of identity requested, provided) apply only to some
   * supplies and the excerpt was cut off [U]; KASPR records administration on the premises, so they stay empty.
   */
  readonly personCollecting: null;
  readonly proofOfIdentityRequested: null;
  readonly proofOfIdentityProvided: null;
  readonly details: string;
}

type Part = Pick<
  UkRegisterRow,
  | 'part'
  | 'receivedFrom'
  | 'quantityReceived'
  | 'suppliedTo'
  | 'authorityToPossess'
  | 'quantitySupplied'
  | 'details'
>;

const EMPTY: Part = {
  part: 'other',
  receivedFrom: null,
  quantityReceived: null,
  suppliedTo: null,
  authorityToPossess: null,
  quantitySupplied: null,
  details: '',
};

const obtained = (from: Party, quantity: string, details: string): Part => ({
  ...EMPTY,
  part: 'obtained',
  receivedFrom: from,
  quantityReceived: quantity,
  details,
});

const supplied = (to: Party, quantity: string, details: string, authority: string | null = null): Part => ({
  ...EMPTY,
  part: 'supplied',
  suppliedTo: to,
  authorityToPossess: authority,
  quantitySupplied: quantity,
  details,
});

const other = (details: string): Part => ({ ...EMPTY, details });

function partOf({ entry, all, location, product, directory }: RowSource): Part {
  const moved = quantityText(correctedKind(entry, all), entry.quantity, product);
  const reason = entry.reason === undefined ? '' : ` Reason: ${entry.reason}.`;
  const lot = entry.lot === undefined ? '' : ` Lot ${entry.lot}.`;
  const supplier = { name: entry.supplier?.name ?? '', address: entry.supplier?.address ?? '' };
  switch (entry.kind) {
    case 'receipt':
      return obtained(
        supplier,
        moved,
        `Invoice ${entry.invoiceNumber ?? ''}.${lot} Expiry ${entry.expiry ?? ''}.${reason}`,
      );
    case 'transfer':
      return entry.locationId === location.id
        ? supplied(partyOf(directory, entry.counterpartyLocationId), moved, `Transfer.${reason}`)
        : obtained(partyOf(directory, entry.locationId), moved, `Transfer.${reason}`);
    case 'administration': {
      const { containers } = entry.quantity;
      const opened = containers > 0 ? ` ${containers} × ${containerText(product)} opened.` : '';
      const details = `Administered by ${partyOf(directory, entry.administeredById).name}.${opened}${lot}`;
      const authority = partyOf(directory, entry.prescriberId).name;
      return supplied(
        patientParty(directory, entry) ?? { name: '' },
        mgText(entry.quantity.mg, product),
        details,
        authority,
      );
    }
    case 'return':
      return supplied(supplier, moved, `Returned to supplier.${reason}`);
    case 'waste':
      return other(`Waste (rest of an opened container): ${mgText(entry.quantity.mg, product)}.${reason}`);
    case 'destruction':
      return other(`Destroyed: ${moved}. Method: ${entry.destructionMethod ?? ''}.${lot}${reason}`);
    case 'loss':
      return other(`${entry.theft === true ? 'Theft' : 'Loss'} discovered: ${moved}.${reason}`);
    case 'count': {
      const { expected } = entry;
      const shown = expected === undefined ? '' : stockText(expected.containers, expected.mg, product);
      return other(`Stock check: counted ${moved}; register showed ${shown}.${reason}`);
    }
    case 'correction':
      return other(`Correction of entry ${entry.correctsEntryId ?? ''}: now reads ${moved}.${reason}`);
  }
}

/** The register section for `product` at `location`, lines in the order made (reg 19 "chronological sequence"). */
export const ukRegisterRows: RegulatorRows<UkRegisterHeading, UkRegisterRow> = regulatorRows(
  (product, location): UkRegisterHeading => {
    const uk = product.schedule.uk;
    return {
      drug: product.drug,
      form: product.form,
      strength: strengthText(product),
      container: containerText(product),
      drugClass: uk === undefined ? 'Not recorded' : `Class ${uk.drugClass}, Schedule ${uk.schedule}`,
      location: location.name,
    };
  },
  (source) => ({
    ...partOf(source),
    personCollecting: null,
    proofOfIdentityRequested: null,
    proofOfIdentityProvided: null,
  }),
);
