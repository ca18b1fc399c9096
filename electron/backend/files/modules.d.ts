/** PDF.js ships no types for its worker module; only its presence matters (see extract-worker.ts). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}

/** yazl's checksum module (see exchange/native-crc32.ts); only what is replaced there. */
declare module 'buffer-crc32' {
  const crc32: { unsigned(data: Buffer | string, previous?: number): number };
  export default crc32;
}
