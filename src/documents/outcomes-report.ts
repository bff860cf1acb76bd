// The service outcomes report as a PDF for a board or commissioner: measures beside their definitions, charts
// and every table, with small counts suppressed as the audience requires.
import PDFDocument from 'pdfkit';
import {
  type Audience,
  type MeasureDefinition,
  type MeasureFamily,
  type MeasureId,
  type ReportTable,
  type TableCell,
  type TableColumn,
} from '../domain/outcomes/index.ts';
import { pdfBytes } from './pdf.ts';

export interface OutcomesReportDocument {
  readonly period: { readonly from: string; readonly to: string };
  readonly teams: readonly string[];
  /** The practitioner whose caseload the report is limited to, as the audience may see them; null for all. */
  readonly practitioner: string | null;
  readonly audience: Audience;
  readonly generatedAt: string;
  /** What the suppression markers mean, for this audience. */
  readonly note: string;
  readonly measures: readonly { readonly id: MeasureId; readonly definition: MeasureDefinition }[];
  readonly tables: readonly ReportTable[];
}

export const REVIEW_STATEMENT =
  'The clinical content and the measures in this report (instruments, thresholds, levels of need, the ' +
  'content pack and every measure definition) must be reviewed by the service before clinical use. KASPR ' +
  'supports decisions; clinicians decide. Small numbers may be chance: a difference between small groups, or ' +
  'a change from one month to the next, may not reflect a real difference in care.';

const FAMILIES: readonly (readonly [MeasureFamily, string])[] = [
  ['earlier-identification', 'Earlier identification'],
  ['consistency', 'Consistency of decisions'],
  ['alignment', 'Response matched to need'],
  ['engagement', 'Engagement'],
  ['continuity', 'Continuity of care'],
  ['escalation', 'Escalation and crisis'],
  ['outcomes', 'Outcomes for people'],
];

const MARGIN = 48;
const GREY = '#555555';
const COLOURS = { assessments: '#3b6ea5', attended: '#3c8d5a', missed: '#c0504d', funnel: '#3b6ea5' };

// The standard PDF fonts speak WinAnsi only; a few signs in the definitions are written the long way.
const printable = (text: string): string =>
  text.replace(/−/g, '-').replace(/≥/g, '>=').replace(/≤/g, '<=').replace(/→/g, '->');

const percent = (share: number): string => `${String(Math.round(share * 1000) / 10)}%`;

/** A cell as printed: shares as percentages, no value as a dash, markers as they are. */
function cellText(cell: TableCell, format: TableColumn['format']): string {
  if (cell === null) return '–';
  if (typeof cell === 'string') return printable(cell);
  return format === 'share' ? percent(cell) : String(cell);
}

/** The cells of one row by column key. */
function rowByKey(table: ReportTable, row: readonly TableCell[]): Map<string, TableCell> {
  return new Map(table.columns.map((c, j) => [c.key, row[j] ?? null]));
}

/** "Share: 33.3% (1 of 3); 95% interval 6.1% to 79.2%", from a summary row as published. */
export function headlineText(table: ReportTable, row: readonly TableCell[]): string {
  const cell = rowByKey(table, row);
  const get = (key: string) => cell.get(key) ?? null;
  const statistic = String(get('statistic') ?? 'value');
  const value = get('value');
  const isShare = get('denominator') !== null;
  const shown =
    value === null ? 'no value' : typeof value === 'number' && isShare ? percent(value) : String(value);
  const counts = isShare
    ? ` (${cellText(get('numerator'), 'count')} of ${cellText(get('denominator'), 'count')})`
    : get('n') !== null
      ? ` (n = ${cellText(get('n'), 'count')})`
      : '';
  const lower = get('lower95');
  const upper = get('upper95');
  const interval =
    typeof lower === 'number' && typeof upper === 'number'
      ? `; 95% interval ${percent(lower)} to ${percent(upper)}`
      : '';
  const note = get('note');
  return printable(
    `${statistic[0]?.toUpperCase() ?? ''}${statistic.slice(1)}: ${shown}${counts}${interval}` +
      (value === null && typeof note === 'string' ? `. ${note}` : ''),
  );
}

