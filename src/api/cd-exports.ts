// Regulator views of the controlled-drug register as JSON, CSV (formula injection escaped, R18) and PDF.
import PDFDocument from 'pdfkit';
import {
  registerSection,
  ukRegisterRows,
  usAdministrationRecordRows,
  type Directory,
  type Inventory,
  type LedgerEntry,
  type Location,
  type Product,
  type RegisterMode,
  type UkRegisterHeading,
  type UkRegisterRow,
  type UsRecordHeading,
  type UsRecordRow,
} from '../domain/ledger/index.ts';
import { toCsv, type Cell } from '../documents/csv.ts';
import { pdfBytes } from '../documents/pdf.ts';

export { csvCell, toCsv, type Cell } from '../documents/csv.ts';

export type ReportFormat = 'json' | 'csv' | 'pdf';

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

export function ukSections(
  entries: readonly LedgerEntry[],
  products: readonly Product[],
  locations: readonly Location[],
  directory: Directory,
  filter: SectionFilter,
): UkSection[] {
  return pairs(entries, products, locations, filter).map(({ product, location }) => ({
    premises: location.premisesId,
    productId: product.id,
    locationId: location.id,
    ...ukRegisterRows(entries, product, location, directory),
  }));
}

export function usSections(
  entries: readonly LedgerEntry[],
  products: readonly Product[],
  locations: readonly Location[],
  directory: Directory,
  filter: SectionFilter,
): UsSection[] {
  return pairs(entries, products, locations, filter).map(({ product, location }) => ({
    premises: location.premisesId,
    productId: product.id,
    locationId: location.id,
    ...usAdministrationRecordRows(entries, product, location, directory),
  }));
}

// ---------------------------------------------------------------- CSV

const joined = (items: readonly string[]): string => items.join('; ');

export const UK_CSV_HEADER = [
  'Premises',
  'Location',
  'Drug',
  'Form',
  'Strength',
  'Container',
  'Class',
  'Entry',
  'Entry id',
  'Kind',
  'Part',
  'Date',
  'Entered on',
  'Received from',
  'Received from address',
  'Quantity received',
  'Supplied to',
  'Supplied to address',
  'Authority to possess',
  'Quantity supplied',
  'Details',
  'Balance',
  'Entered by',
  'Witnessed by',
  'Corrected (struck through)',
  'Correction notes',
  'Late entry reason',
];

export function ukCsv(sections: readonly UkSection[]): string {
  const rows = sections.flatMap((s) =>
    s.rows.map((r): Cell[] => [
      s.premises,
      s.heading.location,
      s.heading.drug,
      s.heading.form,
      s.heading.strength,
      s.heading.container,
      s.heading.drugClass,
      r.seq,
      r.entryId,
      r.kind,
      r.part,
      r.date,
      r.enteredOn,
      r.receivedFrom?.name,
      r.receivedFrom?.address,
      r.quantityReceived,
      r.suppliedTo?.name,
      r.suppliedTo?.address,
      r.authorityToPossess,
      r.quantitySupplied,
      r.details,
      r.balance,
      r.enteredBy,
      joined(r.witnessedBy),
      r.struck,
      joined(r.footnotes),
      r.lateEntryReason,
    ]),
  );
  return toCsv(UK_CSV_HEADER, rows);
}

export const US_CSV_HEADER = [
  'Premises',
  'Location',
  'Substance',
  'Finished form',
  'Container size',
  'Schedule',
  'Code',
  'Entry',
  'Entry id',
  'Kind',
  'Section',
  'Date',
  'Entered on',
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
  'Balance',
  'Entered by',
  'Witnessed by',
  'Corrected (struck through)',
  'Correction notes',
  'Late entry reason',
];

export function usCsv(sections: readonly UsSection[]): string {
  const rows = sections.flatMap((s) =>
    s.rows.map((r): Cell[] => [
      s.premises,
      s.heading.location,
      s.heading.substance,
      s.heading.finishedForm,
      s.heading.containerSize,
      s.heading.schedule,
      s.heading.code,
      r.seq,
      r.entryId,
      r.kind,
      r.section,
      r.date,
      r.enteredOn,
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
      r.balance,
      r.enteredBy,
      joined(r.witnessedBy),
      r.struck,
      joined(r.footnotes),
      r.lateEntryReason,
    ]),
  );
  return toCsv(US_CSV_HEADER, rows);
}

export interface InventoryLine {
  readonly premises: string;
  readonly location: string;
  readonly row: Inventory['rows'][number];
}

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

// ---------------------------------------------------------------- PDF

