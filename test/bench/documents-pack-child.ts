/**
 * Child process of `test/bench/documents.ts` (not run on its own): opens the benchmark database prepared by the
 * parent, makes one agenda pack (`documents.export {kind:'pack'}`) through the backend with the real Chromium
 * printer, and prints one line of JSON: wall time, output size and pages, the phases of the printer, and this
 * process's resident memory (sampled every 50 ms, plus the kernel's high-water mark VmHWM, which also catches a
 * peak while the event loop is blocked and no sample can run).
 *
 *   node --import tsx test/bench/documents-pack-child.ts <databaseFile> <meetingId> [--phases]
 *
 * It also exports `timedPrinter`, which the parent uses for the same phase breakdown of the minutes.
 */
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { PdfPrinter } from '../../electron/backend/documents/printer';

/** One Chromium session as the export used it: launch, each print pass, close (ms). */
export interface PrinterPhases {
  launch: number;
  passes: { final: boolean; ms: number }[];
  close: number;
}

/**
 * Wraps a printer and records how long each step of its sessions took, without touching the export code: whatever
 * the export spends outside these steps is Node work (model, HTML, pdf-lib parsing, leak check, assembling, writing).
 */
export function timedPrinter(inner: PdfPrinter): { printer: PdfPrinter; sessions: PrinterPhases[] } {
  const sessions: PrinterPhases[] = [];
  const printer: PdfPrinter = async () => {
    const phases: PrinterPhases = { launch: 0, passes: [], close: 0 };
    sessions.push(phases);
    let t0 = performance.now();
    const session = await inner();
    phases.launch = performance.now() - t0;
    return {
      async print(html, options) {
        t0 = performance.now();
        const bytes = await session.print(html, options);
        phases.passes.push({ final: options.final, ms: performance.now() - t0 });
        return bytes;
      },
      async close() {
        t0 = performance.now();
        await session.close();
        phases.close = performance.now() - t0;
      },
    };
  };
  return { printer, sessions };
}

/** The kernel's peak resident set size of this process so far (bytes). */
export const highWaterMark = (pid: number | 'self' = 'self') => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;

async function main(databaseFile: string, meetingId: string) {
  const { openBackend } = await import('../../electron/backend/backend');
  const { chromiumPrinter } = await import('../../electron/host/chromium-printer');
  const chromium = chromiumPrinter();
  if (!chromium) throw new Error('Chromium mangler (/usr/bin/chromium eller CHROMIUM_PATH)');
  const { printer, sessions } = timedPrinter(chromium);
  const backend = await openBackend({ databaseFile, appVersion: 'bench', printer });
  // Text extraction was finished by the parent; make sure nothing is left that would run alongside the export.
  await backend.files?.idle();

  const rssBefore = process.memoryUsage.rss();
  let peakRss = rssBefore;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);
  const t0 = performance.now();
  const result = await backend.call('documents.export', { meetingId, kind: 'pack', edition: 'internal', format: 'pdf' });
  const ms = performance.now() - t0;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  if (!result.ok) throw new Error(`documents.export: ${result.error.code}: ${result.error.message}`);
  const made = result.data as { exportId: string; fileName: string; bytes: number; pages: number; warnings: string[] };
  const vmHwm = highWaterMark();

  // The pack is 150 MB: remove it so three runs do not pile up on disk.
  const file = await backend.exports.find(made.exportId, made.fileName);
  if (file) await rm(dirname(file.path), { recursive: true, force: true });
  await backend.close();
  console.log(JSON.stringify({ ms, bytes: made.bytes, pages: made.pages, warnings: made.warnings, rssBefore, peakRss, vmHwm, phases: sessions[0] }));
}

/**
 * `--phases`: the Node steps of the pack on their own, as the export runs them after printing the agenda: every
 * attachment parsed once to check it (inspectParts), then parsed again, copied, stamped and saved (assemblePack,
 * here behind a one-page stand-in for the agenda), then written. Run apart so it does not disturb the memory figures.
 */
/** Chromium's page-number stamps stand in as blank pages: the phases measure the assembly, not the printing. */
async function blankStamps(html: string): Promise<Uint8Array> {
  const { PDFDocument } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  for (let i = 0; i < html.split('<div>').length - 1; i++) doc.addPage([170, 12]);
  return doc.save();
}

async function phases(databaseFile: string, meetingId: string) {
  const { openBackend } = await import('../../electron/backend/backend');
  const { buildDocumentModel } = await import('../../electron/backend/services/documents');
  const { assemblePack, inspectParts } = await import('../../electron/backend/documents/pack');
  const { PDFDocument } = await import('pdf-lib');
  const { writeFile } = await import('node:fs/promises');
  const backend = await openBackend({ databaseFile, appVersion: 'bench' });
  const model = await buildDocumentModel(backend.database.db, meetingId, 'agenda', 'internal');
  const parts = model.items.flatMap((item) =>
    item.attachments
      .filter((a) => a.mediaType === 'application/pdf' && a.sha256)
      .map((a) => ({ itemNumber: item.number, attachmentNumber: a.number, title: a.title, file: backend.files!.pathOf(a.sha256!) })),
  );
  const agenda = await PDFDocument.create();
  agenda.addPage();
  const agendaBytes = await agenda.save();
  let t0 = performance.now();
  const checks = await inspectParts(parts);
  const inspect = performance.now() - t0;
  t0 = performance.now();
  const pack = await assemblePack(agendaBytes, parts, checks, { properties: { title: 'Bench', author: 'Bench', subject: 'Bench', producer: 'Bench' }, outline: [] }, blankStamps);
  const assemble = performance.now() - t0;
  const out = `${dirname(databaseFile)}/.pakke-faser.pdf`;
  t0 = performance.now();
  await writeFile(out, pack.bytes);
  const write = performance.now() - t0;
  await rm(out);
  await backend.close();
  console.log(JSON.stringify({ inspect, assemble, write, vmHwm: highWaterMark() }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [databaseFile, meetingId, mode] = process.argv.slice(2);
  if (!databaseFile || !meetingId) throw new Error('Brug: documents-pack-child.ts <databaseFile> <meetingId> [--phases]');
  await (mode === '--phases' ? phases(databaseFile, meetingId) : main(databaseFile, meetingId));
}
