import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
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

describe('the decision register as a spreadsheet', () => {
  it('exports the filtered register to .xlsx with the mouse and the follow-ups to CSV with the keyboard', async () => {
    const { page } = ui;
    await ui.goTo('Beslutninger');
    await page.getByTestId('register-row').first().waitFor();
    await ui.choose(page.getByRole('textbox', { name: 'År' }), '2021');
    const total = (await call(app.backend, 'decisions.register', { year: 2021, limit: 1 })).total;
    await expect.poll(() => page.getByTestId('register-total').textContent()).toMatch(new RegExp(`^${total} beslutninger`));

    await page.getByRole('button', { name: 'Eksportér' }).click();
    await page.getByRole('menu').getByText('Alle beslutninger, der passer til filtrene').waitFor();
    await screenshot(page, 'beslutningsregister-eksport');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Regneark (.xlsx)' }).click()]);
    expect(download.suggestedFilename()).toBe('Beslutningsregister 2021.xlsx');
    await ui.notification('Beslutningsregister 2021.xlsx er gemt.').waitFor();
    const file = join(app.dataDir, 'register.xlsx');
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet('Beslutninger')!;
    expect(sheet.rowCount).toBe(total + 1);
    const known = sheet.getRows(2, total)!.find((r) => r.getCell(4).value === 'Kobling mellem DAS og Handicapchefkredsen')!;
    expect((known.getCell(1).value as Date).toISOString()).toBe('2021-05-27T00:00:00.000Z');
    expect(known.getCell(8).value).toBe('Drøftet');

    // The follow-ups, by keyboard only: focus the button, open the menu, pick CSV.
    await page.getByText('Opfølgninger', { exact: true }).click();
    await page.getByTestId('follow-ups-table').waitFor();
    await page.getByRole('button', { name: 'Eksportér' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'CSV (semikolonsepareret)' }).waitFor();
    const csvItem = page.getByRole('menuitem', { name: 'CSV (semikolonsepareret)' });
    for (let i = 0; i < 4 && !(await csvItem.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('ArrowDown');
    expect(await csvItem.evaluate((el) => el === document.activeElement)).toBe(true);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(csv.suggestedFilename()).toBe('Opfølgninger.csv');
    const csvFile = join(app.dataDir, 'opfoelgninger.csv');
    await csv.saveAs(csvFile);
    const text = readFileSync(csvFile, 'utf8');
    expect(text.startsWith('\uFEFFOpgave;Ansvarlig;Frist;')).toBe(true);
    expect(text).toContain('Sekretariatet');
  });
});
