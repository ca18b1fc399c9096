import { beforeEach, expect, it } from 'vitest';
import { call } from '../helpers/backend';
import { addOffer, addResult } from '../helpers/tariff-year-fixture';
import { TariffYearPage } from './pages/tariff-year-page';
import { screenshot, useE2eSession } from './support/app';

const session = useE2eSession();
let ui: TariffYearPage;
let offerId: string;

beforeEach(async () => {
  const { app } = session;
  const db = app.backend.database.db;
  offerId = await addOffer(db, 'Aalborg Kommune', { name: 'Botilbud Nord' });
  await addOffer(db, 'Aalborg Kommune', { name: 'Botilbud Syd' });
  // A surplus of 4 % of G: all of it may be set aside, to be used in 2025–2029.
  await addResult(db, offerId, 2024, 10_000_000, 400_000);
  await call(app.backend, 'settings.update', { welcomeDone: true });
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

it('records a use of a set-aside within what is left, corrects it, and a deleted use comes back with «Fortryd»', async () => {
  const { app } = session;
  await ui.openOffer(app.host.origin, offerId, 'Botilbud Nord');
  const row = ui.ledger().getByTestId('ledger-row').filter({ hasText: '2024' });
  const uses = ui.ledger().getByTestId('set-aside-use');
  // Hensat, Udløber, Brugt, Tilbage.
  expect(await row.innerText()).toMatch(/400\.000\s+2029\s+–\s+400\.000/);

  await ui.ledger().getByRole('button', { name: 'Brug hensættelse' }).click();
  const dialog = ui.dialog('Brug hensættelse');
  expect(await dialog.getByText('400.000 kr. tilbage af 400.000 kr.').isVisible()).toBe(true);
  expect(await dialog.getByText('Kan bruges 2025–2029').isVisible()).toBe(true);
  await dialog.getByRole('textbox', { name: 'Bruges i år' }).fill('2026');
  await dialog.getByRole('textbox', { name: 'Beløb' }).fill('500000');
  await dialog.getByRole('textbox', { name: 'Bruges til' }).fill('Nyt sansemotorisk rum');
  await dialog.getByRole('button', { name: 'Gem brugen' }).click();
  // More than is left: the backend's refusal, beside the button, and nothing recorded.
  await dialog.getByRole('alert').filter({ hasText: 'Der er kun 400.000 kr. tilbage af hensættelsen fra 2024 (hensat 400.000 kr.).' }).waitFor();
  await look('set-aside-use-refused', () => dialog.getByRole('button', { name: 'Gem brugen' }).scrollIntoViewIfNeeded());
  expect(await uses.count()).toBe(0);

  await dialog.getByRole('textbox', { name: 'Beløb' }).fill('150000');
  await dialog.getByRole('button', { name: 'Gem brugen' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await expect.poll(() => row.innerText()).toMatch(/400\.000\s+2029\s+150\.000\s+250\.000/);
  expect(await uses.innerText()).toMatch(/Brugt i 2026 på Botilbud Nord: Nyt sansemotorisk rum\s+150\.000/);
  await look('set-aside-use-ledger', () => ui.ledger().scrollIntoViewIfNeeded());

  // The correction may take its own amount again: 400.000 kr. is left for it.
  await uses.getByRole('button', { name: 'Ret brugen i 2026 af hensættelsen fra 2024' }).click();
  const correction = ui.dialog('Ret brugen i 2026 af hensættelsen fra 2024');
  expect(await correction.getByText('400.000 kr. tilbage af 400.000 kr.').isVisible()).toBe(true);
  await correction.getByRole('textbox', { name: 'Beløb' }).fill('100000');
  await ui.choose(correction.getByRole('textbox', { name: 'Bruges på tilbuddet' }), 'Botilbud Syd');
  await look('set-aside-use-dialog', () => correction.getByRole('button', { name: 'Gem brugen' }).scrollIntoViewIfNeeded());
  await correction.getByRole('button', { name: 'Gem brugen' }).click();
  await correction.waitFor({ state: 'hidden' });
  await expect.poll(() => row.innerText()).toMatch(/400\.000\s+2029\s+100\.000\s+300\.000/);
  expect(await uses.innerText()).toMatch(/Brugt i 2026 på Botilbud Syd: Nyt sansemotorisk rum\s+100\.000/);

  await uses.getByRole('button', { name: 'Slet brugen i 2026 af hensættelsen fra 2024' }).click();
  const undo = ui.notification('Brugen af hensættelsen fra 2024 i 2026 er slettet.');
  await undo.waitFor();
  await expect.poll(() => uses.count()).toBe(0);
  await expect.poll(() => row.innerText()).toMatch(/400\.000\s+2029\s+–\s+400\.000/);
  await undo.getByRole('button', { name: 'Fortryd' }).click();
  await expect.poll(() => uses.count()).toBe(1);
  await expect.poll(() => row.innerText()).toMatch(/400\.000\s+2029\s+100\.000\s+300\.000/);
  expect(await uses.innerText()).toContain('Botilbud Syd');
});

it('shows the operator’s 5 % ledger: the offers summed year by year, each offer in brief, and every warning by offer', async () => {
  const { app } = session;
  const db = app.backend.database.db;
  const south = (await call(app.backend, 'offers.list', {})).find((o) => o.name === 'Botilbud Syd')!.id;
  // A deficit of 8 % of G: 5 % is the operator's own, the remaining 300.000 kr. goes into the tariff of 2026.
  await addResult(db, south, 2024, 10_000_000, -800_000);
  await ui.openOffer(app.host.origin, offerId, 'Botilbud Nord');
  await ui.ledger().getByRole('button', { name: 'Aalborg Kommunes 5 %-regnskab' }).click();
  await ui.page.getByRole('heading', { name: '5 %-regnskab: Aalborg Kommune', level: 1 }).waitFor();

  // G, R, Afholdt, Hensat, Tilbage af hensat, I taksten to år efter.
  const year = ui.page.getByTestId('operator-ledger-year').filter({ hasText: '2024' });
  expect(await year.innerText()).toMatch(/^2024\s+20\.000\.000\s+-400\.000\s+500\.000\s+400\.000\s+400\.000\s+300\.000$/);
  expect(await ui.page.getByTestId('operator-ledger-warning').innerText()).toBe(
    'Botilbud Syd: Resultatet for 2024 forhøjer taksten for 2026 med 300.000 kr., men der er intet takstskema for 2026 endnu.',
  );
  expect(await ui.page.getByTestId('operator-ledger-offer').allInnerTexts()).toEqual([
    expect.stringMatching(/^Botilbud Nord\s+2024\s+400\.000 \(2024\)\s+400\.000\s+–$/),
    expect.stringMatching(/^Botilbud Syd\s+2024\s+-800\.000 \(2024\)\s+–\s+1$/),
  ]);
  await look('driftsherre-5-procent', () => ui.page.getByRole('heading', { name: '5 %-regnskab: Aalborg Kommune', level: 1 }).scrollIntoViewIfNeeded());

  // An offer's name leads to its page; the register, filtered on the operator, leads back.
  await ui.page.getByTestId('operator-ledger-offer').getByRole('button', { name: 'Botilbud Syd' }).click();
  await ui.page.getByRole('heading', { name: 'Botilbud Syd', level: 1 }).waitFor();
  await ui.goTo('Tilbudsregister');
  await ui.choose(ui.page.getByRole('textbox', { name: 'Driftsherre' }), 'Aalborg Kommune');
  await ui.page.getByRole('button', { name: 'Driftsherrens 5 %-regnskab' }).click();
  await ui.page.getByRole('heading', { name: '5 %-regnskab: Aalborg Kommune', level: 1 }).waitFor();
});
