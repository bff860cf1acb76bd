// The controlled-drug register's regulator views as CSV (formula injection escaped, R18): UK register, US record, inventory.
import type { Inventory, RowBase } from '../domain/ledger/index.ts';
import type { InventoryLine, ReportSection, UkSection, UsSection } from './cd-register-sections.ts';
import { toCsv, type Cell } from './csv.ts';

const joined = (items: readonly string[]): string => items.join('; ');

/**
 * What a regulator's record adds to the columns every register line has: its section heading (drug and strength
 * as that law names them), the part of the record a line is in, and its own row headings (which differ by law).
 */
interface CsvLayout<S extends RegisterSection> {
  readonly headingColumns: readonly string[];
  readonly heading: (h: S['heading']) => Cell[];
  readonly partColumn: string;
  readonly part: (r: S['rows'][number]) => Cell;
  readonly rowColumns: readonly string[];
  readonly row: (r: S['rows'][number]) => Cell[];
}

type RegisterSection = ReportSection<{ readonly location: string }, RowBase>;

const headerOf = <S extends RegisterSection>(layout: CsvLayout<S>): string[] => [
  'Premises',
  'Location',
  ...layout.headingColumns,
  'Entry',
  'Entry id',
  'Kind',
  layout.partColumn,
  'Date',
  'Entered on',
  ...layout.rowColumns,
  'Balance',
  'Entered by',
  'Witnessed by',
  'Corrected (struck through)',
  'Correction notes',
  'Late entry reason',
];

function registerCsv<S extends RegisterSection>(layout: CsvLayout<S>, sections: readonly S[]): string {
  const rows = sections.flatMap((s) =>
    s.rows.map((r): Cell[] => [
      s.premises,
      s.heading.location,
      ...layout.heading(s.heading),
      r.seq,
      r.entryId,
      r.kind,
      layout.part(r),
      r.date,
      r.enteredOn,
      ...layout.row(r),
      r.balance,
      r.enteredBy,
      joined(r.witnessedBy),
      r.struck,
      joined(r.footnotes),
      r.lateEntryReason,
    ]),
  );
  return toCsv(headerOf(layout), rows);
}

/** Misuse of Drugs Regulations 2001 reg 19 headings: obtained (from whom, how much) and supplied (to whom, authority). */
const UK_LAYOUT: CsvLayout<UkSection> = {
  headingColumns: ['Drug', 'Form', 'Strength', 'Container', 'Class'],
  heading: (h) => [h.drug, h.form, h.strength, h.container, h.drugClass],
  partColumn: 'Part',
  part: (r) => r.part,
  rowColumns: [
    'Received from',
    'Received from address',
    'Quantity received',
    'Supplied to',
    'Supplied to address',
    'Authority to possess',
    'Quantity supplied',
    'Details',
  ],
  row: (r) => [
    r.receivedFrom?.name,
    r.receivedFrom?.address,
    r.quantityReceived,
    r.suppliedTo?.name,
    r.suppliedTo?.address,
    r.authorityToPossess,
    r.quantitySupplied,
    r.details,
  ],
};

/** 21 CFR 1304.22(c): containers received from a supplier (with DEA number), administered to a patient, disposed of. */
const US_LAYOUT: CsvLayout<UsSection> = {
  headingColumns: ['Substance', 'Finished form', 'Container size', 'Schedule', 'Code'],
  heading: (h) => [h.substance, h.finishedForm, h.containerSize, h.schedule, h.code],
  partColumn: 'Section',
  part: (r) => r.section,
  rowColumns: [
    'Containers received',
    'Supplier',
    'Supplier address',
    'Supplier DEA number',
    'Invoice',
    'Quantity',
    'Patient',
    'Patient address',
    'Session',
    'Administered by',
    'Manner of disposal',
    'Lot',
  ],
  row: (r) => [
    r.containersReceived,
    r.supplier?.name,
    r.supplier?.address,
    r.supplier?.deaNumber,
    r.invoiceNumber,
    r.quantity,
    r.patient?.name,
    r.patient?.address,
    r.sessionId,
    r.administeredBy,
    r.mannerOfDisposal,
    r.lot,
  ],
};

export const UK_CSV_HEADER = headerOf(UK_LAYOUT);
export const US_CSV_HEADER = headerOf(US_LAYOUT);

export const ukCsv = (sections: readonly UkSection[]): string => registerCsv(UK_LAYOUT, sections);
export const usCsv = (sections: readonly UsSection[]): string => registerCsv(US_LAYOUT, sections);

export const INVENTORY_CSV_HEADER = [
  'As of',
  'Taken at',
  'Premises',
  'Location',
  'Drug',
  'Finished form',
  'Container size',
  'Sealed containers',
  'Opened (mg)',
  'Opened',
  'Total (mg)',
  'Opened containers',
];

export function inventoryCsv(inventory: Inventory, lines: readonly InventoryLine[]): string {
  return toCsv(
    INVENTORY_CSV_HEADER,
    lines.map(({ premises, location, row }): Cell[] => [
      inventory.asOf,
      inventory.takenAt,
      premises,
      location,
      row.drug,
      row.finishedForm,
      row.containerSize,
      row.sealedContainers,
      row.openedMg,
      row.opened,
      row.totalMg,
      row.openedMeasure === 'exact-required' ? 'exact count required' : 'estimate allowed',
    ]),
  );
}
