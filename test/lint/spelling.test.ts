import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));

describe('the window’s Danish', () => {
  it('spells the cancel button one way, «Annuller», everywhere', () => {
    const variants = sources(join(ROOT, 'renderer', 'src')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/Annullér|Annuler\b|Anuller/g)].map((m) => `${relative(ROOT, file)}: ${m[0]}`),
    );
    expect(variants).toEqual([]);
  });
});