interface PdfColumn {
  readonly header: string;
  /** Share of the page width. */
  readonly weight: number;
}

interface PdfRow {
  readonly cells: readonly string[];
  readonly struck: boolean;
  readonly notes: readonly string[];
}

interface PdfTableSection {
  readonly heading: string;
  readonly subheading: string;
  readonly columns: readonly PdfColumn[];
  readonly rows: readonly PdfRow[];
}

export interface PdfReport {
  readonly title: string;
  readonly subtitle: string;
  readonly sections: readonly PdfTableSection[];
  readonly empty: string;
  readonly footer: string;
}

const MARGIN = 36;
const CELL_PAD = 2;

/**
 * A landscape A4 table per section with the standard fonts. Corrected entries stay printed as written and are
 * struck through, with their dated correction notes under them (MDR reg 20(c)).
 */
export function renderReportPdf(report: PdfReport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    info: { Title: report.title, Creator: 'KASPR' },
  });
  const finished = pdfBytes(doc);
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN;

  doc.font('Helvetica-Bold').fontSize(16).text(report.title);
  doc.font('Helvetica').fontSize(9).fillColor('#444444').text(report.subtitle).fillColor('#000000');
  doc.moveDown();
  if (report.sections.length === 0) doc.font('Helvetica').fontSize(10).text(report.empty);

  for (const section of report.sections) {
    const total = section.columns.reduce((sum, c) => sum + c.weight, 0);
    const widths = section.columns.map((c) => (c.weight / total) * width);
    const rowHeight = (cells: readonly string[], font: string): number => {
      doc.font(font).fontSize(7);
      return (
        Math.max(
          ...cells.map((cell, i) => doc.heightOfString(cell, { width: (widths[i] ?? 20) - 2 * CELL_PAD })),
        ) +
        2 * CELL_PAD
      );
    };
    const drawRow = (cells: readonly string[], font: string, struck: boolean, shade: boolean): void => {
      const height = rowHeight(cells, font);
      const top = doc.y;
      if (shade) doc.rect(MARGIN, top, width, height).fill('#eeeeee').fillColor('#000000');
      let x = MARGIN;
      doc.font(font).fontSize(7);
      cells.forEach((cell, i) => {
        const w = widths[i] ?? 20;
        doc.text(cell, x + CELL_PAD, top + CELL_PAD, { width: w - 2 * CELL_PAD, strike: struck });
        x += w;
      });
      doc
        .moveTo(MARGIN, top + height)
        .lineTo(MARGIN + width, top + height)
        .lineWidth(0.3)
        .strokeColor('#999999')
        .stroke();
      doc.x = MARGIN;
      doc.y = top + height;
    };
    const header = section.columns.map((c) => c.header);
    const drawHeader = (): void => {
      drawRow(header, 'Helvetica-Bold', false, true);
    };
    if (doc.y + 60 > bottom()) doc.addPage();
    doc.x = MARGIN;
    doc.font('Helvetica-Bold').fontSize(11).text(section.heading, MARGIN, doc.y, { width });
    doc.font('Helvetica').fontSize(8).fillColor('#444444').text(section.subheading, { width });
    doc.fillColor('#000000').moveDown(0.3);
    drawHeader();
    if (section.rows.length === 0)
      doc
        .font('Helvetica')
        .fontSize(8)
        .text('No entries.', MARGIN, doc.y + 2);
    for (const row of section.rows) {
      const notes = row.notes.join('\n');
      const notesHeight =
        notes === '' ? 0 : doc.font('Helvetica-Oblique').fontSize(7).heightOfString(notes, { width }) + 2;
      if (doc.y + rowHeight(row.cells, 'Helvetica') + notesHeight > bottom()) {
        doc.addPage();
        drawHeader();
      }
      drawRow(row.cells, 'Helvetica', row.struck, false);
      if (notes !== '') {
        doc
          .font('Helvetica-Oblique')
          .fontSize(7)
          .fillColor('#333333')
          .text(notes, MARGIN, doc.y + 1, { width });
        doc.fillColor('#000000');
        doc.y += 1;
      }
    }
    doc.x = MARGIN;
    doc.moveDown();
  }
  doc
    .moveDown()
    .font('Helvetica')
    .fontSize(7)
    .fillColor('#666666')
    .text(report.footer, MARGIN, doc.y, { width });
  doc.end();
  return finished;
}

const party = (p: { name: string; address?: string } | null): string =>
  p === null ? '' : p.address ? `${p.name}, ${p.address}` : p.name;

