/**
 * Measured figures for the foundation (issue 2). Run on purpose: `npm run bench` (add `-- --npm-ci` to also time
 * `npm ci` on a clean clone, which takes minutes). Prints a table of medians; nothing here is a pass/fail test.
 *
 *  1. Backend cold start: a new Node process loads the bundled backend, opens + migrates the database and lists
 *     the meetings, for a new database and for one holding ten years of meetings.
 *  2. Browser mode cold start: from starting the bundled `cli serve` (as `npm start` runs it, after `npm run build`)
 *     to the first rendered meeting list in Chromium.
 *  3. `npm ci` on a clean clone (optional).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { openDatabase } from '../../db/open';
import { PROJECT_ROOT } from '../../electron/host/paths';
import { launchChromium } from '../e2e/support/app';
import { generateYearsOfMeetings } from './generate';

const RUNS = 7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${Math.round(x).toLocaleString('da-DK')} ms`;
const rows: [string, string][] = [];
const record = (label: string, value: string) => {
  rows.push([label, value]);
  console.log(`${label}: ${value}`);
};

const work = mkdtempSync(join(tmpdir(), 'sekretariat-bench-'));
const tenYears = join(work, 'ti-aar.db');
{
  const db = await openDatabase({ file: tenYears });
  const count = await generateYearsOfMeetings(db.db, 2016, 10);
  await db.close();
  record('Data', `${count} genererede møder 2016–2025 + demodata`);
}

// 1. Backend cold start, bundled as the desktop app bundles it (no TypeScript transpiling at start).
const entry = join(PROJECT_ROOT, '.tmp', 'bench-backend.mjs');
mkdirSync(join(PROJECT_ROOT, '.tmp'), { recursive: true });
await build({
  entryPoints: [join(PROJECT_ROOT, 'test/bench/backend-cold-start.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3'],
  outfile: entry,
  logLevel: 'warning',
  // As in esbuild.config.ts: CommonJS dependencies need a real require inside an ES module bundle.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
const noBackupsYet = () => rmSync(join(work, 'backups'), { recursive: true, force: true });
for (const [label, fileOf, prepare] of [
  ['Backend, ny database', (i: number) => join(work, `ny-${i}.db`), () => {}],
  ['Backend, ti års møder', () => tenYears, () => {}],
  // The day's backup is taken behind the open: «åbn» no longer holds a copy of the database; the process's total does,
  // since it closes at once and close() waits for the backup.
  ['Backend, ti års møder, dagens første start', () => tenYears, noBackupsYet],
] as const) {
  const wall: number[] = [];
  const open: number[] = [];
  const list: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    prepare();
    const t0 = performance.now();
    const out = execFileSync(process.execPath, [entry, fileOf(i)], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    wall.push(performance.now() - t0);
    const r = JSON.parse(out) as { openMs: number; listMs: number };
    open.push(r.openMs);
    list.push(r.listMs);
  }
  record(label, `proces i alt ${ms(median(wall))} · åbn + migrér ${ms(median(open))} · hent møderne ${ms(median(list))}`);
}

// 2. Browser mode: server process start -> address printed -> first meeting row rendered.
const browser = await launchChromium();
const ready: number[] = [];
const firstList: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  const server = spawn(process.execPath, ['out/host/cli.mjs', 'serve', '--json', '--db', tenYears], { cwd: PROJECT_ROOT });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const match = /"url": "([^"]+)"/.exec(out);
      if (match) resolve(match[1]!);
    });
    server.on('exit', (code) => reject(new Error(`serve ended with ${code}`)));
  });
  const t1 = performance.now();
  const page = await browser.newPage();
  await page.goto(url);
  await page.getByTestId('meeting-row').first().waitFor();
  const t2 = performance.now();
  ready.push(t1 - t0);
  firstList.push(t2 - t0);
  await page.close();
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
}
await browser.close();
record('Browsertilstand, server klar', ms(median(ready)));
record('Browsertilstand, første mødeliste vist (ti års møder)', ms(median(firstList)));

// 3. npm ci on a clean clone.
if (process.argv.includes('--npm-ci')) {
  const clone = join(work, 'clone');
  execFileSync('git', ['clone', '-q', PROJECT_ROOT, clone]);
  const t0 = performance.now();
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: clone, stdio: 'ignore' });
  record('npm ci på ren klon (varm npm-cache)', result.status === 0 ? ms(performance.now() - t0) : `fejlede (${result.status})`);
}

rmSync(work, { recursive: true, force: true });
console.log(`\nMedian af ${RUNS} kørsler, ${new Date().toISOString()}\n`);
console.table(Object.fromEntries(rows));
