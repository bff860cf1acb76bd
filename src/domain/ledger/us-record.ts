// US mode: the dispensing/administration record of 21 CFR 1304.22(c), one row per register entry.
import {
  containerText,
  correctedKind,
  partyOf,
  patientParty,
  quantityText,
  regulatorRows,
  strengthText,
} from './format.ts';
import type { Party, RegulatorRows, RowBase, RowSource } from './format.ts';

/** 1304.22(c)(1)–(2): the substance, each finished form, and the units or volume in each commercial container. */
export interface UsRecordHeading {
  readonly substance: string;
  readonly finishedForm: string;
  readonly containerSize: string;
  readonly schedule: string;
  readonly code: string;
  readonly location: string;
}

/**
 * One record row (clinic.md §5 US [V]):
 * (c)(3) containers received: date, number, supplier's name, address and DEA registration number;
 * (c)(4) administered: quantity, patient's name and address, date, name or initials of who administered;
 * (c)(5) disposed of in any other manner: date, manner and quantity.
 * Pharmaceutical wastage is recorded with the administration it follows (clinic.md §5), linked by session.
 */
export interface UsRecordRow extends RowBase {
  readonly section:
    'received' | 'administered' | 'wasted' | 'disposed' | 'transferred' | 'inventory' | 'correction';
  readonly containersReceived: number | null;
  readonly supplier: { readonly name: string; readonly address: string; readonly deaNumber: string } | null;
  readonly invoiceNumber: string | null;
  readonly quantity: string;
  readonly patient: Party | null;
  readonly sessionId: string | null;
  readonly administeredBy: string | null;
  readonly mannerOfDisposal: string | null;
  readonly lot: string | null;
}

type Part = Omit<UsRecordRow, keyof RowBase>;

function partOf({ entry, all, location, product, directory }: RowSource): Part {
  const moved = quantityText(correctedKind(entry, all), entry.quantity, product);
  const base: Part = {
    section: 'disposed',
    containersReceived: null,
    supplier: null,
    invoiceNumber: entry.invoiceNumber ?? null,
    quantity: moved,
    patient: null,
    sessionId: entry.sessionId ?? null,
    administeredBy: null,
    mannerOfDisposal: null,
    lot: entry.lot ?? null,
  };
  const supplier = {
    name: entry.supplier?.name ?? '',
    address: entry.supplier?.address ?? '',
    deaNumber: entry.supplier?.registrationNumber ?? '',
  };
  const person = (id: string | undefined): string => {
    const party = partyOf(directory, id);
    return party.initials === undefined ? party.name : `${party.name} (${party.initials})`;
  };
  switch (entry.kind) {
    case 'receipt':
      return { ...base, section: 'received', containersReceived: entry.quantity.containers, supplier };
    case 'administration':
      return {
        ...base,
        section: 'administered',
        patient: patientParty(directory, entry),
        administeredBy: person(entry.administeredById),
      };
    case 'waste':
      return {
        ...base,
        section: 'wasted',
        patient: patientParty(directory, entry),
        mannerOfDisposal: 'Pharmaceutical wastage (rest of an opened container)',
      };
    case 'return':
      return { ...base, supplier, mannerOfDisposal: `Returned to supplier ${supplier.name}` };
    case 'destruction':
      return { ...base, mannerOfDisposal: `Destroyed: ${entry.destructionMethod ?? ''}` };
    case 'loss':
      return { ...base, mannerOfDisposal: entry.theft === true ? 'Theft' : 'Loss' };
    case 'transfer': {
      const out = entry.locationId === location.id;
      const other = partyOf(directory, out ? entry.counterpartyLocationId : entry.locationId).name;
      return {
        ...base,
        section: 'transferred',
        mannerOfDisposal: out ? `Transferred to ${other}` : `Received from ${other}`,
      };
    }
    case 'count':
      return { ...base, section: 'inventory' };
    case 'correction':
      return { ...base, section: 'correction' };
  }
}

/** The 1304.22(c) record for `product` at `location`, in register order. */
export const usAdministrationRecordRows: RegulatorRows<UsRecordHeading, UsRecordRow> = regulatorRows(
  (product, location): UsRecordHeading => ({
    substance: product.drug,
    finishedForm: `${strengthText(product)} ${product.form}`,
    containerSize: containerText(product),
    schedule: product.schedule.us === undefined ? 'Not recorded' : `C${product.schedule.us}`,
    code: `${product.code.system.toUpperCase()} ${product.code.value}`,
    location: location.name,
  }),
  partOf,
);
