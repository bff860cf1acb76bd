// Plain, printable PDF documents (consent copies, discharge summaries) from headings and paragraphs.
import PDFDocument from 'pdfkit';

export interface PdfBlock {
  heading?: string;
  text: string;
  /** Small grey print under the text, e.g. the source of a statement. */
  note?: string;
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

/** Renders a document to PDF bytes with the standard Helvetica fonts (no font files, no network). */
export function renderPdf(content: PdfContent): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: content.title, Creator: 'KASPR' } });
  const finished = pdfBytes(doc);
  doc.font('Helvetica-Bold').fontSize(18).text(content.title);
  if (content.subtitle)
    doc.moveDown(0.3).font('Helvetica').fontSize(11).fillColor('#444444').text(content.subtitle);
  doc.fillColor('#000000').moveDown();
  for (const block of content.blocks) {
    if (block.heading) doc.font('Helvetica-Bold').fontSize(12).text(block.heading).moveDown(0.2);
    doc.font('Helvetica').fontSize(11).text(block.text);
    if (block.note) doc.moveDown(0.1).fontSize(8).fillColor('#666666').text(block.note).fillColor('#000000');
    doc.moveDown(0.7);
  }
  doc.moveDown().fontSize(8).fillColor('#666666').text(content.footer);
  doc.end();
  return finished;
}
