// The controlled-drug register's regulator views as CSV (formula injection escaped, R18): UK register, US record, inventory.
import type { Inventory, RowBase } from '../domain/ledger/index.ts';
import type { InventoryLine, ReportSection, UkSection, UsSection } from './cd-register-sections.ts';
import { toCsv, type Cell } from './csv.ts';

const joined = (items: readonly string[]): string => items.join('; ');

/** A column of a register line: its header and the value a line puts in it. */
type CsvColumn<R> = readonly [header: string, cell: (r: R) => Cell];

/** A party named with an address, as two columns: `<label>` and `<label> address`. */
const partyColumns = <R>(
  label: string,
  party: (r: R) => { readonly name: string; readonly address?: string } | null,
): CsvColumn<R>[] => [
  [label, (r) => party(r)?.name],
  [`${label} address`, (r) => party(r)?.address],
];

/**
 * What a regulator's record adds to the columns every register line has: its section heading (drug and strength
 * as that law names them), the part of the record a line is in, and its own row columns (which differ by law).
 */
interface CsvLayout<S extends RegisterSection> {
  readonly headingColumns: readonly string[];
  readonly heading: (h: S['heading']) => Cell[];
  readonly part: CsvColumn<S['rows'][number]>;
  readonly row: readonly CsvColumn<S['rows'][number]>[];
}

type RegisterSection = ReportSection<{ readonly location: string }, RowBase>;

const headerOf = <S extends RegisterSection>(layout: CsvLayout<S>): string[] => [
  'Premises',
  'Location',
  ...layout.headingColumns,
  'Entry',
  'Entry id',
  'Kind',
  layout.part[0],
  'Date',
  'Entered on',
  ...layout.row.map(([header]) => header),
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
      layout.part[1](r),
      r.date,
      r.enteredOn,
      ...layout.row.map(([, cell]) => cell(r)),
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

type UkRow = UkSection['rows'][number];
type UsRow = UsSection['rows'][number];

/** Misuse of Drugs Regulations 2001 reg 19 headings: obtained (from whom, how much) and supplied (to whom, authority). */
const UK_LAYOUT: CsvLayout<UkSection> = {
  headingColumns: ['Drug', 'Form', 'Strength', 'Container', 'Class'],
  heading: (h) => [h.drug, h.form, h.strength, h.container, h.drugClass],
  part: ['Part', (r) => r.part],
  row: [
    ...partyColumns<UkRow>('Received from', (r) => r.receivedFrom),
    ['Quantity received', (r) => r.quantityReceived],
    ...partyColumns<UkRow>('Supplied to', (r) => r.suppliedTo),
    ['Authority to possess', (r) => r.authorityToPossess],
    ['Quantity supplied', (r) => r.quantitySupplied],
    ['Details', (r) => r.details],
  ],
};

/** 21 CFR 1304.22(c): containers received from a supplier (with DEA number), administered to a patient, disposed of. */
const US_LAYOUT: CsvLayout<UsSection> = {
  headingColumns: ['Substance', 'Finished form', 'Container size', 'Schedule', 'Code'],
  heading: (h) => [h.substance, h.finishedForm, h.containerSize, h.schedule, h.code],
  part: ['Section', (r) => r.section],
  row: [
    ['Containers received', (r) => r.containersReceived],
    ...partyColumns<UsRow>('Supplier', (r) => r.supplier),
    ['Supplier DEA number', (r) => r.supplier?.deaNumber],
    ['Invoice', (r) => r.invoiceNumber],
    ['Quantity', (r) => r.quantity],
    ...partyColumns<UsRow>('Patient', (r) => r.patient),
    ['Session', (r) => r.sessionId],
    ['Administered by', (r) => r.administeredBy],
    ['Manner of disposal', (r) => r.mannerOfDisposal],
    ['Lot', (r) => r.lot],
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
