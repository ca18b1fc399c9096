import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, expect, it } from 'vitest';
import { currentSheetsOfYear } from '../../db/queries/tariff-sheets';
import { addOffer, addResult, addSheet, simpleSheetContent } from '../helpers/tariff-year-fixture';
import { fillable } from '../helpers/tariff-template-fill';
import { TariffYearPage } from './pages/tariff-year-page';
import { call } from '../helpers/backend';
import { screenshot, useE2eSession } from './support/app';

const session = useE2eSession();
let ui: TariffYearPage;
let offerId: string;
let meetingId: string;

beforeEach(async () => {
  const { app } = session;
  const db = app.backend.database.db;
  offerId = await addOffer(db, 'Aalborg Kommune', { name: 'Botilbud Nord' });
  await addSheet(db, offerId, 2026, simpleSheetContent(10_000_000, 20, 0.95), 'approved');
  await call(app.backend, 'settings.update', { welcomeDone: true });
  const das = (await call(app.backend, 'bodies.list', {})).find((b) => b.code === 'DAS')!;
  meetingId = (await call(app.backend, 'meetings.create', { bodyId: das.id, date: '2026-09-24', startTime: '13:00', endTime: '16:00' })).id;
  ui = new TariffYearPage(session.page);
  await ui.open(app.host.url);
});

async function look(name: string, target: () => Promise<unknown>) {
  for (const [width, height] of [[1440, 900], [1280, 720]] as const) {
    await ui.page.setViewportSize({ width, height });
    await target();
    await screenshot(ui.page, `${name}-${width}`);
  }
}

