import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ExportStore } from '../../../electron/backend/documents/export-store';
import { exportTakstbilag } from '../../../electron/backend/documents/takstbilag-documents';
import { chromiumPrinter } from '../../../electron/host/chromium-printer';
import { buildTakstbilag, type TakstbilagSheet } from '../../../shared/logic/tariff/takstbilag';

/*
 * The takstbilag printed by Chromium and read back with pdfinfo and pdftotext: landscape A4, every offer on a page,
 * the table's header on every page it runs over, and the checks' sentences after the tables.
 */

/** Where the printed file is kept for a person to look at (git-ignored). */
const PNG_DIR = join(__dirname, '..', '..', '..', '.tmp', 'takstbilag');
const dir = mkdtempSync(join(tmpdir(), 'sekretariat-takstbilag-pdf-'));
const store = new ExportStore(join(dir, 'exports'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pages = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim() !== '');
const squeeze = (text: string) => text.replace(/[ \t\u00a0]+/g, ' ');

function sheets(operators: { id: string; name: string; offers: number }[]): TakstbilagSheet[] {
  return operators.flatMap((o) =>
    Array.from({ length: o.offers }, (_, i): TakstbilagSheet => ({
      offer: { id: `${o.id}-${i}`, name: `${o.name.split(' ')[0]} tilbud ${String(i + 1).padStart(3, '0')} med et langt navn til to linjer`, operatorId: o.id, operatorName: o.name, legalBasis: i % 3 === 0 ? 'SEL-104' : 'SEL-108', tariffUnit: i % 3 === 0 ? 'dag' : 'døgn' },
      status: 'submitted',
      version: 1,
      places: 12,
      occupancy: 0.96,
      tariff: 312_345 + i * 100,
      tariffBasis: 1_234_567_800,
      previousTariff: 300_000,
      checks: i % 7 === 0 ? [{ code: 'tariff-change-reason', severity: 'warning', message: 'Taksten ændres 4,1 % (12.345 kr.), mere end 5 %: ændringen skal begrundes (Styringsaftalen 2.2.1).' }] : [],
      ruleSetNote: null,
    })),
  );
}

describe('the takstbilag as PDF', () => {
  it('prints landscape A4 with every offer, the header on every page a long table runs over, and the notes after the tables', async () => {
    const annex = buildTakstbilag(
      2022,
      sheets([
        { id: 'a', name: 'Aalborg Kommune', offers: 60 },
        { id: 'r', name: 'Region Nordjylland', offers: 5 },
      ]),
      ['a', 'r'],
    );
    const made = await exportTakstbilag(annex, 'pdf', { printer: chromiumPrinter(), store, now: new Date('2021-10-31T12:00:00Z') });
    const file = (await store.find(made.exportId, made.fileName))!.path;
    expect(made.fileName).toBe('Takstbilag 2022.pdf');
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts/);
    expect(info).toMatch(/Title:\s+Takstbilag 2022/);

    const text = pages(file).map(squeeze);
    expect(text.length).toBe(made.pages);
    expect(text.length).toBeGreaterThan(2);
    const all = text.join('\n');
    for (let i = 1; i <= 60; i++) expect(all).toContain(`Aalborg tilbud ${String(i).padStart(3, '0')}`);
    // Aalborg's table runs over several pages: each of them starts it with the column headings.
    const aalborgPages = text.filter((p) => p.includes('Aalborg tilbud'));
    expect(aalborgPages.length).toBeGreaterThan(1);
    for (const page of aalborgPages) expect(page).toMatch(/Tilbud Enhed Pladser Belægning Takst 2022/);
    expect(all).toContain('I alt Aalborg Kommune');
    expect(all).toContain('Bemærkninger fra kontrollen');
    expect(all).toContain('Side 1 af');

    mkdirSync(PNG_DIR, { recursive: true });
    copyFileSync(file, join(PNG_DIR, 'takstbilag.pdf'));
  });
});
