// Plain, printable PDF documents (consent copies, discharge summaries) from headings, paragraphs, tables and images.
import PDFDocument from 'pdfkit';

export interface PdfTable {
  columns: string[];
  rows: string[][];
}

export interface PdfBlock {
  heading?: string;
  text: string;
  /** Small grey print under the text, e.g. the source of a statement. */
  note?: string;
  /** A simple grid printed under the text (e.g. a vital-signs flowsheet). */
  table?: PdfTable;
  /** A PNG image printed under the text (e.g. a drawn signature), as bytes; scaled to fit the box. */
  image?: { png: Buffer; width: number; height: number };
}

export interface PdfContent {
  title: string;
  subtitle?: string;
  blocks: PdfBlock[];
  footer: string;
}

/** The bytes of a pdfkit document, once `doc.end()` has been called and its stream has ended. */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    doc.on('error', reject);
  });
}

/** The PNG bytes of a `data:image/png;base64,…` URL, or undefined for anything else. */
export function pngFromDataUrl(dataUrl: unknown): Buffer | undefined {
  if (typeof dataUrl !== 'string') return undefined;
  const m = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl);
  if (!m?.[1]) return undefined;
  const bytes = Buffer.from(m[1], 'base64');
  // A PNG starts with its 8-byte signature; anything else would make pdfkit throw.
  return bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    ? bytes
    : undefined;
}

function drawTable(doc: PDFKit.PDFDocument, table: PdfTable): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const colWidth = width / Math.max(1, table.columns.length);
  const row = (cells: string[], bold: boolean) => {
    if (doc.y + 16 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    cells.forEach((cell, i) =>
      doc.text(cell, left + i * colWidth, y, { width: colWidth - 4, lineBreak: false }),
    );
    doc.x = left;
    doc.y = y + 14;
  };
  row(table.columns, true);
  for (const cells of table.rows) row(cells, false);
  doc.font('Helvetica').fontSize(11);
}

/**
 * Renders a document to PDF bytes with the standard Helvetica fonts (no font files, no network). The footer and
 * page numbers sit in the bottom margin of every page, so a document never gains a page holding only the footer.
 */
export function renderPdf(content: PdfContent): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    bufferPages: true,
    info: { Title: content.title, Creator: 'KASPR' },
  });
  const finished = pdfBytes(doc);
  doc.font('Helvetica-Bold').fontSize(18).text(content.title);
  if (content.subtitle)
    doc.moveDown(0.3).font('Helvetica').fontSize(11).fillColor('#444444').text(content.subtitle);
  doc.fillColor('#000000').moveDown();
  for (const block of content.blocks) {
    if (block.heading) doc.font('Helvetica-Bold').fontSize(12).text(block.heading).moveDown(0.2);
    if (block.text) doc.font('Helvetica').fontSize(11).text(block.text);
    if (block.table) {
      doc.moveDown(0.3);
      drawTable(doc, block.table);
    }
    if (block.image) {
      if (doc.y + block.image.height > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const y = doc.y + 4;
      doc.image(block.image.png, doc.page.margins.left, y, { fit: [block.image.width, block.image.height] });
      doc.x = doc.page.margins.left;
      doc.y = y + block.image.height + 4;
    }
    if (block.note) doc.moveDown(0.1).fontSize(8).fillColor('#666666').text(block.note).fillColor('#000000');
    doc.moveDown(0.7);
  }
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - bottom + 16;
    const text = `${content.footer}  Page ${i - range.start + 1} of ${range.count}`;
    doc.fontSize(8).fillColor('#666666');
    doc.text(text, doc.page.margins.left, y, {
      width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return finished;
}
