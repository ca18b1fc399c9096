import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ExportStore } from '../../../electron/backend/documents/export-store';
import { exportScenarioAnnex, scenarioAnnexFileName } from '../../../electron/backend/documents/scenario-annex';
import { AppError } from '../../../electron/backend/errors';
import { chromiumPrinter } from '../../../electron/host/chromium-printer';
import { ScenarioInput, type Scenario } from '../../../shared/domain/scenario';
import { computeScenario } from '../../../shared/logic/tariff/scenario';

const fixture = ScenarioInput.parse(JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'nt1-v1-scenarie-2.json'), 'utf8')));
const MUNICIPALITIES = ['Brønderslev', 'Frederikshavn', 'Hjørring', 'Jammerbugt', 'Læsø', 'Mariagerfjord', 'Morsø', 'Rebild', 'Thisted', 'Vesthimmerland', 'Aalborg'];
/** Where the printed pages are kept as PNG for a person to look at (git-ignored). */
const PNG_DIR = join(__dirname, '..', '..', '..', '.tmp', 'annex');

function entryOf(input: ScenarioInput, id: string, baseId: string | null = null, overriddenPaths: string[] = []) {
  const scenario: Scenario = {
    id,
    revision: 1,
    createdAt: '2025-01-01T10:00:00.000Z',
    updatedAt: '2025-01-01T10:00:00.000Z',
    name: input.name,
    baseId,
    versionCount: 0,
    input,
    overrides: {},
    overriddenPaths,
    versions: [],
    usedBy: [],
  };
  return { scenario, result: computeScenario(input) };
}

const BASE_ID = '7d1f0c7e-2a4b-4c1d-9e3f-000000000001';
const base = entryOf(fixture, BASE_ID);
const variant = entryOf(
  { ...fixture, name: 'NT-1 v2 – Regionen betaler 25 %', occupancy: 0.95, split: { ...fixture.split, regionShare: 0.25 } },
  '7d1f0c7e-2a4b-4c1d-9e3f-000000000002',
  BASE_ID,
  ['name', 'occupancy', 'split.regionShare'],
);

const dir = mkdtempSync(join(tmpdir(), 'sekretariat-annex-'));
const store = new ExportStore(join(dir, 'exports'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);

describe('the scenario annex as PDF', () => {
  it('is named after the scenario, or as a comparison, safely', () => {
    expect(scenarioAnnexFileName(['NT-1 v1, scenarie 2 (50 % / 70 % / fuld)'])).toBe('Bilag – NT-1 v1, scenarie 2 (50 % - 70 % - fuld).pdf');
    expect(scenarioAnnexFileName(['Plan: "A" <b>'])).toBe('Bilag – Plan_ _A_ _b_.pdf');
    expect(scenarioAnnexFileName(['  '])).toBe('Bilag – takstscenarie.pdf');
    expect(scenarioAnnexFileName(['A', 'B'])).toBe('Bilag – sammenligning af scenarier.pdf');
  });

  it('says in Danish that no PDF can be made without Chromium, and leaves nothing behind', async () => {
    const error = await exportScenarioAnnex([base], { printer: null, store }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('UNAVAILABLE');
    expect((error as AppError).message).toContain('PDF kan ikke dannes her, fordi Chromium mangler');
    expect(existsSync(store.dir) ? readdirSync(store.dir) : []).toEqual([]);
  });

  const printer = chromiumPrinter();
  it.skipIf(!printer)(
    'prints a comparison of two scenarios with page numbers, Danish letters, every municipality and both names',
    async () => {
      const made = await exportScenarioAnnex([base, variant], { printer, store });
      expect(made.fileName).toBe('Bilag – sammenligning af scenarier.pdf');
      expect(made.warnings).toEqual([]);
      const file = await store.find(made.exportId, made.fileName);
      expect(file?.size).toBe(made.bytes);
      const path = file!.path;
      const pages = pageCount(path);
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(made.pages).toBe(pages);

      const text = pdfText(path);
      expect(text).toContain(`Side 1 af ${pages}`);
      expect(text).toContain(`Side ${pages} af ${pages}`);
      expect(text).toContain('Bilag – sammenligning af takstscenarier');
      expect(text).toMatch(/æ|ø|å/);
      expect(text).toContain('Fællesudgifter vedr. Specialsektoren');
      for (const name of MUNICIPALITIES) expect(text).toContain(name);
      expect(text).toContain('NT-1 v1, scenarie 2 (50 % / 70 % / fuld)');
      expect(text).toContain('NT-1 v2 – Regionen betaler 25 %');
      expect(text).toContain('8.000.000');
      expect(text).toContain('Advarsler');

      // The pages as pictures, for a person to look at (docs: the annex must look like a paper a director accepts).
      mkdirSync(PNG_DIR, { recursive: true });
      execFileSync('pdftoppm', ['-r', '60', '-png', path, join(PNG_DIR, 'sammenligning')]);

      const single = await exportScenarioAnnex([base], { printer, store });
      expect(single.fileName).toBe('Bilag – NT-1 v1, scenarie 2 (50 % - 70 % - fuld).pdf');
      const singlePath = (await store.find(single.exportId, single.fileName))!.path;
      expect(pdfText(singlePath)).toContain(`Side 1 af ${single.pages}`);
      execFileSync('pdftoppm', ['-r', '60', '-png', singlePath, join(PNG_DIR, 'enkelt')]);
    },
    120_000,
  );
});
