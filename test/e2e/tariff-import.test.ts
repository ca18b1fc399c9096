import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, expect, it } from 'vitest';
import { currentSheetsOfYear } from '../../db/queries/tariff-sheets';
import { addOffer, addSheet, simpleSheetContent } from '../helpers/tariff-year-fixture';
import { templateToFill } from '../helpers/tariff-template-fill';
import { AppPage } from './pages/app-page';
import { screenshot, useE2eSession } from './support/app';

const session = useE2eSession();
let ui: AppPage;
let dir: string;

beforeEach(async () => {
  const db = session.app.backend.database.db;
  const nord = await addOffer(db, 'Aalborg Kommune', { name: 'Botilbud Nord' });
  const levels = [
    { name: 'Almindelig', places: 12, reportedTariff: 150_000, ataHours: 10 },
    { name: 'Særlig støtte', places: 8, reportedTariff: null, ataHours: 20 },
  ];
  await addSheet(db, nord, 2026, simpleSheetContent(10_000_000, 20, 0.95, { levels }));
  await addOffer(db, 'Aalborg Kommune', { name: 'Dagtilbud Syd', legalBasis: 'SEL-104', tariffUnit: 'dag' });
  dir = mkdtempSync(join(tmpdir(), 'sekretariat-e2e-templates-'));
  await session.app.backend.call('settings.update', { welcomeDone: true });
  ui = new AppPage(session.page);
  await ui.open(session.app.host.url);
  await ui.goTo('Indstillinger');
  await ui.page.getByRole('textbox', { name: 'Takstår', exact: true }).fill('2027');
});

async function filled(places: string | number) {
  const t = await templateToFill(session.app.backend.database.db, 'Aalborg Kommune', 2027);
  t.set('Takster', 'Botilbud Nord', 'Pladser', 22);
  t.set('Takster', 'Botilbud Nord', 'Personaleomkostninger (kr.)', 10_400_000);
  t.set('Takster', 'Botilbud Nord', 'Budget i alt (kr.)', 10_400_000);
  t.set('Takster', 'Botilbud Nord', 'Bemærkninger', 'To nye pladser');
  // The two new places on the level with more support, and its ATA hours up.
  t.set('Takstniveauer', 'Botilbud Nord', 'Pladser', 10, 1);
  t.set('Takstniveauer', 'Botilbud Nord', 'ATA-timer pr. uge', 24.5, 1);
  t.set('Takster', 'Dagtilbud Syd', 'Pladser', places);
  t.set('Takster', 'Dagtilbud Syd', 'Belægning', 0.9);
  t.set('Takster', 'Dagtilbud Syd', 'Belægningsmetode', 'Klar forventning til det kommende år');
  t.set('Takster', 'Dagtilbud Syd', 'Personaleomkostninger (kr.)', 3_000_000);
  t.set('Takster', 'Dagtilbud Syd', 'Budget i alt (kr.)', 3_000_000);
  return (await t.save(dir, 'Aalborg.xlsx')).path;
}

async function choose(file: string) {
  const chooser = ui.page.waitForEvent('filechooser');
  await ui.page.getByRole('button', { name: 'Indlæs takstskemaer …' }).click();
  await (await chooser).setFiles([file]);
  await ui.page.getByTestId('tariff-import-preview').waitFor();
}

async function look(name: string) {
  for (const [width, height] of [
    [1440, 900],
    [1280, 720],
  ] as const) {
    await ui.page.setViewportSize({ width, height });
    await ui.page.getByRole('heading', { name: 'Takstskemaer fra driftsherrerne' }).scrollIntoViewIfNeeded();
    await screenshot(ui.page, `${name}-${width}`);
  }
}

it('reads a filled template, shows the differences against what is stored, and saves the sheets only when accepted', async () => {
  await choose(await filled(12));
  const preview = ui.page.getByTestId('tariff-import-preview');
  expect(await preview.innerText()).toMatch(/Botilbud Nord[\s\S]*Pladser\s+–\s+22/);
  expect(await preview.innerText()).toMatch(/Takstniveau «Særlig støtte»\s+–\s+10 pladser, beregnet takst, 24,5 ATA-timer pr\. uge/);
  await look('tariff-import-preview');
  expect(await currentSheetsOfYear(session.app.backend.database.db, 2027)).toEqual([]);

  await ui.page.getByRole('button', { name: 'Indlæs', exact: true }).click();
  await ui.page.getByTestId('tariff-import-done').waitFor();
  expect(await ui.page.getByTestId('tariff-import-done').innerText()).toMatch(/2 takstskemaer indlæst for 2027/);
  const stored = await currentSheetsOfYear(session.app.backend.database.db, 2027);
  expect(stored.flatMap((s) => s.content.levels.map((l) => [l.name, l.places, l.ataHours]))).toEqual([
    ['Almindelig', 12, 10],
    ['Særlig støtte', 10, 24.5],
  ]);
  expect(stored.map((s) => [s.status, s.content.places]).sort()).toEqual([
    ['submitted', 12],
    ['submitted', 22],
  ]);
});

it('names the cell of a bad value and offers no import', async () => {
  await choose(await filled('ca. 12'));
  const preview = ui.page.getByTestId('tariff-import-preview');
  expect(await preview.innerText()).toMatch(/Aalborg\.xlsx, ark Takster, række 7, celle \w+7: teksten «ca\. 12» er ikke et tal/);
  expect(await ui.page.getByRole('button', { name: 'Indlæs', exact: true }).isDisabled()).toBe(true);
  await look('tariff-import-refused');
  expect(await currentSheetsOfYear(session.app.backend.database.db, 2027)).toEqual([]);
});
