/**
 * Which test files run in which Vitest project (vitest.config.ts). A file's tier is what it does, not where it sits:
 *
 * - unit: in-process only (an in-memory or temp-folder database, the backend called directly, Electron faked): no
 *   child process, no port, no Chromium. Every file not listed below; test/tiers.test.ts keeps it so.
 * - integration: starts processes or opens ports (the HTTP host, the command line, esbuild, Chromium printing PDFs,
 *   pdftotext/pdfinfo reading them).
 * - slow: minutes on purpose (SIGKILL trials; the bundles scanned by electronegativity; long property tests).
 * - renderer: the window's logic in jsdom (test/renderer); e2e: the built app in Chromium (test/e2e).
 */
export const INTEGRATION = [
  // Print PDFs with Chromium, read them with pdftotext/pdfinfo.
  'test/backend/documents/docx-export.test.ts',
  'test/backend/documents/pack.test.ts',
  'test/backend/documents/papers.test.ts',
  'test/backend/documents/proposal-documents.test.ts',
  'test/backend/documents/public-output.test.ts',
  'test/backend/documents/scenario-annex.test.ts',
  'test/backend/documents/takstbilag-pdf.test.ts',
  'test/backend/proposals.test.ts',
  'test/backend/scenario-uses.test.ts',
  // Bundles the text-extraction worker with esbuild and runs it in a child Node.
  'test/backend/file-store.test.ts',
  // Builds the Electron bundles (esbuild in a child process) and loads them.
  'test/electron/bundle.test.ts',
  // The command line in child processes; the HTTP host on a port.
  'test/host/cli.test.ts',
  'test/host/http-host.test.ts',
  'test/host/upload.test.ts',
];

/**
 * Heavy on purpose, minutes on a busy machine: property tests of many runs (whole exchanges between databases, public
 * editions of random documents); a whole database imported on the command line, which extracts the text of every annex
 * before it ends; decompression bombs and oversized documents run to their extraction budget.
 */
export const SLOW_FILES = [
  'test/backend/exchange-merge-property.test.ts',
  'test/backend/documents/public-output-property.test.ts',
  'test/backend/exchange-import-cli.test.ts',
  'test/backend/extract-budget.test.ts',
];

/** The other tiers are whole folders. */
export const SLOW_DIRS = ['test/crash', 'test/security'];
export const RENDERER_DIR = 'test/renderer';
export const E2E_DIR = 'test/e2e';
/** Never collected as tests: the benchmarks are scripts of their own (npm run bench). */
export const BENCH_DIR = 'test/bench';

/** The test files under a folder. */
export const testsIn = (dir: string) => `${dir}/**/*.test.{ts,tsx}`;
