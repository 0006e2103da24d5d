import { createRequire } from 'node:module';
import { type DecisionFigures, OPEN_SLA_STATES, REFERRAL_FUNNEL_STEPS, REFERRAL_VERDICTS } from '@adaldesk/libs';
import PDFDocument from 'pdfkit';
import type { FunnelCounts } from '../referral-funnel.service.js';
import { formatCount, formatDays, formatInstant, formatMonth, formatPercent, formatTenge } from './report-format.js';
import { REPORT_LABELS, type ReportLabels } from './report-labels.js';
import type { ReportRow, StatsReport } from './stats-report.service.js';

/**
 * DejaVu Sans from its npm package: TrueType with every Cyrillic and Kazakh letter (ә ғ қ ң ө ұ ү һ і),
 * embedded in the PDF, so the report never depends on the fonts of the machine or the network.
 */
const fontFile = (name: string) => createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}`);
const FONTS = { regular: fontFile('DejaVuSans.ttf'), bold: fontFile('DejaVuSans-Bold.ttf') };

const MARGIN = 42;
const FOOTER_GAP = 16;
const SIZE = { title: 15, heading: 11, text: 9, header: 8, footer: 7.5 };
const SECTION_GAP = 12;
const CELL_PADDING = { x: 5, y: 3.5 };
const COLOURS = { text: '#1b1f24', muted: '#57606a', rule: '#c9d1d9', header: '#e7ecf2', stripe: '#f6f8fa' };

interface RowStyle {
  font: 'regular' | 'bold';
  size: number;
  fill: string | null;
}
/** Column headers a little smaller, so Russian and Kazakh words fit narrow figure columns whole. */
const HEADER: RowStyle = { font: 'bold', size: SIZE.header, fill: COLOURS.header };
const BODY: RowStyle = { font: 'regular', size: SIZE.text, fill: null };
const STRIPED: RowStyle = { ...BODY, fill: COLOURS.stripe };
const TOTAL: RowStyle = { ...BODY, font: 'bold' };

interface Column {
  header: string;
  /** A share of the width of the page's text area. */
  share: number;
  align: 'left' | 'right';
}

interface TableOptions {
  /** The last row sums the others: set in bold. */
  totalRow?: boolean;
}

/**
 * Draws the printable report of a period on A4 pages: a heading block, then one table per section.
 * Tables run on across pages with their header repeated, and every page carries "page N of M".
 * The document is returned as the readable stream pdfkit makes of it, already ended.
 */
export function renderStatsReport(report: StatsReport): PDFKit.PDFDocument {
  const labels = REPORT_LABELS[report.language];
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + FOOTER_GAP, left: MARGIN, right: MARGIN },
    // Pages are kept until the end, when their count is known for the footers.
    bufferPages: true,
    lang: report.language,
    info: { Title: labels.title, Author: 'AdalDesk', Creator: 'AdalDesk', CreationDate: report.generatedAt },
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  const writer = new ReportWriter(doc, labels.noData);
  const region = report.region ? report.region[report.language] : labels.national;
  const period = `${labels.date(report.from)} — ${labels.date(report.to)}`;

  doc.font('bold').fontSize(SIZE.title).fillColor(COLOURS.text).text(labels.title);
  doc.moveDown(0.4);
  writer.facts([
    [labels.region, region],
    [labels.period, period],
    [labels.generatedAt, formatInstant(report.generatedAt, report.timeZone, labels)],
    [labels.dataAsOf, formatInstant(new Date(report.asOf), report.timeZone, labels)],
  ]);

  drawAppeals(writer, report, labels);
  drawFindings(writer, report, labels);
  drawFunnel(writer, report, labels);

  writer.footers((page, count) => [`AdalDesk · ${region} · ${period}`, labels.page(page, count)]);
  doc.end();
  return doc;
}

function drawAppeals(writer: ReportWriter, report: StatsReport, labels: ReportLabels): void {
  const { overview } = report;
  const twoColumns = (first: string, second: string): Column[] => [
    { header: first, share: 3, align: 'left' },
    { header: second, share: 1, align: 'right' },
  ];
  writer.section(labels.sections.kpi, twoColumns(labels.columns.indicator, labels.columns.value), [
    [labels.kpi.received, formatCount(overview.received)],
    [labels.kpi.decided, formatCount(overview.decided)],
    [labels.kpi.resolutionRate, formatPercent(overview.resolutionRate, labels)],
    [labels.kpi.slaCompliance, formatPercent(overview.slaCompliance, labels)],
    [labels.kpi.medianWorkingDays, formatDays(overview.medianWorkingDaysToDecision, labels)],
    [labels.kpi.forwarded, formatCount(overview.forwarded)],
    [labels.kpi.openTotal, formatCount(overview.open.total)],
  ]);
  writer.section(
    labels.sections.openBySla,
    twoColumns(labels.columns.slaState, labels.columns.appeals),
    [
      ...OPEN_SLA_STATES.map((state) => [labels.slaState[state], formatCount(overview.open[state])]),
      [labels.total, formatCount(overview.open.total)],
    ],
    { totalRow: true },
  );
  writer.section(
    labels.sections.backlog,
    twoColumns(labels.columns.age, labels.columns.appeals),
    overview.backlogByAge.map((bucket) => [bucket.bucket.replace('-', '–'), formatCount(bucket.count)]),
  );

  const rate = (header: string): Column => ({ header, share: 1.1, align: 'right' });
  const count = (header: string): Column => ({ header, share: 1, align: 'right' });
  const trendRow = (name: string, figures: DecisionFigures) => [
    name,
    formatCount(figures.received),
    formatCount(figures.decided),
    formatPercent(figures.resolutionRate, labels),
    formatPercent(figures.slaCompliance, labels),
    formatCount(figures.forwarded),
  ];
  writer.section(
    labels.sections.trend,
    [
      { header: labels.columns.month, share: 1.5, align: 'left' },
      count(labels.columns.received),
      count(labels.columns.decided),
      rate(labels.columns.resolutionRate),
      rate(labels.columns.slaCompliance),
      // Wide enough for «Перенаправлено» whole.
      { ...count(labels.columns.forwarded), share: 1.3 },
    ],
    [
      ...report.trend.map((month) => trendRow(formatMonth(month.month, labels), month)),
      trendRow(labels.total, overview),
    ],
    { totalRow: true },
  );

  const breakdown = (title: string, nameHeader: string, rows: ReportRow[], withSla: boolean) =>
    writer.section(
      title,
      [
        { header: nameHeader, share: 2.4, align: 'left' },
        count(labels.columns.received),
        count(labels.columns.decided),
        rate(labels.columns.resolutionRate),
        ...(withSla ? [rate(labels.columns.slaCompliance)] : []),
        count(labels.columns.open),
      ],
      rows.map((row) => [
        row.key === null ? labels.none : (row.labels?.[report.language] ?? row.label),
        formatCount(row.received),
        formatCount(row.decided),
        formatPercent(row.resolutionRate, labels),
        ...(withSla ? [formatPercent(row.slaCompliance, labels)] : []),
        formatCount(row.open),
      ]),
    );
  breakdown(labels.sections.categories, labels.columns.category, report.categories, false);
  breakdown(labels.sections.organisations, labels.columns.organisation, report.organisations, false);
  if (report.regions) breakdown(labels.sections.regions, labels.columns.region, report.regions, true);
}

function drawFindings(writer: ReportWriter, report: StatsReport, labels: ReportLabels): void {
  const { kinds, total } = report.findings;
  writer.section(
    labels.sections.findings,
    [
      { header: labels.columns.findingKind, share: 3, align: 'left' },
      { header: labels.columns.findings, share: 1, align: 'right' },
      { header: labels.columns.amount, share: 1.6, align: 'right' },
    ],
    [
      ...kinds.map((row) => [labels.findingKind[row.kind], formatCount(row.count), formatTenge(row.amount, labels)]),
      [labels.total, formatCount(total.count), formatTenge(total.amount, labels)],
    ],
    { totalRow: true },
  );
}

/** The funnel's steps in order; the three verdicts are the last step split. */
const FUNNEL_STEPS: (keyof FunnelCounts)[] = ['referred', ...REFERRAL_FUNNEL_STEPS];
const VERDICTS = new Set<keyof FunnelCounts>(REFERRAL_VERDICTS);

function drawFunnel(writer: ReportWriter, report: StatsReport, labels: ReportLabels): void {
  writer.section(
    labels.sections.funnel,
    [
      { header: labels.columns.step, share: 3, align: 'left' },
      { header: labels.columns.referrals, share: 1.6, align: 'right' },
    ],
    [
      ...FUNNEL_STEPS.map((step) => [
        `${VERDICTS.has(step) ? '    ' : ''}${labels.funnel[step]}`,
        formatCount(report.funnel.counts[step]),
      ]),
      [labels.damagesRecovered, formatTenge(report.funnel.damagesRecovered, labels)],
    ],
  );
}

/** Sections and tables laid out down the pages, breaking between rows. */
class ReportWriter {
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    /** What an empty table says in its one row. */
    private readonly noData: string,
  ) {}

  private get left(): number {
    return this.doc.page.margins.left;
  }

  private get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** "Label: value" lines under the title. */
  facts(lines: [string, string][]): void {
    for (const [label, value] of lines) {
      this.doc
        .font('bold')
        .fontSize(SIZE.text + 1)
        .fillColor(COLOURS.text)
        .text(`${label}: `, { continued: true });
      this.doc.font('regular').text(value);
    }
  }

  /** A heading and its table; an empty table says so in one row. */
  section(title: string, columns: Column[], rows: string[][], options: TableOptions = {}): void {
    const widths = this.widthsOf(columns);
    const header = columns.map((column) => column.header);
    const body = rows.length > 0 ? rows : [[this.noData]];
    // A heading never ends a page: it goes over with its table's header and first row.
    const headingHeight = this.doc.font('bold').fontSize(SIZE.heading).heightOfString(title, { width: this.width });
    const needed =
      SECTION_GAP + headingHeight + this.rowHeight(header, widths, HEADER) + this.rowHeight(body[0], widths, BODY);
    if (this.doc.y + needed > this.bottom) this.doc.addPage();
    if (this.doc.y > this.doc.page.margins.top) this.doc.y += SECTION_GAP;
    this.doc.font('bold').fontSize(SIZE.heading).fillColor(COLOURS.text);
    this.doc.text(title, this.left, this.doc.y, { width: this.width });
    this.doc.y += 3;
    this.table(columns, widths, body, rows.length > 0 ? options : {});
  }

  /** Rows down the page; a row that does not fit starts the next page, under the header again. */
  private table(columns: Column[], widths: number[], rows: string[][], options: TableOptions): void {
    const header = columns.map((column) => column.header);
    let y = this.row(header, columns, widths, this.doc.y, HEADER);
    rows.forEach((cells, index) => {
      const last = index === rows.length - 1;
      const style = options.totalRow && last ? TOTAL : index % 2 === 1 ? STRIPED : BODY;
      if (y + this.rowHeight(cells, widths, style) > this.bottom) {
        this.doc.addPage();
        y = this.row(header, columns, widths, this.doc.page.margins.top, HEADER);
      }
      y = this.row(cells, columns, widths, y, style);
    });
    this.doc.x = this.left;
    this.doc.y = y;
  }

  /** Draws one row at `y` (one cell spans the table); answers where the next one starts. */
  private row(cells: string[], columns: Column[], widths: number[], y: number, style: RowStyle): number {
    const height = this.rowHeight(cells, widths, style);
    if (style.fill) this.doc.rect(this.left, y, this.width, height).fill(style.fill);
    this.doc
      .moveTo(this.left, y + height)
      .lineTo(this.left + this.width, y + height)
      .lineWidth(0.5)
      .strokeColor(COLOURS.rule)
      .stroke();
    this.doc.font(style.font).fontSize(style.size).fillColor(COLOURS.text);
    let x = this.left;
    cells.forEach((text, index) => {
      const width = cells.length === 1 ? this.width : widths[index];
      this.doc.text(text, x + CELL_PADDING.x, y + CELL_PADDING.y, {
        width: width - 2 * CELL_PADDING.x,
        align: cells.length === 1 ? 'left' : columns[index].align,
      });
      x += width;
    });
    return y + height;
  }

  private rowHeight(cells: string[], widths: number[], style: RowStyle): number {
    this.doc.font(style.font).fontSize(style.size);
    const heights = cells.map((text, index) =>
      this.doc.heightOfString(text, { width: (cells.length === 1 ? this.width : widths[index]) - 2 * CELL_PADDING.x }),
    );
    return Math.max(...heights) + 2 * CELL_PADDING.y;
  }

  private widthsOf(columns: Column[]): number[] {
    const shares = columns.reduce((sum, column) => sum + column.share, 0);
    return columns.map((column) => (column.share / shares) * this.width);
  }

  /** Writes `texts(page, count)` (left, right) at the foot of every page. */
  footers(texts: (page: number, count: number) => [string, string]): void {
    const { start, count } = this.doc.bufferedPageRange();
    for (let index = start; index < start + count; index++) {
      this.doc.switchToPage(index);
      const [left, right] = texts(index - start + 1, count);
      // Writing below the bottom margin would open a new page: the footer sits in the margin.
      const bottomMargin = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      const y = this.doc.page.height - MARGIN - SIZE.footer;
      this.doc.font('regular').fontSize(SIZE.footer).fillColor(COLOURS.muted);
      this.doc.text(left, this.left, y, { width: this.width * 0.7, lineBreak: false, ellipsis: true });
      this.doc.text(right, this.left + this.width * 0.7, y, {
        width: this.width * 0.3,
        align: 'right',
        lineBreak: false,
      });
      this.doc.page.margins.bottom = bottomMargin;
    }
  }
}
