// A register printed as ruled landscape tables: a section per drug and place, struck-through rows with their notes.
import PDFDocument from 'pdfkit';
import { pdfBytes } from './pdf.ts';

export type PdfColumn = Readonly<{
  header: string;
  /** Share of the page width. */
  weight: number;
}>;

export type PdfRow = Readonly<{ cells: readonly string[]; struck: boolean; notes: readonly string[] }>;

export type PdfTableSection = Readonly<{
  heading: string;
  subheading: string;
  columns: readonly PdfColumn[];
  rows: readonly PdfRow[];
}>;

export type PdfReport = Readonly<{
  title: string;
  subtitle: string;
  sections: readonly PdfTableSection[];
  empty: string;
  footer: string;
}>;

const MARGIN = 36;
const CELL_PAD = 2;
const BLACK = '#000000';

/** One section's table on the page: its column widths and the drawing of a row at the cursor. */
class RuledTable {
  private readonly widths: number[];

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly width: number,
    private readonly section: PdfTableSection,
  ) {
    const total = section.columns.reduce((sum, c) => sum + c.weight, 0);
    this.widths = section.columns.map((c) => (c.weight / total) * width);
  }

  height(cells: readonly string[], font: string): number {
    this.doc.font(font).fontSize(7);
    const heights = cells.map((cell, i) =>
      this.doc.heightOfString(cell, { width: (this.widths[i] ?? 20) - 2 * CELL_PAD }),
    );
    return Math.max(...heights) + 2 * CELL_PAD;
  }

  row(cells: readonly string[], font: string, struck: boolean, shade: boolean): void {
    const { doc, width } = this;
    const height = this.height(cells, font);
    const top = doc.y;
    if (shade) doc.rect(MARGIN, top, width, height).fill('#eeeeee').fillColor(BLACK);
    let x = MARGIN;
    doc.font(font).fontSize(7);
    cells.forEach((cell, i) => {
      const w = this.widths[i] ?? 20;
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
  }

  header(): void {
    this.row(
      this.section.columns.map((c) => c.header),
      'Helvetica-Bold',
      false,
      true,
    );
  }
}

function drawSection(doc: PDFKit.PDFDocument, width: number, section: PdfTableSection): void {
  const bottom = doc.page.height - MARGIN;
  const table = new RuledTable(doc, width, section);
  if (doc.y + 60 > bottom) doc.addPage();
  doc.x = MARGIN;
  doc.font('Helvetica-Bold').fontSize(11).text(section.heading, MARGIN, doc.y, { width });
  doc.font('Helvetica').fontSize(8).fillColor('#444444').text(section.subheading, { width });
  doc.fillColor(BLACK).moveDown(0.3);
  table.header();
  if (section.rows.length === 0)
    doc
      .font('Helvetica')
      .fontSize(8)
      .text('No entries.', MARGIN, doc.y + 2);
  for (const row of section.rows) {
    const notes = row.notes.join('\n');
    const notesHeight =
      notes === '' ? 0 : doc.font('Helvetica-Oblique').fontSize(7).heightOfString(notes, { width }) + 2;
    // A row never splits from its notes; a new page repeats the column headings.
    if (doc.y + table.height(row.cells, 'Helvetica') + notesHeight > bottom) {
      doc.addPage();
      table.header();
    }
    table.row(row.cells, 'Helvetica', row.struck, false);
    if (notes !== '') {
      doc
        .font('Helvetica-Oblique')
        .fontSize(7)
        .fillColor('#333333')
        .text(notes, MARGIN, doc.y + 1, { width });
      doc.fillColor(BLACK);
      doc.y += 1;
    }
  }
  doc.x = MARGIN;
  doc.moveDown();
}

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
  doc.font('Helvetica-Bold').fontSize(16).text(report.title);
  doc.font('Helvetica').fontSize(9).fillColor('#444444').text(report.subtitle).fillColor(BLACK);
  doc.moveDown();
  if (report.sections.length === 0) doc.font('Helvetica').fontSize(10).text(report.empty);
  for (const section of report.sections) drawSection(doc, width, section);
  doc
    .moveDown()
    .font('Helvetica')
    .fontSize(7)
    .fillColor('#666666')
    .text(report.footer, MARGIN, doc.y, { width });
  doc.end();
  return finished;
}
