/** pdf.js's worker module (no types of its own): loaded into the test process so pdf.js loads nothing. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
