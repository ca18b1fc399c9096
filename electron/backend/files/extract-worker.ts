/**
 * Worker thread: extracts the text of one stored file and posts it back. It runs apart from the backend
 * (see extract-text.ts) so that a huge, broken or hostile document can be stopped with worker.terminate()
 * without freezing the app. Nothing here touches the database.
 */
import { open, readFile } from 'node:fs/promises';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';

/**
 * What a .docx may unpack to before its text is read: a few kilobytes of zip can claim (or hide) gigabytes. Text
 * lives in XML parts of a few megabytes; pictures under word/media/ are never unpacked for raw text.
 */
export interface DocxBudget {
  maxEntries: number;
  /** Any one part, unpacked. */
  maxPartBytes: number;
  /** All parts read, unpacked. */
  maxTotalBytes: number;
}
export const DOCX_BUDGET: DocxBudget = { maxEntries: 5_000, maxPartBytes: 32 * 1024 * 1024, maxTotalBytes: 64 * 1024 * 1024 };

export interface ExtractJob {
  path: string;
  kind: 'pdf' | 'docx' | 'txt';
  maxChars: number;
  docxBudget?: DocxBudget;
}

/**
 * `reason`: why there is no text, a Danish sentence for the user. `overBudget`: the file is fine to keep but too
 * large (unpacked) to read, so it has no text rather than a failed extraction.
 */
export type ExtractReply = { ok: true; text: string; truncated: boolean } | { ok: false; error: string; reason: string; overBudget?: boolean };

