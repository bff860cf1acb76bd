// The controlled-drug register's regulator views as PDF: the UK register, the US record and the inventory.
import type { Inventory, RegisterMode, RowBase } from '../domain/ledger/index.ts';
import { renderReportPdf, type PdfColumn } from './cd-register-pdf-table.ts';
import type { InventoryLine, ReportSection, UkSection, UsSection } from './cd-register-sections.ts';

const party = (p: { name: string; address?: string } | null): string =>
  p === null ? '' : p.address ? `${p.name}, ${p.address}` : p.name;

const signed = (r: RowBase): string =>
  r.witnessedBy.length === 0 ? r.enteredBy : `${r.enteredBy}; witness ${r.witnessedBy.join('; ')}`;

const dated = (r: RowBase): string =>
  r.enteredOn !== null && r.enteredOn !== r.date
    ? `${r.date ?? ''} (entered ${r.enteredOn})`
    : (r.date ?? '');

const notesOf = (r: RowBase): string[] => [
  ...r.footnotes,
  ...(r.lateEntryReason === null ? [] : [`Late entry: ${r.lateEntryReason}`]),
];

/**
 * A regulator's printed record. Every line starts with its number and date and ends with the balance and who
 * entered and witnessed it; between them, the columns that law prescribes.
 */
interface PdfLayout<S extends ReportSection<unknown, RowBase>> {
  readonly title: string;
  readonly subtitle: string;
  readonly empty: string;
  readonly heading: (h: S['heading'], premises: string) => { heading: string; subheading: string };
  readonly columns: readonly PdfColumn[];
  readonly cells: (r: S['rows'][number]) => string[];
}

const FIRST_COLUMNS: readonly PdfColumn[] = [
  { header: 'No.', weight: 3 },
  { header: 'Date', weight: 7 },
];
const LAST_COLUMNS: readonly PdfColumn[] = [
  { header: 'Balance', weight: 12 },
  { header: 'Entered by / witness', weight: 10 },
];

function registerPdf<S extends ReportSection<unknown, RowBase>>(
  layout: PdfLayout<S>,
  sections: readonly S[],
  generated: string,
): Promise<Buffer> {
  const columns = [...FIRST_COLUMNS, ...layout.columns, ...LAST_COLUMNS];
  return renderReportPdf({
    title: layout.title,
    subtitle: layout.subtitle,
    empty: layout.empty,
    sections: sections.map((s) => ({
      ...layout.heading(s.heading, s.premises),
      columns,
      rows: s.rows.map((r) => ({
        cells: [String(r.seq), dated(r), ...layout.cells(r), r.balance, signed(r)],
        struck: r.struck,
        notes: notesOf(r),
      })),
    })),
    footer: generated,
  });
}

const UK_LAYOUT: PdfLayout<UkSection> = {
  title: 'Controlled drugs register',
  subtitle:
    'Misuse of Drugs Regulations 2001, regulation 19 headings; entries in the order made. Corrections are dated ' +
    'notes; a corrected entry stays as written, struck through (reg 20(c)).',
  empty: 'The register has no entries for the sections asked for.',
  heading: (h, premises) => ({
    heading: `${h.drug}, ${h.form}, ${h.strength} (${h.container})`,
    subheading: `${h.drugClass}. Location: ${h.location}. Premises: ${premises}.`,
  }),
  columns: [
    { header: 'Obtained: from (name, address)', weight: 13 },
    { header: 'Quantity obtained', weight: 9 },
    { header: 'Supplied to (name, address)', weight: 13 },
    { header: 'Authority to possess', weight: 8 },
    { header: 'Quantity supplied', weight: 9 },
    { header: 'Details', weight: 16 },
  ],
  cells: (r) => [
    party(r.receivedFrom),
    r.quantityReceived ?? '',
    party(r.suppliedTo),
    r.authorityToPossess ?? '',
    r.quantitySupplied ?? '',
    `${r.kind}: ${r.details}`,
  ],
};

