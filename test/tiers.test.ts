import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BENCH_DIR, E2E_DIR, INTEGRATION, RENDERER_DIR, SLOW_DIRS, SLOW_FILES } from './tiers';

const ROOT = join(import.meta.dirname, '..');

/** What a test does that keeps it out of the unit tier: a child process, a port, Chromium, a bundle build. */
const OUT_OF_PROCESS: [RegExp, string][] = [
  [/['"](node:)?child_process['"]/, 'child processes'],
  [/['"](node:)?net['"]|\.listen\(|startHttpHost/, 'a port'],
  [/chromiumPrinter|playwright/, 'Chromium'],
  [/from ['"]esbuild['"]|ensureBundles/, 'an esbuild bundle'],
];

const testFiles = readdirSync(join(ROOT, 'test'), { recursive: true, encoding: 'utf8' })
  .filter((name) => /\.test\.tsx?$/.test(name))
  .map((name) => relative(ROOT, join(ROOT, 'test', name)).split('\\').join('/'));
const inDir = (file: string, dir: string) => file.startsWith(`${dir}/`);
const otherTier = (file: string) =>
  INTEGRATION.includes(file) || SLOW_FILES.includes(file) || [...SLOW_DIRS, RENDERER_DIR, E2E_DIR, BENCH_DIR].some((dir) => inDir(file, dir));
const reasons = (file: string) => OUT_OF_PROCESS.filter(([pattern]) => pattern.test(readFileSync(join(ROOT, file), 'utf8'))).map(([, reason]) => reason);

describe('test tiers (vitest.config.ts, test/tiers.ts)', () => {
  it('the unit tier starts no process, opens no port and runs no Chromium', () => {
    // This file names the markers; it only reads files.
    const unit = testFiles.filter((file) => !otherTier(file) && file !== 'test/tiers.test.ts');
    expect(unit.length).toBeGreaterThan(40);
    const offenders = unit.map((file) => ({ file, uses: reasons(file) })).filter((f) => f.uses.length > 0);
    // A file listed here belongs in INTEGRATION (test/tiers.ts), or its out-of-process test in a file of its own there.
    expect(offenders).toEqual([]);
  });

  it('every file listed by name exists (a renamed one would fall back to the unit tier)', () => {
    for (const file of [...INTEGRATION, ...SLOW_FILES]) expect(existsSync(join(ROOT, file)), file).toBe(true);
  });

  it('every file listed for the integration tier still does something out of process', () => {
    for (const file of INTEGRATION) expect(reasons(file), file).not.toEqual([]);
  });
});