type Doc = PDFKit.PDFDocument;

const width = (doc: Doc) => doc.page.width - 2 * MARGIN;
const bottom = (doc: Doc) => doc.page.height - MARGIN;
function room(doc: Doc, needed: number): void {
  if (doc.y + needed > bottom(doc)) doc.addPage();
  doc.x = MARGIN;
}
function heading(doc: Doc, text: string, size = 13): void {
  room(doc, 60);
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(size).fillColor('#000000').text(text, MARGIN, doc.y);
  doc.moveDown(0.2);
}
function small(doc: Doc, text: string): void {
  doc
    .font('Helvetica')
    .fontSize(8)
    .fillColor(GREY)
    .text(printable(text), { width: width(doc) });
  doc.fillColor('#000000');
}

interface BarSeries {
  readonly name: string;
  readonly colour: string;
  readonly cells: readonly TableCell[];
}

/** Grouped vertical bars, one group per label; a suppressed count is printed as its marker, not drawn. */
function barChart(doc: Doc, title: string, labels: readonly string[], series: readonly BarSeries[]): void {
  const height = 120;
  room(doc, height + 70);
  doc.font('Helvetica-Bold').fontSize(10).text(title, MARGIN, doc.y);
  const top = doc.y + 14;
  const left = MARGIN + 24;
  const plot = width(doc) - 24;
  const values = series.flatMap((s) => s.cells.filter((c): c is number => typeof c === 'number'));
  const max = Math.max(1, ...values);
  const group = plot / Math.max(1, labels.length);
  const bar = Math.max(1, (group * 0.8) / Math.max(1, series.length));
  doc.font('Helvetica').fontSize(6).fillColor(GREY);
  doc.text(String(max), MARGIN, top - 3, { width: 20, align: 'right' });
  doc.text('0', MARGIN, top + height - 3, { width: 20, align: 'right' });
  doc
    .moveTo(left, top)
    .lineTo(left, top + height)
    .lineTo(left + plot, top + height)
    .lineWidth(0.5);
  doc.strokeColor('#999999').stroke();
  const every = Math.max(1, Math.ceil(labels.length / Math.floor(plot / 34)));
  labels.forEach((label, i) => {
    const x0 = left + i * group + group * 0.1;
    series.forEach((s, k) => {
      const cell = s.cells[i] ?? null;
      const x = x0 + k * bar;
      if (typeof cell === 'number') {
        const h = (cell / max) * height;
        if (h > 0) doc.rect(x, top + height - h, bar * 0.9, h).fill(s.colour);
      } else if (cell !== null) {
        doc
          .fillColor(GREY)
          .fontSize(6)
          .text(cell, x - 4, top + height - 9, { width: bar + 8, align: 'center' });
      }
    });
    if (i % every === 0)
      doc
        .fillColor(GREY)
        .fontSize(6)
        .text(label, left + i * group, top + height + 3, { width: Math.max(group, 34), lineBreak: false });
  });
  let x = left;
  const legendY = top + height + 14;
  for (const s of series) {
    doc.rect(x, legendY, 7, 7).fill(s.colour);
    doc
      .fillColor('#000000')
      .fontSize(7)
      .text(s.name, x + 10, legendY, { lineBreak: false });
    x += 20 + doc.widthOfString(s.name);
  }
  doc.fillColor('#000000');
  doc.x = MARGIN;
  doc.y = legendY + 16;
}

