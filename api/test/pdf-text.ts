import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as pdfWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';

// pdf.js runs its parser in this process, from the module already loaded: it loads nothing itself.
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfWorker;

/** One line of a page as text: its runs left to right, one cell each. */
export type PdfLine = string[];

/** Every page of a PDF as lines, top to bottom, for tests to read figures from. */
export async function pdfPages(bytes: Buffer): Promise<PdfLine[][]> {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: true,
    verbosity: 0,
  }).promise;
  const pages: PdfLine[][] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const content = await (await pdf.getPage(number)).getTextContent();
    const rows = new Map<number, { x: number; text: string }[]>();
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      // Runs on one baseline (within a point) are one line.
      const y = Math.round(item.transform[5]);
      const row = rows.get(y) ?? rows.get(y - 1) ?? rows.get(y + 1) ?? [];
      if (row.length === 0) rows.set(y, row);
      row.push({ x: item.transform[4], text: item.str.trim() });
    }
    pages.push(
      [...rows.entries()]
        .sort(([a], [b]) => b - a)
        .map(([, runs]) => runs.sort((a, b) => a.x - b.x).map((run) => run.text)),
    );
  }
  await pdf.destroy();
  return pages;
}

/** A figure as printed (digits grouped by thin spaces, `,` or `.` before decimals) as a plain decimal string. */
export const plain = (cell: string) => cell.replace(/[\s\u202F\u2009\u00A0]/g, '').replace(',', '.');
