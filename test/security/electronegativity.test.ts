/**
 * Electronegativity (Doyensec's Electron security linter) over the shell's sources and over the
 * bundles that ship. The tool always exits 0 and its SARIF has no severity (it writes every finding
 * as `warning` or `note`), so the gate is here: no HIGH finding, and every file actually parsed.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureBundles, MAIN_BUNDLE, PRELOAD_BUNDLE, ROOT } from '../electron/bundles';

interface Issue {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { name: 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL'; value: number };
  confidence: { name: string };
  manualReview: boolean;
  description: string;
}
interface ScanResult {
  issues: Issue[];
  errors: Array<{ file: string; message: string; tolerable: boolean }>;
}
interface ScanOptions {
  input: string;
  output: string;
  isSarif: boolean;
  isRelative: boolean;
  excludeFromScan: string[];
  electronVersionOverride: string;
}
interface Sarif {
  runs: Array<{ results: Array<{ ruleId: string; level: string }> }>;
}

const require = createRequire(import.meta.url);
const electronegativity = require('@doyensec/electronegativity') as (options: ScanOptions) => Promise<ScanResult>;
const ELECTRON_VERSION = (JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;

/** Checks we have dealt with; any finding of these, at any severity, is a regression. */
const RESOLVED_CHECKS = [
  'CONTEXT_ISOLATION_JS_CHECK',
  'NODE_INTEGRATION_JS_CHECK',
  'SANDBOX_JS_CHECK',
  'WEB_SECURITY_JS_CHECK',
  'INSECURE_CONTENT_JS_CHECK',
  'EXPERIMENTAL_FEATURES_JS_CHECK',
  'AUXCLICK_JS_CHECK',
  'BLINK_FEATURES_JS_CHECK',
  'NODE_INTEGRATION_ATTACH_EVENT_JS_CHECK',
  'SECURITY_WARNINGS_DISABLED_JS_CHECK',
  'LIMIT_NAVIGATION_GLOBAL_CHECK',
  'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
  'CERTIFICATE_ERROR_EVENT_JS_CHECK',
  'CERTIFICATE_VERIFY_PROC_JS_CHECK',
  'REMOTE_MODULE_JS_CHECK',
  'HTTP_RESOURCES_JS_CHECK',
];

let work: string;
const savedLang = process.env.LANG;
const scans = {} as Record<'sources' | 'bundles' | 'canary', { result: ScanResult; sarif: Sarif }>;

async function scan(input: string, name: string) {
  const output = join(work, `${name}.sarif`);
  const result = await electronegativity({
    input,
    output,
    isSarif: true,
    isRelative: true,
    // This one downloads Electron's release list; everything else runs offline.
    excludeFromScan: ['availablesecurityfixesglobalcheck'],
    // Found from the nearest package.json otherwise, and the scanned folders have none.
    electronVersionOverride: ELECTRON_VERSION,
  });
  // The tool writes the report with an un-awaited fs.writeFile; wait until it is complete.
  const sarif = await vi.waitFor(() => JSON.parse(readFileSync(output, 'utf8')) as Sarif, { timeout: 120_000, interval: 50 });
  return { result, sarif };
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'sekretariat-electronegativity-'));
  // The tool fetches translations for $LANG (failing quietly offline); pin the language it ships with.
  process.env.LANG = 'en-US';

  // The tool reads only .js/.ts files. Its .js path (esprima, then babel + eslint-scope) cannot handle
  // class private fields in the bundled libraries and would skip the whole file; its TypeScript path
  // parses them. So each bundle is scanned as a .ts copy, byte for byte the file that ships.
  const bundles = join(work, 'out');
  ensureBundles();
  for (const [part, bundle] of [['main', MAIN_BUNDLE], ['preload', PRELOAD_BUNDLE]] as const) {
    mkdirSync(join(bundles, part), { recursive: true });
    copyFileSync(bundle, join(bundles, part, 'index.cjs.ts'));
  }

  // A deliberately unsafe window proves the gate can fail at all.
  const canary = join(work, 'canary');
  mkdirSync(canary);
  writeFileSync(
    join(canary, 'main.js'),
    "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n",
  );

  scans.sources = await scan(join(ROOT, 'electron'), 'sources');
  scans.bundles = await scan(bundles, 'bundles');
  scans.canary = await scan(canary, 'canary');
}, 180_000);

afterAll(() => {
  if (savedLang === undefined) delete process.env.LANG;
  else process.env.LANG = savedLang;
  if (work) rmSync(work, { recursive: true, force: true });
});

const describeIssue = (issue: Issue) =>
  `${issue.severity.name} ${issue.id} ${issue.file}:${issue.location.line}${issue.manualReview ? ' (review)' : ''} — ${issue.description}`;

describe.each(['sources', 'bundles'] as const)('electronegativity over the %s', (name) => {
  it('parses every file (a file it cannot parse is silently not checked)', () => {
    expect(scans[name].result.errors.filter((error) => !error.tolerable)).toEqual([]);
  });

  it('reports no high-severity finding', () => {
    const { issues } = scans[name].result;
    if (issues.length > 0) console.info(`electronegativity (${name}):\n  ${issues.map(describeIssue).join('\n  ')}`);
    expect(issues.filter((issue) => issue.severity.name === 'HIGH').map(describeIssue)).toEqual([]);
  });

  it('writes SARIF with the same findings and none at level error', () => {
    const results = scans[name].sarif.runs.flatMap((run) => run.results);
    expect(results).toHaveLength(scans[name].result.issues.length);
    expect(results.filter((result) => result.level === 'error')).toEqual([]);
  });

  it('finds none of the problems the shell has already dealt with', () => {
    const regressions = scans[name].result.issues.filter((issue) => RESOLVED_CHECKS.includes(issue.id));
    expect(regressions.map(describeIssue)).toEqual([]);
  });
});

describe('the gate itself', () => {
  it('flags an unsafe window as high', () => {
    const high = scans.canary.result.issues.filter((issue) => issue.severity.name === 'HIGH').map((issue) => issue.id);
    expect(high).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']));
  });
});