/** Horizontal bars for the funnel's steps. */
function funnelChart(doc: Doc, table: ReportTable): void {
  const labelWidth = 150;
  room(doc, 30 + table.rows.length * 16);
  doc.font('Helvetica-Bold').fontSize(10).text(table.title, MARGIN, doc.y);
  let y = doc.y + 6;
  const values = table.rows.map((r) => r[1] ?? null);
  const max = Math.max(1, ...values.filter((c): c is number => typeof c === 'number'));
  const plot = width(doc) - labelWidth - 40;
  table.rows.forEach((row, i) => {
    const value = values[i] ?? null;
    doc.font('Helvetica').fontSize(8).fillColor('#000000');
    doc.text(String(row[0]), MARGIN, y + 2, { width: labelWidth - 6, lineBreak: false });
    const w = typeof value === 'number' ? (value / max) * plot : 0;
    if (w > 0) doc.rect(MARGIN + labelWidth, y, w, 11).fill(COLOURS.funnel);
    doc
      .fillColor(GREY)
      .text(cellText(value, 'count'), MARGIN + labelWidth + w + 4, y + 2, { lineBreak: false });
    y += 16;
  });
  doc.fillColor('#000000');
  doc.x = MARGIN;
  doc.y = y + 6;
}

function charts(doc: Doc, tables: readonly ReportTable[]): void {
  const monthly = tables.find((t) => t.id === 'monthly-activity');
  const funnel = tables.find((t) => t.id === 'identification-funnel');
  heading(doc, 'Charts');
  if (monthly !== undefined && monthly.rows.length > 0) {
    const months = monthly.rows.slice(0, -1);
    const column = (key: string) => {
      const j = monthly.columns.findIndex((c) => c.key === key);
      return months.map((r) => r[j] ?? null);
    };
    const labels = months.map((r) => String(r[0]));
    barChart(doc, 'Assessments by month', labels, [
      { name: 'Assessments', colour: COLOURS.assessments, cells: column('assessments') },
    ]);
    barChart(doc, 'Appointments attended and missed by month', labels, [
      { name: 'Attended', colour: COLOURS.attended, cells: column('attended') },
      { name: 'Did not attend', colour: COLOURS.missed, cells: column('didNotAttend') },
    ]);
  }
  if (funnel !== undefined) funnelChart(doc, funnel);
}

/** Every measure family with its measures' values, definitions and sources. */
function measures(doc: Doc, report: OutcomesReportDocument): void {
  const summary = report.tables.find((t) => t.id === 'summary');
  const rowOf = (id: MeasureId) => summary?.rows.find((r) => r[0] === id);
  heading(doc, summary?.title ?? 'Measures', 14);
  for (const [family, title] of FAMILIES) {
    const inFamily = report.measures.filter((m) => m.definition.family === family);
    if (inFamily.length === 0) continue;
    heading(doc, title);
    for (const { id, definition } of inFamily) {
      room(doc, 70);
      doc.font('Helvetica-Bold').fontSize(10).text(printable(definition.title), MARGIN, doc.y);
      const row = rowOf(id);
      if (summary !== undefined && row !== undefined)
        doc
          .font('Helvetica')
          .fontSize(10)
          .text(headlineText(summary, row), { width: width(doc) });
      doc
        .font('Helvetica')
        .fontSize(9)
        .text(printable(definition.definition), { width: width(doc) });
      small(
        doc,
        `Counts: ${definition.numerator}. Out of: ${definition.denominator}. Unit: ${definition.unit}.`,
      );
      small(doc, `Source: ${definition.source}`);
      doc.moveDown(0.5);
    }
  }
}

/**
 * Column widths: each column at least as wide as its longest word (so "Assessments" is not broken), the rest of
 * the page shared out with text columns taking more; scaled down when even the words do not fit.
 */