it('runs the tariff year through the window: template, import, a result due in the tariff, takstbilag and DAS approval', async () => {
  const { app } = session;
  const { page } = ui;

  // The operator's template for 2027, downloaded from Indstillinger and filled in as the operator would.
  await ui.goTo('Indstillinger');
  // The section's own card (it is not a landmark).
  const templates = page.locator('.mantine-Paper-root').filter({ has: page.getByRole('heading', { name: 'Takstskemaer fra driftsherrerne' }) }).last();
  await templates.getByRole('textbox', { name: 'Takstår' }).fill('2027');
  await ui.choose(templates.getByRole('textbox', { name: 'Driftsherre' }), 'Aalborg Kommune');
  const [download] = await Promise.all([page.waitForEvent('download'), templates.getByRole('button', { name: 'Hent skabelon' }).click()]);
  const dir = mkdtempSync(join(tmpdir(), 'sekretariat-e2e-tariff-year-'));
  const downloaded = join(dir, download.suggestedFilename());
  await download.saveAs(downloaded);
  const template = await fillable(await readFile(downloaded));
  template.set('Takster', 'Botilbud Nord', 'Pladser', 20);
  template.set('Takster', 'Botilbud Nord', 'Personaleomkostninger (kr.)', 10_400_000);
  template.set('Takster', 'Botilbud Nord', 'Budget i alt (kr.)', 10_400_000);
  const filled = await template.save(dir, 'Aalborg udfyldt.xlsx');

  // Imported: preview, then «Indlæs».
  const chooser = page.waitForEvent('filechooser');
  await templates.getByRole('button', { name: 'Indlæs takstskemaer …' }).click();
  await (await chooser).setFiles([filled.path]);
  await templates.getByTestId('tariff-import-preview').waitFor();
  await templates.getByRole('button', { name: 'Indlæs', exact: true }).click();
  await templates.getByTestId('tariff-import-done').waitFor();

  // The offer's sheet of 2027, submitted; then a deficit of 2025 beyond 5 % of G is due in it.
  await ui.openOffer(app.host.origin, offerId, 'Botilbud Nord');
  await ui.chooseYear(2027);
  await expect.poll(() => ui.sheets().getByTestId('sheet-status').innerText()).toBe('INDSENDT');
  expect(await ui.figure('sheet-basis')).toBe('10.400.000 kr.');
  await ui.registerResult({ year: 2025, basis: '10000000', result: '-1500000' });
  // 15 % deficit: 5 % is the operator's own, the other 1.000.000 kr. raises the tariff of 2027.
  const row = ui.ledger().getByTestId('ledger-row').filter({ hasText: '2025' });
  await expect.poll(() => row.innerText()).toMatch(/1\.000\.000\s+2027 \(indsendt\)/);
  await expect.poll(() => ui.figure('sheet-basis')).toBe('11.400.000 kr.');
  expect(await ui.sheets().getByTestId('sheet-due').innerText()).toMatch(/Resultat fra 2025 \(underskud\)\s+1\.000\.000 kr\./);
  await look('tariff-year-offer', () => ui.sheets().scrollIntoViewIfNeeded());
  await look('tariff-year-ledger', () => ui.ledger().scrollIntoViewIfNeeded());

  // The takstbilag on DAS's meeting, and the decision «Godkendt» on its item.
  await page.goto(`${app.host.origin}/#/moeder/${meetingId}`);
  await page.getByRole('heading', { name: 'DAS · 24. september 2026' }).waitFor();
  await page.getByRole('button', { name: 'Takstbilag …' }).click();
  const dialog = ui.dialog('Takstbilag');
  expect(await dialog.getByRole('textbox', { name: 'Takstår' }).inputValue()).toBe('2027');
  await dialog.getByRole('button', { name: 'Sæt på dagsordenen' }).click();
  await ui.item('Takstbilag 2027').waitFor();
  await ui.select('Takstbilag 2027');
  const editor = page.getByTestId('item-editor');
  await ui.choose(editor.getByRole('textbox', { name: 'Udfald', exact: true }), 'Godkendt');
  await expect.poll(async () => (await currentSheetsOfYear(app.backend.database.db, 2027)).map((s) => s.status)).toEqual(['approved']);

  // The sheet is approved and locked, the due amount kept in its basis.
  await ui.openOffer(app.host.origin, offerId, 'Botilbud Nord');
  await ui.chooseYear(2027);
  await expect.poll(() => ui.sheets().getByTestId('sheet-status').innerText()).toBe('GODKENDT');
  expect(await ui.sheets().getByText('Låst', { exact: true }).isVisible()).toBe(true);
  expect(await ui.sheets().getByTestId('sheet-approval').innerText()).toMatch(/^Godkendt .+ ved beslutningen på DAS 24\.09\.2026, punkt \d+: Takstbilag 2027\. Skemaet er låst/);
  expect(await ui.sheets().getByRole('button', { name: 'Ret skemaet' }).count()).toBe(0);
  expect(await ui.figure('sheet-basis')).toBe('11.400.000 kr.');
  await look('tariff-year-approved', () => ui.sheets().scrollIntoViewIfNeeded());
});

it('corrects a result from what was entered, and a deleted one comes back with «Fortryd»', async () => {
  const { app } = session;
  await addResult(app.backend.database.db, offerId, 2024, 10_000_000, 200_000, { activity: 6_800, capacity: 7_300 });
  await ui.openOffer(app.host.origin, offerId, 'Botilbud Nord');
  const row = ui.ledger().getByTestId('ledger-row').filter({ hasText: '2024' });
  expect(await row.innerText()).toMatch(/10\.000\.000\s+200\.000\s+93,2\s%/);

  // The correction starts from the figures as entered: the occupancy's activity and capacity stay.
  await row.getByRole('button', { name: 'Ret resultatet for 2024' }).click();
  const dialog = ui.dialog('Ret resultatet for 2024');
  expect(await dialog.getByRole('textbox', { name: 'Kapacitet' }).inputValue()).toBe('7.300');
  await dialog.getByRole('textbox', { name: 'Årets resultat (R)' }).fill('-900000');
  await dialog.getByRole('button', { name: 'Gem resultat' }).click();
  await dialog.waitFor({ state: 'hidden' });
  // A 9 % deficit: 500.000 kr. is the operator's own, 400.000 kr. is due in the tariff of 2026.
  await expect.poll(() => row.innerText()).toMatch(/-900\.000\s+93,2\s%\s+500\.000[\s\S]*400\.000\s+2026 \(godkendt\)/);

  await row.getByRole('button', { name: 'Slet resultatet for 2024' }).click();
  await ui.notification('Resultatet for 2024 er slettet.').waitFor();
  await expect.poll(() => row.count()).toBe(0);
  await ui.notification('Resultatet for 2024 er slettet.').getByRole('button', { name: 'Fortryd' }).click();
  await expect.poll(() => row.count()).toBe(1);
  expect(await row.innerText()).toContain('-900.000');
});

