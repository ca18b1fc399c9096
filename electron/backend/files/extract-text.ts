/**
 * Text of PDF, .docx and plain-text attachments for search, extracted off the request path.
 *
 * Each file is read in its own worker thread (extract-worker.ts) with a time limit and a heap limit, one file at a
 * time: a huge, broken, password-protected or hostile document ends as 'fejl' (or is stopped by terminate()) and
 * never freezes or crashes the backend. Worker threads rather than a child process, because the packaged app
 * disables Electron's run-as-node fuse, so `child_process.fork` of the app binary would start a second app instead
 * of a Node script; a worker runs inside the main process's Node on every platform and in plain Node alike.
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { Kysely } from 'kysely';
import { firstAttachmentOfFile } from '../../../db/queries/attachments';
import { filesAwaitingText, getFileRow, storeExtractedText } from '../../../db/queries/files';
import type { DB, FilesTable } from '../../../db/schema';
import type { DocxBudget, ExtractJob, ExtractReply } from './extract-worker';
import { MEDIA_TYPES } from './media-type';

export const EXTRACT_TIMEOUT_MS = 60_000;
/** Larger files are kept but not searched (PDF.js needs the whole file in memory). */
export const MAX_EXTRACT_BYTES = 100 * 1024 * 1024;
/** About 1,000 dense pages; the rest of a longer document is not searchable. */
export const MAX_TEXT_CHARS = 2_000_000;
const WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 64 };

export type TextStatus = FilesTable['text_status'];
export interface TextOutcome {
  status: Exclude<TextStatus, 'afventer'>;
  text: string | null;
  /** Why it failed (the library's English, for the log). */
  detail?: string;
  /** Why there is no text: a Danish sentence for the user (failed, or over the budget of a file kept without text). */
  reason?: string;
}

export function extractionKind(mediaType: string): ExtractJob['kind'] | null {
  if (mediaType === MEDIA_TYPES.pdf) return 'pdf';
  if (mediaType === MEDIA_TYPES.docx) return 'docx';
  if (mediaType === MEDIA_TYPES.txt) return 'txt';
  return null;
}

/** The worker could not be started at all (e.g. missing from a broken build): the file stays 'afventer'. */
export class ExtractorUnavailable extends Error {}

const WORKER_NAMES = ['extract-worker.cjs', 'extract-worker.mjs', 'extract-worker.js'];

/**
 * Where the worker is: beside the bundle that contains this module (out/main, out/host: built by esbuild as
 * extract-worker.cjs) or, when running from source (tests, tsx), the TypeScript file compiled by tsx's loader.
 */
function workerSpec(): { script: string; eval: boolean } {
  const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
  // Electron loads workers from inside app.asar (since v18); an unpacked copy, if the build makes one, is preferred.
  const packed = /app\.asar(?!\.unpacked)/.test(here);
  const folders = packed ? [here.replace(/app\.asar(?!\.unpacked)/, 'app.asar.unpacked'), here] : [here];
  for (const folder of folders) {
    for (const name of WORKER_NAMES) {
      const file = join(folder, name);
      if (existsSync(file)) return { script: file, eval: false };
    }
  }
  const source = join(here, 'extract-worker.ts');
  if (!existsSync(source)) throw new ExtractorUnavailable(`extract-worker not found beside ${here}`);
  // Development only: register tsx's ESM loader inside the worker, then load the TypeScript source.
  const bootstrap = `
    const { createRequire } = require('node:module');
    const { pathToFileURL } = require('node:url');
    const { dirname, join } = require('node:path');
    const source = ${JSON.stringify(source)};
    const req = createRequire(source);
    const pkg = req.resolve('tsx/package.json');
    const api = join(dirname(pkg), req(pkg).exports['./esm/api'].import.default);
    import(pathToFileURL(api).href).then((tsx) => { tsx.register(); return import(pathToFileURL(source).href); });
  `;
  return { script: bootstrap, eval: true };
}

export interface ExtractOptions {
  timeoutMs?: number;
  maxChars?: number;
  maxBytes?: number;
  docxBudget?: DocxBudget;
}

