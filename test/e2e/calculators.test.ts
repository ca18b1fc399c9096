import type { Locator } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { screenshot, useE2eSession } from './support/app';

const session = useE2eSession();
let ui: AppPage;
beforeEach(async () => {
  ui = new AppPage(session.page);
  await session.app.backend.call('settings.update', { welcomeDone: true });
  await ui.open(session.app.host.url);
  await ui.goTo('Takstscenarier');
  await ui.page.getByRole('tab', { name: 'Beregninger' }).click();
});

/** Opens a calculator from the list on the left; its panel is named by its tab. */
async function calculator(name: string): Promise<Locator> {
  await ui.page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  const panel = ui.page.getByRole('tabpanel', { name: new RegExp(`^${name}`) });
  await panel.waitFor();
  return panel;
}

async function preset(panel: Locator, name: RegExp) {
  await panel.getByRole('button', { name: 'Forudfyld med …' }).click();
  await ui.page.getByRole('menuitem', { name }).click();
}

describe('Beregninger', () => {
  it('repays Svenstrupgård’s 19,6 mio. kr. in 14 years at +50 kr., or over 5 years at +144 kr., as printed', async () => {
    const panel = await calculator('Tilbagebetaling');
    await preset(panel, /Svenstrupgård/);
    await expect.poll(() => panel.getByTestId('payback-years').textContent()).toBe('14 år');
    expect(await panel.getByTestId('payback-increase').textContent()).toBe('144 kr.');
    expect(await panel.getByTestId('payback-implied-places').textContent()).toContain('74,52 belagte pladser');
    // Every printed figure (14 år, 144 kr., 18.250 / 9.125 and 52.560 / 26.280 kr.) is marked as agreeing.
    expect(await panel.locator('[data-matches="true"]').count()).toBe(6);
    expect(await panel.locator('[data-matches="false"]').count()).toBe(0);
    await screenshot(ui.page, 'calculators-payback', { fullPage: true });

    // Editing an input leaves the preset: the printed column goes, the result follows at once.
    await panel.getByRole('textbox', { name: 'Takststigning pr. døgn' }).fill('100');
    await expect.poll(() => panel.getByTestId('payback-years').textContent()).toBe('7 år');
    expect(await panel.locator('[data-matches]').count()).toBe(0);
  });

  it('distributes Socialtilsyn Nord 2022 in whole kroner that add up, and shows where the printed rows do not', async () => {
    const panel = await calculator('Objektiv finansiering');
    await preset(panel, /objektiv finansiering 2022/);
    const row = (name: string) => panel.getByTestId('distribution-row').filter({ hasText: name });
    await expect.poll(() => row('Aalborg Kommune').getByTestId('distribution-part').textContent()).toBe('6.135.144 kr.');
    expect(await panel.getByTestId('distribution-sum').textContent()).toBe('18.745.427 kr.');
    expect(await panel.getByTestId('distribution-printed-check').textContent()).toBe('De trykte rækker summerer til 18.745.428 kr., 1 kr. over totalen.');
    // Rebild is printed 1 kr. higher than its part by largest remainder; the other ten agree.
    expect(await row('Rebild Kommune').locator('[data-matches="false"]').count()).toBe(1);
    expect(await panel.getByTestId('distribution-table').locator('tbody [data-matches="false"]').count()).toBe(1);
    await screenshot(ui.page, 'calculators-distribution', { fullPage: true });

    await preset(panel, /objektiv finansiering 2021/);
    await expect
      .poll(() => panel.getByTestId('distribution-printed-check').textContent())
      .toBe('De trykte rækker summerer til 19.504.194 kr., 2 kr. under totalen.');
    expect(await panel.getByTestId('distribution-sum').textContent()).toBe('19.504.196 kr.');
  });

  it('refuses an occupancy of 0 % or above 100 % with the rule’s Danish message instead of a tariff', async () => {
    const panel = await calculator('Døgntakst');
    const occupancy = panel.getByRole('textbox', { name: 'Budgetteret belægning' });
    await occupancy.fill('0');
    const error = panel.getByTestId('calculator-error');
    await expect.poll(() => error.textContent()).toContain('Belægningsprocenten skal være større end 0');
    expect(await panel.getByTestId('daily-tariff').count()).toBe(0);

    await occupancy.fill('120');
    await expect.poll(() => error.textContent()).toMatch(/højst 100\s%\s\(fik 120,0\s%\)/);

    await preset(panel, /NT-1 v1/);
    await expect.poll(() => panel.getByTestId('daily-tariff').textContent()).toBe('6.971,08 kr.');
    expect(await panel.getByTestId('occupancy-warnings').textContent()).toContain('uden for det forventede interval');
  });
});