it('takes a sheet from draft to submitted and back, and an approved one only as FU’s new version', async () => {
  const { app } = session;
  await ui.openOffer(app.host.origin, offerId, 'Botilbud Nord');
  await ui.chooseYear(2027);
  await ui.sheets().getByRole('button', { name: 'Opret skema' }).click();
  const form = ui.dialog('Takstberegningsskema 2027');
  // The new year starts from 2026's approved sheet, for the operator to correct.
  expect(await form.getByTestId('sheet-starting-point').innerText()).toBe('Udfyldt med tallene fra skemaet for 2026. Ret dem til 2027.');
  expect(await form.getByRole('textbox', { name: 'Tekst, linje 1' }).inputValue()).toBe('Borgerrelateret personale');
  expect(await form.getByRole('textbox', { name: 'Beløb, linje 1' }).inputValue()).toBe('10.000.000 kr.');
  expect(await form.getByRole('textbox', { name: 'Pladser', exact: true }).inputValue()).toBe('20');
  await form.getByRole('textbox', { name: 'Beløb, linje 1' }).fill('10400000');
  await form.getByRole('textbox', { name: 'Budgettets total (oplyst)' }).fill('10400000');
  await form.getByRole('textbox', { name: 'Pladser', exact: true }).fill('20');
  // The occupancy as the average of two realised years, which the sheet checks against the budgeted 95 %.
  await ui.choose(form.getByRole('textbox', { name: 'Belægningen er fastsat som' }), 'Gennemsnit af de to foregående års faktiske belægning');
  await form.getByRole('textbox', { name: 'Faktisk belægning, seneste regnskabsår' }).fill('94');
  await form.getByRole('textbox', { name: 'Faktisk belægning, året før' }).fill('93');
  // One level with its ATA hours (Styringsaftalen 5.4.7).
  await form.getByRole('button', { name: 'Tilføj takstniveau' }).click();
  await form.getByRole('textbox', { name: 'Niveau' }).fill('Døgnophold');
  await form.getByRole('textbox', { name: 'Pladser' }).nth(1).fill('20');
  await form.getByRole('textbox', { name: 'ATA-timer pr. uge' }).fill('12,5');
  await form.getByRole('button', { name: 'Gem skemaet' }).click();
  await form.waitFor({ state: 'hidden' });
  await expect.poll(() => ui.sheets().getByTestId('sheet-status').innerText()).toBe('UDKAST');
  expect(await ui.figure('sheet-basis')).toBe('10.400.000 kr.');
  expect(await ui.sheets().getByTestId('sheet-levels').innerText()).toContain('Døgnophold 1.499,64 kr. (20 pl., 12,5 ATA-timer pr. uge)');
  const averageWarning = 'Belægningen er angivet som gennemsnittet af de to foregående år (94,0 % og 93,0 % = 93,5 %), men er sat til 95,0 %.';
  expect(await ui.sheets().getByTestId('sheet-check-warning').filter({ hasText: averageWarning }).count()).toBe(1);
  await ui.sheets().getByRole('button', { name: 'Indsend' }).click();
  await expect.poll(() => ui.sheets().getByTestId('sheet-status').innerText()).toBe('INDSENDT');
  expect(await ui.sheets().getByRole('button', { name: 'Ret skemaet' }).count()).toBe(0);
  await ui.sheets().getByRole('button', { name: 'Genåbn' }).click();
  await expect.poll(() => ui.sheets().getByTestId('sheet-status').innerText()).toBe('UDKAST');

  // 2026 is approved: locked, and a change is a new version that FU approved.
  await ui.chooseYear(2026);
  await expect.poll(() => ui.sheets().getByTestId('sheet-status').innerText()).toBe('GODKENDT');
  await ui.sheets().getByRole('button', { name: 'Ny version (ændring i årets løb)' }).click();
  const version = ui.dialog('Ny version af skemaet for 2026');
  await version.getByRole('textbox', { name: 'Pladser', exact: true }).fill('22');
  await version.getByRole('button', { name: 'Gem ny version' }).click();
  // The backend's refusal, in Danish.
  await version.getByRole('alert').filter({ hasText: 'Angiv FU-punktet eller skriv, hvilket FU-møde der godkendte ændringen' }).waitFor();
  await version.getByRole('textbox', { name: 'FU’s godkendelse' }).fill('FU 14.03.2026, punkt 5');
  await version.getByRole('button', { name: 'Gem ny version' }).click();
  await version.waitFor({ state: 'hidden' });
  await expect.poll(() => ui.sheets().getByTestId('sheet-status').innerText()).toBe('ÆNDRET I ÅRETS LØB');
  expect(await ui.sheets().getByTestId('sheet-approval').innerText()).toContain('FU 14.03.2026, punkt 5');
  expect(await ui.sheets().getByTestId('sheet-version').count()).toBe(2);
});