/** A document that would unpack beyond the budget: the reason is Danish. */
class OverBudget extends Error {}

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024)).toLocaleString('da-DK')} MB`;

class TextCollector {
  private parts: string[] = [];
  private length = 0;
  truncated = false;
  constructor(readonly maxChars: number) {}
  /** Adds text; false when the limit is reached and the caller may stop. */
  add(text: string): boolean {
    if (this.truncated) return false;
    const room = this.maxChars - this.length;
    if (text.length > room) {
      this.parts.push(text.slice(0, room));
      this.length = this.maxChars;
      this.truncated = true;
      return false;
    }
    this.parts.push(text);
    this.length += text.length;
    return true;
  }
  get text() {
    return this.parts.join('');
  }
}

/** One space between words, at most one empty line between paragraphs, no NUL or other control characters. */
export function tidyText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ')
      .replace(/\r\n?/g, '\n')
      .replace(/[ \t\u00a0]+/g, ' ')
      .replace(/ *\n */g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}

/**
 * PDF.js builds a DOMMatrix when its display module loads (for canvas rendering, which text extraction never does).
 * In plain Node it borrows one from the optional native @napi-rs/canvas, which the bundled app does not ship; this
 * small 2-D affine stand-in lets the module load and keeps the few matrix steps PDF.js may take without a canvas right.
 */
class AffineMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
  constructor(init?: ArrayLike<number>) {
    if (init && init.length >= 6) [this.a, this.b, this.c, this.d, this.e, this.f] = Array.from(init).slice(0, 6) as [number, number, number, number, number, number];
  }
  get is2D() {
    return true;
  }
  multiplySelf(m: AffineMatrix): this {
    const { a, b, c, d, e, f } = this;
    this.a = a * m.a + c * m.b;
    this.b = b * m.a + d * m.b;
    this.c = a * m.c + c * m.d;
    this.d = b * m.c + d * m.d;
    this.e = a * m.e + c * m.f + e;
    this.f = b * m.e + d * m.f + f;
    return this;
  }
  preMultiplySelf(m: AffineMatrix): this {
    const copy = new AffineMatrix([m.a, m.b, m.c, m.d, m.e, m.f]).multiplySelf(this);
    Object.assign(this, { a: copy.a, b: copy.b, c: copy.c, d: copy.d, e: copy.e, f: copy.f });
    return this;
  }
  translateSelf(x = 0, y = 0): this {
    return this.multiplySelf(new AffineMatrix([1, 0, 0, 1, x, y]));
  }
  scaleSelf(x = 1, y = x): this {
    return this.multiplySelf(new AffineMatrix([x, 0, 0, y, 0, 0]));
  }
  invertSelf(): this {
    const { a, b, c, d, e, f } = this;
    const det = a * d - b * c;
    if (!det) return Object.assign(this, { a: NaN, b: NaN, c: NaN, d: NaN, e: NaN, f: NaN });
    return Object.assign(this, { a: d / det, b: -b / det, c: -c / det, d: a / det, e: (c * f - d * e) / det, f: (b * e - a * f) / det });
  }
  multiply(m: AffineMatrix) {
    return new AffineMatrix([this.a, this.b, this.c, this.d, this.e, this.f]).multiplySelf(m);
  }
  translate(x?: number, y?: number) {
    return new AffineMatrix([this.a, this.b, this.c, this.d, this.e, this.f]).translateSelf(x, y);
  }
  scale(x?: number, y?: number) {
    return new AffineMatrix([this.a, this.b, this.c, this.d, this.e, this.f]).scaleSelf(x, y);
  }
  inverse() {
    return new AffineMatrix([this.a, this.b, this.c, this.d, this.e, this.f]).invertSelf();
  }
}

async function extractPdf(path: string, out: TextCollector): Promise<void> {
  const scope = globalThis as { DOMMatrix?: unknown; pdfjsWorker?: unknown };
  scope.DOMMatrix ??= AffineMatrix;
  // The PDF.js "worker" runs in this thread (we already are a worker); importing it here, rather than letting
  // PDF.js load it by file name, keeps the bundle self-contained.
  const pdfWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  scope.pdfjsWorker = pdfWorker;
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = new Uint8Array(await readFile(path));
  const document = await pdfjs.getDocument({
    data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: 0,
  }).promise;
  try {
    for (let pageNumber = 1; pageNumber <= document.numPages; pageNumber++) {
      const page = await document.getPage(pageNumber);
      const content = await page.getTextContent();
      let pageText = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        pageText += item.str + (item.hasEOL ? '\n' : '');
      }
      page.cleanup();
      if (!out.add(`${pageText}\n\n`)) break;
    }
  } finally {
    await document.destroy();
  }
}

/**
 * The document's parts, unpacked within the budget and zipped again without compression for mammoth (whose own zip
 * reader would unpack whatever the file claims). Sizes are counted as the bytes come, so a part that lies about its
 * size is caught too. Throws OverBudget with a Danish reason.
 */
async function docxWithinBudget(path: string, budget: DocxBudget): Promise<Buffer> {
  // Loaded here, like mammoth and PDF.js: a worker for a PDF or a text file need not load the zip readers.
  const [{ default: yauzl }, { default: JSZip }] = await Promise.all([import('yauzl'), import('jszip')]);
  const zip = await yauzl.openPromise(path, { lazyEntries: true, validateEntrySizes: false });
  const kept = new JSZip();
  let entries = 0;
  let total = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      if (++entries > budget.maxEntries) throw new OverBudget(`Dokumentet består af mere end ${budget.maxEntries.toLocaleString('da-DK')} dele.`);
      if (entry.fileName.endsWith('/') || /^word\/media\//i.test(entry.fileName)) continue;
      if (entry.uncompressedSize > budget.maxPartBytes) {
        throw new OverBudget(`En del af dokumentet fylder udpakket ${megabytes(entry.uncompressedSize)}; grænsen er ${megabytes(budget.maxPartBytes)}.`);
      }
      const chunks: Buffer[] = [];
      let partBytes = 0;
      for await (const chunk of (await zip.openReadStreamPromise(entry)) as AsyncIterable<Buffer>) {
        partBytes += chunk.length;
        total += chunk.length;
        if (partBytes > budget.maxPartBytes) throw new OverBudget(`En del af dokumentet fylder udpakket mere end ${megabytes(budget.maxPartBytes)}, selv om filen oplyser mindre.`);
        if (total > budget.maxTotalBytes) throw new OverBudget(`Dokumentet fylder udpakket mere end ${megabytes(budget.maxTotalBytes)}.`);
        chunks.push(chunk);
      }
      kept.file(entry.fileName, Buffer.concat(chunks), { compression: 'STORE' });
    }
  } finally {
    zip.close();
  }
  return kept.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}

async function extractDocx(path: string, out: TextCollector, budget: DocxBudget): Promise<void> {
  const buffer = await docxWithinBudget(path, budget);
  const mammoth = (await import('mammoth')).default;
  const result = await mammoth.extractRawText({ buffer });
  out.add(result.value);
}

async function extractPlain(path: string, out: TextCollector): Promise<void> {
  // Read no more than the text limit could use (4 bytes per character at most in UTF-8).
  const handle = await open(path, 'r');
  let bytes: Buffer;
  try {
    const want = Math.min((await handle.stat()).size, out.maxChars * 4);
    bytes = Buffer.alloc(want);
    const { bytesRead } = await handle.read(bytes, 0, want, 0);
    bytes = bytes.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Not UTF-8 (or cut inside a character at the limit): older Danish files are Windows-1252.
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  out.add(text);
}

/** The Danish reason for a library's (English) error: what is wrong with the file, not how the library failed. */
export function reasonFor(kind: ExtractJob['kind'], error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (kind === 'pdf') {
    if (name === 'PasswordException' || /password/i.test(message)) return 'PDF-filen er beskyttet med en adgangskode.';
    if (name === 'InvalidPDFException' || /invalid pdf/i.test(message)) return 'Filen er ikke en gyldig PDF (den er beskadiget eller af en anden type).';
    return 'Teksten i PDF-filen kunne ikke læses.';
  }
  if (kind === 'docx') {
    if (/main document part|central directory|zip|corrupt|signature/i.test(message)) return 'Filen er ikke et gyldigt Word-dokument (den er beskadiget eller af en anden type).';
    return 'Teksten i Word-dokumentet kunne ikke læses.';
  }
  return 'Teksten i filen kunne ikke læses.';
}

export async function runExtractJob(job: ExtractJob): Promise<ExtractReply> {
  const out = new TextCollector(job.maxChars);
  try {
    if (job.kind === 'pdf') await extractPdf(job.path, out);
    else if (job.kind === 'docx') await extractDocx(job.path, out, job.docxBudget ?? DOCX_BUDGET);
    else await extractPlain(job.path, out);
    return { ok: true, text: tidyText(out.text), truncated: out.truncated };
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    if (error instanceof OverBudget) return { ok: false, error: detail, reason: error.message, overBudget: true };
    return { ok: false, error: detail, reason: reasonFor(job.kind, error) };
  }
}

if (!isMainThread && parentPort && (workerData as { extractJob?: ExtractJob } | null)?.extractJob) {
  const port = parentPort;
  void runExtractJob((workerData as { extractJob: ExtractJob }).extractJob).then((reply) => port.postMessage(reply));
}
