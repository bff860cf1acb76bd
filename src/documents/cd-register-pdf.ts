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

/** A column that law adds: its heading, its share of the page width and what a register line puts in it. */
type LawColumn<R> = readonly [header: string, weight: number, cell: (r: R) => string];

/**
 * A regulator's printed record. Every line starts with its number and date and ends with the balance and who
 * entered and witnessed it; between them, the columns that law prescribes.
 */
interface PdfLayout<S extends ReportSection<{ readonly location: string }, RowBase>> {
  readonly title: string;
  /** What the document calls itself ("the register has no entries"). */
  readonly record: string;
  /** The law whose headings it follows, and the rule that keeps a corrected entry struck through, if one does. */
  readonly law: string;
  readonly correctionRule: string | null;
  /** A section's heading, and how its subheading starts (the location and premises follow). */
  readonly heading: (h: S['heading']) => readonly [heading: string, subheading: string];
  readonly columns: readonly LawColumn<S['rows'][number]>[];
}

const FIRST_COLUMNS: readonly PdfColumn[] = [
  { header: 'No.', weight: 3 },
  { header: 'Date', weight: 7 },
];
const LAST_COLUMNS: readonly PdfColumn[] = [
  { header: 'Balance', weight: 12 },
  { header: 'Entered by / witness', weight: 10 },
];

function registerPdf<S extends ReportSection<{ readonly location: string }, RowBase>>(
  layout: PdfLayout<S>,
  sections: readonly S[],
  generated: string,
): Promise<Buffer> {
  const columns = [
    ...FIRST_COLUMNS,
    ...layout.columns.map(([header, weight]) => ({ header, weight })),
    ...LAST_COLUMNS,
  ];
  const rule = layout.correctionRule === null ? '' : ` (${layout.correctionRule})`;
  return renderReportPdf({
    title: layout.title,
    subtitle:
      `${layout.law}; entries in the order made. Corrections are dated notes; a corrected entry stays as ` +
      `written, struck through${rule}.`,
    empty: `The ${layout.record} has no entries for the sections asked for.`,
    sections: sections.map((s) => {
      const [heading, subheading] = layout.heading(s.heading);
      return {
        heading,
        subheading: `${subheading} Location: ${s.heading.location}. Premises: ${s.premises}.`,
        columns,
        rows: s.rows.map((r) => ({
          cells: [
            String(r.seq),
            dated(r),
            ...layout.columns.map(([, , cell]) => cell(r)),
            r.balance,
            signed(r),
          ],
          struck: r.struck,
          notes: notesOf(r),
        })),
      };
    }),
    footer: generated,
  });
}

const UK_LAYOUT: PdfLayout<UkSection> = {
  title: 'Controlled drugs register',
  record: 'register',
  law: 'Misuse of Drugs Regulations 2001, regulation 19 headings',
  correctionRule: 'reg 20(c)',
  heading: (h) => [`${h.drug}, ${h.form}, ${h.strength} (${h.container})`, `${h.drugClass}.`],
  columns: [
    ['Obtained: from (name, address)', 13, (r) => party(r.receivedFrom)],
    ['Quantity obtained', 9, (r) => r.quantityReceived ?? ''],
    ['Supplied to (name, address)', 13, (r) => party(r.suppliedTo)],
    ['Authority to possess', 8, (r) => r.authorityToPossess ?? ''],
    ['Quantity supplied', 9, (r) => r.quantitySupplied ?? ''],
    ['Details', 16, (r) => `${r.kind}: ${r.details}`],
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
  record: 'record',
  law: '21 CFR 1304.22(c)',
  correctionRule: null,
  heading: (h) => [
    `${h.substance}, ${h.finishedForm}, ${h.containerSize}`,
    `Schedule ${h.schedule}. ${h.code}.`,
  ],
  columns: [
    ['Record', 7, (r) => r.section],
    ['Received: containers, supplier (name, address, DEA no.)', 15, received],
    ['Quantity', 11, (r) => r.quantity],
    ['Patient (name, address)', 13, (r) => party(r.patient)],
    ['Administered by', 8, (r) => r.administeredBy ?? ''],
    ['Manner of disposal', 10, (r) => r.mannerOfDisposal ?? ''],
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
