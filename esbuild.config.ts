/**
 * Bundles the Electron main process, the preload script and the headless host (the renderer is built by Vite).
 * Main and preload are CommonJS: a sandboxed preload cannot be an ES module, and main stays CJS so that
 * better-sqlite3's native binding loads the same way in development and from the packaged asar.
 */
import { build, type BuildOptions } from 'esbuild';

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3'],
};

await Promise.all([
  // import.meta.url is only read in the ESM host bundle; in CommonJS it is empty and unused.
  build({ ...common, entryPoints: ['electron/main/index.ts'], outfile: 'out/main/index.cjs', logOverride: { 'empty-import-meta': 'silent' } }),
  // Text extraction of attachments runs in a worker thread beside each bundle.
  build({ ...common, entryPoints: ['electron/backend/files/extract-worker.ts'], outfile: 'out/main/extract-worker.cjs' }),
  build({ ...common, entryPoints: ['electron/backend/files/extract-worker.ts'], outfile: 'out/host/extract-worker.cjs' }),
  build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: 'out/preload/index.cjs' }),
  // The headless host (browser mode, CLI): bundled so `npm start` does not transpile TypeScript at every start.
  // Some CommonJS dependencies (postcss, under sanitize-html) call require() for Node built-ins, which an ES module
  // bundle lacks; the banner gives the bundle a real require.
  build({
    ...common,
    format: 'esm',
    entryPoints: { start: 'electron/host/start.ts', cli: 'electron/host/cli-entry.ts' },
    outdir: 'out/host',
    outExtension: { '.js': '.mjs' },
    // The host runs from the checkout, where these are installed: Chromium's driver and the workbook library, both
    // loaded only when used; inlining them would more than double the bundle every start has to parse.
    external: [...common.external!, 'playwright-core', 'exceljs'],
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  }),
]);