/** 1304.22(c)(3): containers received with the supplier's name, address and DEA registration number. */
const received = (r: UsSection['rows'][number]): string =>
  r.supplier === null
    ? ''
    : `${r.containersReceived ?? ''} from ${r.supplier.name}, ${r.supplier.address}, DEA ${r.supplier.deaNumber}` +
      (r.invoiceNumber === null ? '' : `; invoice ${r.invoiceNumber}`) +
      (r.lot === null ? '' : `; lot ${r.lot}`);

const US_LAYOUT: PdfLayout<UsSection> = {
  title: 'Controlled substance dispensing and administration record',
  subtitle:
    '21 CFR 1304.22(c); entries in the order made. Corrections are dated notes; a corrected entry stays as ' +
    'written, struck through.',
  empty: 'The record has no entries for the sections asked for.',
  heading: (h, premises) => ({
    heading: `${h.substance}, ${h.finishedForm}, ${h.containerSize}`,
    subheading: `Schedule ${h.schedule}. ${h.code}. Location: ${h.location}. Premises: ${premises}.`,
  }),
  columns: [
    { header: 'Record', weight: 7 },
    { header: 'Received: containers, supplier (name, address, DEA no.)', weight: 15 },
    { header: 'Quantity', weight: 11 },
    { header: 'Patient (name, address)', weight: 13 },
    { header: 'Administered by', weight: 8 },
    { header: 'Manner of disposal', weight: 10 },
  ],
  cells: (r) => [
    r.section,
    received(r),
    r.quantity,
    party(r.patient),
    r.administeredBy ?? '',
    r.mannerOfDisposal ?? '',
  ],
};

export const ukPdf = (sections: readonly UkSection[], generated: string): Promise<Buffer> =>
  registerPdf(UK_LAYOUT, sections, generated);

export const usPdf = (sections: readonly UsSection[], generated: string): Promise<Buffer> =>
  registerPdf(US_LAYOUT, sections, generated);

const INVENTORY_COLUMNS: PdfColumn[] = [
  { header: 'Drug', weight: 12 },
  { header: 'Finished form', weight: 14 },
  { header: 'Container size', weight: 8 },
  { header: 'Sealed containers', weight: 6 },
  { header: 'Opened', weight: 10 },
  { header: 'Total mg', weight: 6 },
  { header: 'Opened containers', weight: 8 },
  { header: 'Counted by', weight: 10 },
];

/** The inventory on hand (21 CFR 1304.11 in US mode), a table per location, zero balances included. */
export function inventoryPdf(
  inventory: Inventory,
  lines: readonly InventoryLine[],
  mode: RegisterMode,
  generated: string,
): Promise<Buffer> {
  const byLocation = new Map<string, InventoryLine[]>();
  for (const line of lines) {
    const key = `${line.premises}\u0000${line.location}`;
    byLocation.set(key, [...(byLocation.get(key) ?? []), line]);
  }
  return renderReportPdf({
    title: `Controlled substance inventory as of ${inventory.asOf}`,
    subtitle:
      `Taken at the ${inventory.takenAt === 'opening' ? 'opening' : 'close'} of business. ` +
      (mode === 'us'
        ? '21 CFR 1304.11: every controlled substance on hand, zero balances included.'
        : 'Stock check of the controlled drugs register, zero balances included.'),
    empty: 'No products or locations are set up.',
    sections: [...byLocation.values()].map((group) => ({
      heading: group[0]?.location ?? '',
      subheading: `Premises: ${group[0]?.premises ?? ''}`,
      columns: INVENTORY_COLUMNS,
      rows: group.map(({ row }) => ({
        cells: [
          row.drug,
          row.finishedForm,
          row.containerSize,
          String(row.sealedContainers),
          row.opened,
          String(row.totalMg),
          row.openedMeasure === 'exact-required' ? 'exact count required' : 'estimate allowed',
          '',
        ],
        struck: false,
        notes: [],
      })),
    })),
    footer: generated,
  });
}