const signed = (r: { enteredBy: string; witnessedBy: readonly string[] }): string =>
  r.witnessedBy.length === 0 ? r.enteredBy : `${r.enteredBy}; witness ${joined(r.witnessedBy)}`;

const dated = (r: { date: string | null; enteredOn: string | null }): string =>
  r.enteredOn !== null && r.enteredOn !== r.date
    ? `${r.date ?? ''} (entered ${r.enteredOn})`
    : (r.date ?? '');

const notesOf = (r: { footnotes: readonly string[]; lateEntryReason: string | null }): string[] => [
  ...r.footnotes,
  ...(r.lateEntryReason === null ? [] : [`Late entry: ${r.lateEntryReason}`]),
];

const UK_COLUMNS: PdfColumn[] = [
  { header: 'No.', weight: 3 },
  { header: 'Date', weight: 7 },
  { header: 'Obtained: from (name, address)', weight: 13 },
  { header: 'Quantity obtained', weight: 9 },
  { header: 'Supplied to (name, address)', weight: 13 },
  { header: 'Authority to possess', weight: 8 },
  { header: 'Quantity supplied', weight: 9 },
  { header: 'Details', weight: 16 },
  { header: 'Balance', weight: 12 },
  { header: 'Entered by / witness', weight: 10 },
];

export function ukPdf(sections: readonly UkSection[], generated: string): Promise<Buffer> {
  return renderReportPdf({
    title: 'Controlled drugs register',
    subtitle:
      'Misuse of Drugs Regulations 2001, regulation 19 headings; entries in the order made. Corrections are dated ' +
      'notes; a corrected entry stays as written, struck through (reg 20(c)).',
    empty: 'The register has no entries for the sections asked for.',
    sections: sections.map((s) => ({
      heading: `${s.heading.drug}, ${s.heading.form}, ${s.heading.strength} (${s.heading.container})`,
      subheading: `${s.heading.drugClass}. Location: ${s.heading.location}. Premises: ${s.premises}.`,
      columns: UK_COLUMNS,
      rows: s.rows.map((r) => ({
        cells: [
          String(r.seq),
          dated(r),
          party(r.receivedFrom),
          r.quantityReceived ?? '',
          party(r.suppliedTo),
          r.authorityToPossess ?? '',
          r.quantitySupplied ?? '',
          `${r.kind}: ${r.details}`,
          r.balance,
          signed(r),
        ],
        struck: r.struck,
        notes: notesOf(r),
      })),
    })),
    footer: generated,
  });
}

const US_COLUMNS: PdfColumn[] = [
  { header: 'No.', weight: 3 },
  { header: 'Date', weight: 7 },
  { header: 'Record', weight: 7 },
  { header: 'Received: containers, supplier (name, address, DEA no.)', weight: 15 },
  { header: 'Quantity', weight: 11 },
  { header: 'Patient (name, address)', weight: 13 },
  { header: 'Administered by', weight: 8 },
  { header: 'Manner of disposal', weight: 10 },
  { header: 'Balance', weight: 12 },
  { header: 'Entered by / witness', weight: 10 },
];

export function usPdf(sections: readonly UsSection[], generated: string): Promise<Buffer> {
  return renderReportPdf({
    title: 'Controlled substance dispensing and administration record',
    subtitle:
      '21 CFR 1304.22(c); entries in the order made. Corrections are dated notes; a corrected entry stays as ' +
      'written, struck through.',
    empty: 'The record has no entries for the sections asked for.',
    sections: sections.map((s) => ({
      heading: `${s.heading.substance}, ${s.heading.finishedForm}, ${s.heading.containerSize}`,
      subheading: `Schedule ${s.heading.schedule}. ${s.heading.code}. Location: ${s.heading.location}. Premises: ${s.premises}.`,
      columns: US_COLUMNS,
      rows: s.rows.map((r) => ({
        cells: [
          String(r.seq),
          dated(r),
          r.section,
          r.supplier === null
            ? ''
            : `${r.containersReceived ?? ''} from ${r.supplier.name}, ${r.supplier.address}, DEA ${r.supplier.deaNumber}` +
              (r.invoiceNumber === null ? '' : `; invoice ${r.invoiceNumber}`) +
              (r.lot === null ? '' : `; lot ${r.lot}`),
          r.quantity,
          party(r.patient),
          r.administeredBy ?? '',
          r.mannerOfDisposal ?? '',
          r.balance,
          signed(r),
        ],
        struck: r.struck,
        notes: notesOf(r),
      })),
    })),
    footer: generated,
  });
}

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