function seconds(ms: number): string {
  const n = Math.max(1, Math.round(ms / 1000));
  return `${n.toLocaleString('da-DK')} ${n === 1 ? 'sekund' : 'sekunder'}`;
}

/** Extracts the text of one file in a fresh worker. Never throws for a bad file; only ExtractorUnavailable. */
export async function extractFileText(path: string, mediaType: string, options: ExtractOptions = {}): Promise<TextOutcome> {
  const kind = extractionKind(mediaType);
  if (!kind) return { status: 'ingen_tekst', text: null };
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return { status: 'fejl', text: null, detail: 'file missing', reason: 'Filen mangler i datamappen.' };
  const maxBytes = options.maxBytes ?? MAX_EXTRACT_BYTES;
  if (info.size > maxBytes) {
    return { status: 'ingen_tekst', text: null, detail: 'too large to extract', reason: `Filen fylder mere end ${Math.floor(maxBytes / (1024 * 1024)).toLocaleString('da-DK')} MB, så teksten gøres ikke søgbar.` };
  }

  const job: ExtractJob = { path, kind, maxChars: options.maxChars ?? MAX_TEXT_CHARS, docxBudget: options.docxBudget };
  const timeoutMs = options.timeoutMs ?? EXTRACT_TIMEOUT_MS;
  const spec = workerSpec();
  let worker: Worker;
  try {
    worker = new Worker(spec.script, { eval: spec.eval, workerData: { extractJob: job }, resourceLimits: WORKER_LIMITS, stdout: true, stderr: true });
  } catch (error) {
    throw new ExtractorUnavailable(String(error));
  }
  // Warnings of PDF.js and mammoth are of no use to the user; drain them so the pipes never fill up.
  worker.stdout.resume();
  worker.stderr.resume();

  const reply = await new Promise<ExtractReply>((resolve) => {
    const timer = setTimeout(
      () => resolve({ ok: false, error: 'timeout', reason: `Udtrækningen tog mere end ${seconds(timeoutMs)} og blev stoppet.`, overBudget: true }),
      timeoutMs,
    );
    const finish = (value: ExtractReply) => {
      clearTimeout(timer);
      resolve(value);
    };
    worker.once('message', (message: ExtractReply) => finish(message));
    // A worker stopped at its heap limit (ERR_WORKER_OUT_OF_MEMORY) ends here; the app goes on.
    const stopped = 'Udtrækningen brugte mere hukommelse end tilladt og blev stoppet.';
    worker.once('error', (error) => finish({ ok: false, error: `${error.name}: ${error.message}`, reason: stopped, overBudget: true }));
    worker.once('exit', (code) => finish({ ok: false, error: `worker exited (${code})`, reason: stopped, overBudget: true }));
  });
  await worker.terminate().catch(() => undefined);

  // Over a budget the file is fine to keep, only too large to read: it has no text. Otherwise the extraction failed.
  if (!reply.ok) return { status: reply.overBudget ? 'ingen_tekst' : 'fejl', text: null, detail: reply.error, reason: reply.reason };
  return reply.text ? { status: 'udtrukket', text: reply.text } : { status: 'ingen_tekst', text: null };
}

/** May return a promise: the queue waits for it, so closing never leaves a listener writing to a closed database. */
export type SettledListener = (sha256: string, status: TextStatus) => void | Promise<void>;

/**
 * One queue per database: files are extracted one at a time (the machines have two cores and the UI needs one),
 * and each outcome is written to `files.text` / `files.text_status`.
 */
