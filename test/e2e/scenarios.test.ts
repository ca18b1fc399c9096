import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { call } from '../helpers/backend';
import { AppPage } from './pages/app-page';
import { screenshot, useE2eSession, type RunningApp } from './support/app';

const session = useE2eSession({ demo: true });
let app: RunningApp;
let ui: AppPage;
beforeEach(async () => {
  app = session.app;
  ui = new AppPage(session.page);
  await ui.open(app.host.url);
});

const figure = (page: Page, id: string) => page.getByTestId(id);

/** A small FOLK1A export as Statistikbanken writes it: title, period header, totals to skip, a footnote. */
const FOLK1A = [
  '"FOLK1A: Befolkningen den 1. i kvartalet efter område og tid"',
  '"";"2021K2";"2022K2"',
  '"Region Nordjylland";590322;591740',
  '"Aalborg";219573;221082',
  '"Læsø";1776;1747',
  '"Hjørring";64099;63847',
  '',
  '"Kilde: Danmarks Statistik"',
].join('\r\n');

describe('the scenario modeller', () => {
  it('builds a variant of the self-harm proposal’s scenario, compares it with the base and exports both', async () => {
    const { page } = ui;
    await ui.goTo('Takstscenarier');
    await page.getByRole('link', { name: 'NT-1 v1 – scenarie 1' }).click();
    await expect.poll(() => figure(page, 'figure-total').textContent()).toBe('4.400.000 kr.');
    // The seed's own inconsistency is shown, not hidden: the budget lines sum to 23,73 mio., the stated total is 22,9 mio.
    await expect.poll(() => page.getByTestId('scenario-warnings').textContent()).toContain('23.730.000 kr.');

    // A variant starts equal to its base: nothing marked as changed.
    await page.getByRole('button', { name: 'Flere handlinger' }).click();
    await page.getByRole('menuitem', { name: 'Ny variant' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nyt scenarie' });
    await dialog.getByLabel('Navn').fill('NT-1 v1 – Regionen betaler 25 %');
    await dialog.getByRole('button', { name: 'Opret' }).click();
    await page.getByText('Variant af «NT-1 v1 – scenarie 1»').waitFor();
    expect(await page.locator('[data-overridden]').count()).toBe(0);

    // Changing the Region's share recomputes at once and marks the field as the variant's own.
    const regionShare = page.getByLabel('Regionens andel');
    await regionShare.fill('25');
    await expect.poll(() => figure(page, 'figure-region').textContent()).toBe('1.100.000 kr.');
    expect(await figure(page, 'figure-municipal').textContent()).toBe('3.300.000 kr.');
    expect(await page.locator('[data-overridden]').count()).toBe(1);
    await page.getByText(/Gemt kl\./).waitFor();
    const variant = (await call(app.backend, 'scenarios.list', {})).find((s) => s.name === 'NT-1 v1 – Regionen betaler 25 %')!;
    expect((await call(app.backend, 'scenarios.get', { id: variant.id })).overrides).toEqual({ split: { regionShare: 0.25 } });
    await screenshot(page, 'scenarie-variant', { fullPage: true });

    // Base and variant side by side, the difference marked.
    await page.getByLabel('Sammenlign NT-1 v1 – scenarie 1').check();
    await page.getByLabel('Sammenlign NT-1 v1 – Regionen betaler 25 %').check();
    await page.getByRole('button', { name: 'Sammenlign (2)' }).click();
    const table = page.getByTestId('comparison-table');
    const regionRow = table.getByRole('row', { name: /Heraf Regionen/ });
    await expect.poll(() => regionRow.textContent()).toContain('+1.100.000 kr.');
    expect(await table.locator('[data-differs]').count()).toBe(3);
    await screenshot(page, 'scenarie-sammenligning', { fullPage: true });

    // The comparison as a workbook a manager can take on …
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Regneark (.xlsx)' }).click()]);
    const xlsxFile = join(app.dataDir, 'sammenligning.xlsx');
    await xlsx.saveAs(xlsxFile);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsxFile);
    const sheet = book.getWorksheet('Sammenligning')!;
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const region = rows.find((r) => r.includes('Heraf Regionen'))!;
    // The difference is a formula, written with its result.
    expect(region).toContainEqual({ formula: expect.stringMatching(/^C\d+-B\d+$/), result: 1_100_000 });

    // … and as a PDF annex for the agenda item.
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PDF-bilag' }).click()]);
    const pdfFile = join(app.dataDir, 'bilag.pdf');
    await pdf.saveAs(pdfFile);
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    expect(text).toContain('NT-1 v1 – Regionen betaler 25 %');
    expect(text).toContain('Side 1 af');
  });

  it('freezes a numbered, hashed version that a decision can cite', async () => {
    const { page } = ui;
    await ui.goTo('Takstscenarier');
    await page.getByRole('link', { name: 'NT-1 v2 – scenarie 2' }).click();
    await page.getByRole('tab', { name: /Versioner/ }).click();
    await page.getByLabel('Bemærkning til versionen').fill('Til DAS 27. maj 2021');
    await page.getByRole('button', { name: 'Fastfrys version 1' }).click();
    const versions = page.getByTestId('versions');
    await versions.getByText('Til DAS 27. maj 2021').waitFor();
    await page.getByRole('button', { name: 'Fastfrys version 2' }).waitFor();
    const { id } = (await call(app.backend, 'scenarios.list', {})).find((s) => s.name === 'NT-1 v2 – scenarie 2')!;
    const { hash } = (await call(app.backend, 'scenarios.get', { id })).versions[0]!;
    expect(await versions.textContent()).toContain(hash.slice(0, 12));
  });

  it('takes a population key from a Danmarks Statistik file after a preview, and refuses a broken one in Danish', async () => {
    const { page } = ui;
    await ui.goTo('Takstscenarier');
    await page.getByRole('link', { name: 'NT-1 v1 – scenarie 3' }).click();
    await page.getByRole('button', { name: 'Fra Danmarks Statistik …' }).click();
    const dialog = page.getByRole('dialog', { name: 'Fordelingsnøgle fra Danmarks Statistik' });
    await dialog.getByLabel('Eller indsæt tabellen').fill('"";"2021K2"\n"Aalborg";mange\n');
    await dialog.getByTestId('dst-error').getByText('Linje 2: «mange» for Aalborg er ikke et antal').waitFor();
    expect(await dialog.getByRole('button', { name: 'Brug nøglen' }).isDisabled()).toBe(true);

    await dialog.getByLabel('Eller indsæt tabellen').fill(FOLK1A);
    const preview = dialog.getByTestId('dst-preview');
    // The newest period is chosen; the region's total row is left out; the municipalities get the agreement's names.
    await preview.getByText('221.082').waitFor();
    expect(await preview.getByText('Region Nordjylland').count()).toBe(0);
    await preview.getByText('Aalborg Kommune').waitFor();
    await dialog.getByRole('button', { name: 'Brug nøglen' }).click();

    const key = page.getByTestId('key-table');
    await expect.poll(() => key.getByRole('row').count()).toBe(3);
    expect(await page.getByLabel('Vægt for Aalborg Kommune').inputValue()).toBe('221.082');
    // Nothing else of the scenario changed: the total still comes to the same 10 mio., now over three municipalities.
    await expect.poll(() => page.getByTestId('municipal-result').getByRole('row').count()).toBe(5);
    expect(await figure(page, 'figure-total').textContent()).toBe('10.000.000 kr.');
  });

  it('takes budget lines and tariff levels pasted from Excel, refuses a bad paste naming the cell, and warns when the levels’ places do not add up', async () => {
    const { page } = ui;
    await ui.goTo('Takstscenarier');
    await page.getByRole('link', { name: 'NT-1 v1 – scenarie 1' }).click();
    await expect.poll(() => figure(page, 'figure-total').textContent()).toBe('4.400.000 kr.');
    const budget = page.getByRole('region', { name: 'Budgetlinjer' });
    const labels = budget.getByLabel('Budgetlinje', { exact: true });
    const lines = await labels.count();
    expect(lines).toBeGreaterThan(3);

    // A cell Excel cannot have meant: nothing changes, and the message names the row and column.
    await pasteInto(labels.first(), 'Løn og personale\t15.200.000\nHusleje\t1.800.000.5\n');
    await page.getByRole('alert').filter({ hasText: 'Række 2, kolonne B (Beløb)' }).waitFor();
    expect(await labels.first().inputValue()).not.toBe('Løn og personale');

    // The headings row is left out; Danish thousands, decimals and a minus are read; the rows fill the table from the first.
    await pasteInto(labels.first(), 'Linje\tBeløb\r\nLøn og personale\t15.200.000\r\nHusleje\t1.800.000,50\r\nIndtægt fra salg\t-1.234\r\n');
    await page.getByText('3 rækker indsat fra udklipsholderen.').waitFor();
    expect(await labels.count()).toBe(lines);
    expect(await labels.nth(0).inputValue()).toBe('Løn og personale');
    expect(await labels.nth(2).inputValue()).toBe('Indtægt fra salg');
    expect(await budget.getByLabel('Beløb', { exact: true }).nth(1).inputValue()).toMatch(/^1\.800\.000,5/);
    expect(await budget.getByLabel('Beløb', { exact: true }).nth(2).inputValue()).toMatch(/^-1\.234/);

    // Three of the four levels pasted over, one place short of the offer's ten: the modeller says so.
    const level = page.getByLabel('Takstniveau', { exact: true });
    expect(await level.count()).toBe(4);
    await pasteInto(level.first(), 'Takst A\t9.100\t3\nTakst B\t7.650,50\t3\nTakst C\t6.300\t1');
    const warning = page.getByTestId('level-places-warning');
    await expect.poll(() => warning.textContent()).toBe('Takstniveauerne har 9 pladser i alt, men tilbuddet har 10 pladser: 1 plads har intet takstniveau.');
    expect(await level.nth(1).inputValue()).toBe('Takst B');
    expect(await level.count()).toBe(4);
    await expect.poll(() => page.getByTestId('scenario-warnings').textContent()).toContain('1 plads har intet takstniveau');

    for (const [width, height] of [[1440, 900], [1280, 720]] as const) {
      await page.setViewportSize({ width, height });
      await page.getByText('Budgetlinjer', { exact: true }).scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollBy(0, 0));
      await screenshot(page, `scenarie-indsat-fra-excel-${width}`);
      await warning.scrollIntoViewIfNeeded();
      await screenshot(page, `scenarie-pladser-advarsel-${width}`);
    }
  });
});

/** Pastes text into a field as Ctrl+V does with cells copied from Excel (the clipboard itself is not the test's). */
async function pasteInto(field: ReturnType<Page['getByLabel']>, text: string) {
  await field.focus();
  await field.evaluate((element, data) => {
    const paste = new Event('paste', { bubbles: true, cancelable: true });
    Object.defineProperty(paste, 'clipboardData', { value: { getData: (type: string) => (type === 'text/plain' ? data : '') } });
    element.dispatchEvent(paste);
  }, text);
}