function columnWidths(
  doc: Doc,
  header: readonly string[],
  body: readonly (readonly string[])[],
  columns: readonly TableColumn[],
): number[] {
  const longestWord = (text: string, bold: boolean) =>
    Math.max(
      0,
      ...text.split(/\s+/).map((word) =>
        doc
          .font(bold ? 'Helvetica-Bold' : 'Helvetica')
          .fontSize(7)
          .widthOfString(word),
      ),
    );
  const least = header.map(
    (h, j) => Math.max(longestWord(h, true), ...body.map((row) => longestWord(row[j] ?? '', false))) + 5,
  );
  const available = width(doc);
  const needed = least.reduce((a, b) => a + b, 0);
  if (needed >= available) return least.map((w) => (w / needed) * available);
  const weights = columns.map((c, j) => (j === 0 || c.format === 'text' ? 3 : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  return least.map((w, j) => w + ((weights[j] ?? 1) / total) * (available - needed));
}

/** A table across the page, its header repeated on each new page. */
function table(doc: Doc, t: ReportTable): void {
  heading(doc, t.title, 11);
  small(
    doc,
    `Table ${t.id}; measures: ${t.measureIds.join(', ')}.${t.suppressed ? ' Small counts suppressed.' : ''}`,
  );
  doc.moveDown(0.3);
  if (t.rows.length === 0) {
    doc.font('Helvetica').fontSize(8).text('No data in the period.', MARGIN, doc.y);
    return;
  }
  const header = t.columns.map((c) => printable(c.heading));
  const body = t.rows.map((row) => row.map((cell, j) => cellText(cell, t.columns[j]?.format ?? 'text')));
  const widths = columnWidths(doc, header, body, t.columns);
  const draw = (cells: readonly string[], bold: boolean): void => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(7);
    const height =
      Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: (widths[i] ?? 20) - 4 }))) + 4;
    if (doc.y + height > bottom(doc)) {
      doc.addPage();
      if (!bold) draw(header, true);
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(7);
    }
    const top = doc.y;
    if (bold) doc.rect(MARGIN, top, width(doc), height).fill('#eeeeee').fillColor('#000000');
    let x = MARGIN;
    cells.forEach((c, i) => {
      const w = widths[i] ?? 20;
      doc.text(c, x + 2, top + 2, {
        width: w - 4,
        align: i === 0 || t.columns[i]?.format === 'text' ? 'left' : 'right',
      });
      x += w;
    });
    doc
      .moveTo(MARGIN, top + height)
      .lineTo(MARGIN + width(doc), top + height)
      .lineWidth(0.3);
    doc.strokeColor('#bbbbbb').stroke();
    doc.x = MARGIN;
    doc.y = top + height;
  };
  room(doc, 40);
  draw(header, true);
  for (const row of body) draw(row, false);
}

/** Page numbers and the period at the foot of every page. */
function footers(doc: Doc, report: OutcomesReportDocument): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would start a new page; lift the margin while the footer is written.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(7)
      .fillColor(GREY)
      .text(
        `KASPR service outcomes report, ${report.period.from} to ${report.period.to}. Page ${String(i + 1)} of ${String(range.count)}.`,
        MARGIN,
        doc.page.height - MARGIN + 16,
        { width: width(doc), align: 'center', lineBreak: false },
      );
    doc.page.margins.bottom = margin;
  }
}

/** Renders the report to PDF bytes with the standard Helvetica fonts (no font files, no network). */
export function renderOutcomesReport(report: OutcomesReportDocument): Promise<Buffer> {
  const title = 'Service outcomes report';
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: `${title}, ${report.period.from} to ${report.period.to}`, Creator: 'KASPR' },
  });
  const finished = pdfBytes(doc);
  const suppressed = report.tables.some((t) => t.suppressed);
  doc.font('Helvetica-Bold').fontSize(20).text(title);
  doc.moveDown(0.3).font('Helvetica').fontSize(10);
  const lines = [
    `Period: ${report.period.from} to ${report.period.to}`,
    `Teams: ${report.teams.length === 0 ? 'none' : report.teams.join(', ')}`,
    ...(report.practitioner === null ? [] : [`Caseload of: ${report.practitioner}`]),
    report.audience === 'external'
      ? 'Audience: outside the team (board or commissioner)'
      : 'Audience: the team only (not for sharing outside it)',
    `Small counts suppressed: ${suppressed ? 'yes' : report.audience === 'external' ? 'none needed' : 'no (team audience)'}`,
    `Generated: ${report.generatedAt}`,
  ];
  for (const line of lines) doc.text(printable(line));
  doc.moveDown(0.5);
  small(doc, report.note);
  charts(doc, report.tables);
  measures(doc, report);
  heading(doc, 'Tables', 14);
  for (const t of report.tables.filter((x) => x.id !== 'summary')) table(doc, t);
  heading(doc, 'Before clinical use');
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(REVIEW_STATEMENT, { width: width(doc) });
  footers(doc, report);
  doc.end();
  return finished;
}