export class TextExtractor {
  private readonly queue: string[] = [];
  private readonly queued = new Set<string>();
  private readonly listeners = new Set<SettledListener>();
  /** Told after every file the queue took, whatever came of it (null: not extracted this time). */
  private readonly finished = new Set<(status: TextStatus | null) => void>();
  private running: Promise<void> | null = null;
  private closed = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly db: Kysely<DB>,
    private readonly pathOf: (sha256: string) => string,
    private readonly options: ExtractOptions & { log?: (message: string, error?: unknown) => void } = {},
  ) {}

  /** Queues a file whose row says 'afventer'; a file already queued is not queued twice. */
  schedule(sha256: string): void {
    if (this.closed || this.queued.has(sha256)) return;
    this.queued.add(sha256);
    this.queue.push(sha256);
    this.running ??= this.drain();
  }

  /** Queues every file left 'afventer' (e.g. the app was closed during an extraction). */
  async resumePending(): Promise<number> {
    const pending = await filesAwaitingText(this.db);
    for (const sha256 of pending) this.schedule(sha256);
    return pending.length;
  }

  /**
   * Extracts every file waiting for it (queued, or left 'afventer' by an earlier run) and resolves when none is left:
   * for the command line, which must not exit with the work undone. `onProgress(n, total)` as the n-th file starts.
   */
  async extractAll(onProgress?: (next: number, total: number) => void): Promise<{ files: number; extracted: number; failed: number }> {
    await this.resumePending();
    let total = this.queued.size;
    const outcome = { files: 0, extracted: 0, failed: 0 };
    if (total === 0) return outcome;
    onProgress?.(1, total);
    const counted = (status: TextStatus | null) => {
      outcome.files++;
      if (status === 'udtrukket') outcome.extracted++;
      else if (status === 'fejl' || status === null) outcome.failed++;
      total = Math.max(total, outcome.files + this.queue.length);
      if (this.queue.length > 0) onProgress?.(outcome.files + 1, total);
    };
    this.finished.add(counted);
    try {
      await this.idle();
    } finally {
      this.finished.delete(counted);
    }
    return outcome;
  }

  /** Called with each outcome, e.g. by the search indexer to index the attachments that use the file. */
  onSettled(listener: SettledListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves when nothing is queued or running. */
  idle(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops taking work; a running extraction finishes (or times out) and is not followed by others. */
  async close(): Promise<void> {
    this.closed = true;
    this.queue.length = 0;
    await this.idle();
  }

  private async drain(): Promise<void> {
    try {
      for (let sha256 = this.queue.shift(); sha256 !== undefined && !this.closed; sha256 = this.queue.shift()) {
        const status = await this.extractOne(sha256);
        this.queued.delete(sha256);
        for (const told of this.finished) told(status);
      }
    } finally {
      this.queued.clear();
      this.running = null;
      for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }

  /** The file as the user knows it: an attachment's title and file name (never its hash). */
  private async describe(sha256: string): Promise<string> {
    const attachment = await firstAttachmentOfFile(this.db, sha256).catch(() => undefined);
    return attachment ? `Bilaget «${attachment.title}» (filen «${attachment.file_name}»)` : 'En bilagsfil uden bilag';
  }

  /** The outcome written, the status found when there was nothing to do, or null when it failed to run. */
  private async extractOne(sha256: string): Promise<TextStatus | null> {
    try {
      const row = await getFileRow(this.db, sha256);
      if (!row || row.text_status !== 'afventer') return row?.text_status ?? null;
      const outcome = await extractFileText(this.pathOf(sha256), row.media_type, this.options);
      if (outcome.reason) this.options.log?.(`${await this.describe(sha256)}: ${outcome.status === 'fejl' ? 'teksten kunne ikke udtrækkes' : 'ingen tekst'}. ${outcome.reason}`);
      await storeExtractedText(this.db, sha256, outcome.text, outcome.status);
      await Promise.all([...this.listeners].map((listener) => listener(sha256, outcome.status)));
      return outcome.status;
    } catch (error) {
      // The worker could not start, or the database was closed meanwhile: the row stays 'afventer' for next time.
      this.options.log?.(`Teksten i filen ${sha256} blev ikke udtrukket`, error);
      return null;
    }
  }
}

/** The extracted text of a stored file, or null if there is none (yet). For the search indexer. */
export async function extractedText(db: Kysely<DB>, sha256: string): Promise<string | null> {
  const row = await getFileRow(db, sha256);
  return row?.text_status === 'udtrukket' ? row.text : null;
}