it('approves an in-year version on the FU item picked from the list, and the approval and the versions name the item', async () => {
  const { app } = session;
  const fu = (await call(app.backend, 'bodies.list', {})).find((b) => b.code === 'FU')!;
  const fuMeeting = await call(app.backend, 'meetings.create', { bodyId: fu.id, date: '2026-03-14', startTime: '09:00', endTime: '11:00' });
  const item = await call(app.backend, 'agenda.create', { meetingId: fuMeeting.id, title: 'Takstændring for Botilbud Nord' });
  await ui.openOffer(app.host.origin, offerId, 'Botilbud Nord');
  await ui.chooseYear(2026);
  await expect.poll(() => ui.sheets().getByTestId('sheet-status').innerText()).toBe('GODKENDT');
  await ui.sheets().getByRole('button', { name: 'Ny version (ændring i årets løb)' }).click();
  const version = ui.dialog('Ny version af skemaet for 2026');
  await version.getByRole('textbox', { name: 'Pladser', exact: true }).fill('22');

  // FU's items first (here the only ones: DAS's meeting has no items yet).
  const picker = version.getByRole('textbox', { name: 'FU-punkt' });
  await picker.click();
  const option = ui.page.getByRole('option').first();
  await expect.poll(() => option.innerText()).toMatch(/^FU 14\.03\.2026, punkt 1\s+Takstændring for Botilbud Nord$/);
  await look('ny-version-fu-punkt', () => picker.scrollIntoViewIfNeeded());
  await option.click();
  expect(await picker.inputValue()).toBe('FU 14.03.2026, punkt 1: Takstændring for Botilbud Nord');
  await version.getByRole('button', { name: 'Gem ny version' }).click();
  await version.waitFor({ state: 'hidden' });

  await expect.poll(() => ui.sheets().getByTestId('sheet-status').innerText()).toBe('ÆNDRET I ÅRETS LØB');
  expect(await ui.sheets().getByTestId('sheet-approval').innerText()).toMatch(/^Ændret i årets løb og godkendt .+ ved beslutningen på FU 14\.03\.2026, punkt 1: Takstændring for Botilbud Nord\. Skemaet er låst\.$/);
  expect(await ui.sheets().getByTestId('sheet-version').nth(1).innerText()).toContain('FU 14.03.2026, punkt 1: Takstændring for Botilbud Nord');
  const stored = await call(app.backend, 'tariffSheets.get', { offerId, year: 2026 });
  expect(stored.versions.map((v) => v.approvedItemId)).toEqual([null, item.id]);
  await look('ny-version-godkendt-af-fu', () => ui.sheets().getByTestId('sheet-approval').scrollIntoViewIfNeeded());
});
